using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Yarp.ReverseProxy.Forwarder;

namespace TheBot.Web.FrontDoor;

/// <summary>
/// Sets each request's body limit — the upload limit on upload routes, the small default elsewhere — and
/// answers 413 with problem details when a body is over it, in a way every client can read (see <see cref="RefuseAsync"/>).
/// </summary>
internal sealed class RequestBodyLimitMiddleware(RequestDelegate next, IOptions<RequestBodyOptions> options)
{
    private readonly RequestBodyOptions _options = options.Value;
    private readonly UploadRoutes _uploadRoutes = UploadRoutes.Parse(options.Value.UploadRoutes);

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var limit = _uploadRoutes.Matches(request.Method, request.Path) ? _options.UploadLimitBytes : _options.DefaultLimitBytes;
        var bodySize = context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature ? feature : null;

        if (bodySize is not null)
        {
            bodySize.MaxRequestBodySize = limit;
        }

        if (request.ContentLength is { } length && length > limit)
        {
            await RefuseAsync(context, bodySize, length, limit);
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

    /// <summary>
    /// HTTP/1.1 has no way to tell a client to stop sending. If the door answered and closed while the body was
    /// still arriving, the unread bytes would make the connection reset and the client (a browser too) would see
    /// a dead connection instead of the 413. So a client that waits for <c>100 Continue</c> gets the 413 instead
    /// and never sends the body; any other client's body, up to <see cref="RequestBodyOptions.RefusedBodyDrainLimitBytes"/>,
    /// is read and thrown away after the answer by Kestrel's own drain (at most 5 seconds) before the connection is reused.
    /// </summary>
    private async Task RefuseAsync(HttpContext context, IHttpMaxRequestBodySizeFeature? bodySize, long length, long limit)
    {
        var waitsForContinue = context.Request.Headers.Expect.Any(value => string.Equals(value, "100-continue", StringComparison.OrdinalIgnoreCase));
        if (!waitsForContinue && bodySize is not null && length <= _options.RefusedBodyDrainLimitBytes)
        {
            bodySize.MaxRequestBodySize = length;
        }
        else
        {
            // Nothing of the body will be read: the connection cannot carry another request.
            context.Response.Headers[HeaderNames.Connection] = "close";
        }

        await TooLargeAsync(context, limit);
    }

    private static Task TooLargeAsync(HttpContext context, long limit) =>
        FrontDoorProblems.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "Payload Too Large",
            $"The request body is larger than this route accepts ({limit} bytes).");
}
