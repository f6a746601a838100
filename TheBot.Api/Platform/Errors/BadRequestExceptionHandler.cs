using Microsoft.AspNetCore.Diagnostics;

namespace TheBot.Api.Platform.Errors;

/// <summary>
/// A body that is not valid JSON, a wrong type, a body too large: the caller's mistake, answered with
/// its 4xx problem (Development throws these instead of answering, so this keeps both alike).
/// </summary>
public sealed class BadRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);

        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        httpContext.Response.StatusCode = badRequest.StatusCode;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails =
            {
                Status = badRequest.StatusCode,
                Title = badRequest.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The request body is too large" : "The request is malformed",
                Detail = badRequest.InnerException is System.Text.Json.JsonException json ? json.Message : badRequest.Message,
            },
        });
    }
}
