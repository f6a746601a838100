using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Forwarder;

namespace TheBot.Web.FrontDoor;

/// <summary>
/// Sets each request's body limit — the upload limit on upload routes, the small default elsewhere — and
/// answers 413 with problem details when a body is over it.
/// </summary>
internal sealed class RequestBodyLimitMiddleware(RequestDelegate next, IOptions<RequestBodyOptions> options)
{
    private readonly RequestBodyOptions _options = options.Value;
    private readonly UploadRoutes _uploadRoutes = UploadRoutes.Parse(options.Value.UploadRoutes);

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var limit = _uploadRoutes.Matches(request.Method, request.Path) ? _options.UploadLimitBytes : _options.DefaultLimitBytes;

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limit;
        }

        if (request.ContentLength > limit)
        {
            await TooLargeAsync(context, limit);
            return;
        }

        await next(context);

        // A chunked body has no Content-Length: Kestrel stops it at the limit while it is being forwarded.
        if (!context.Response.HasStarted
            && context.Features.Get<IForwarderErrorFeature>()?.Exception is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            await TooLargeAsync(context, limit);
        }
    }

    private static Task TooLargeAsync(HttpContext context, long limit) =>
        FrontDoorProblems.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "Payload Too Large",
            $"The request body is larger than this route accepts ({limit} bytes).");
}
