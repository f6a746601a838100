using Microsoft.AspNetCore.Mvc;

namespace TheBot.Web.FrontDoor;

/// <summary>Answers the front door gives itself (413, 429), written as RFC 9457 problem details.</summary>
internal static class FrontDoorProblems
{
    public static async Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        var problemDetails = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        var written = await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
        if (!written)
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync($"{title}: {detail}", context.RequestAborted);
        }
    }
}
