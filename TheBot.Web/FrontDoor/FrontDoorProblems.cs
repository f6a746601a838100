using Microsoft.AspNetCore.Mvc;

namespace TheBot.Web.FrontDoor;

/// <summary>Answers the front door gives itself (413, 429), written as RFC 9457 problem details.</summary>
internal static class FrontDoorProblems
{
    // The framework names a type for most statuses, not for 429 (RFC 6585).
    private static string? TypeFor(int status) =>
        status == StatusCodes.Status429TooManyRequests ? "https://tools.ietf.org/html/rfc6585#section-4" : null;

    public static async Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        var problemDetails = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        var written = await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail, Type = TypeFor(status) },
        });
        if (!written)
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync($"{title}: {detail}", context.RequestAborted);
        }
    }
}
