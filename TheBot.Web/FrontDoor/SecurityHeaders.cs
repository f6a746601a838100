using System.Text.RegularExpressions;

namespace TheBot.Web.FrontDoor;

/// <summary>
/// Puts the browser security headers on every response the front door sends — pages, assets, proxied API
/// answers, errors and WebSocket upgrades — just before the headers leave, so nothing later can drop them.
/// </summary>
internal sealed partial class SecurityHeadersMiddleware(RequestDelegate next)
{
    /// <summary>Browser features the app never uses, switched off for the page and anything it embeds.</summary>
    public const string PermissionsPolicy =
        "accelerometer=(), autoplay=(), camera=(), display-capture=(), encrypted-media=(), fullscreen=(self), "
        + "geolocation=(), gyroscope=(), hid=(), magnetometer=(), microphone=(), midi=(), payment=(), "
        + "picture-in-picture=(), publickey-credentials-get=(), screen-wake-lock=(), serial=(), usb=(), "
        + "xr-spatial-tracking=()";

    /// <summary>Two years, subdomains included; sent only over HTTPS (RFC 6797 §7.2).</summary>
    public const string StrictTransportSecurity = "max-age=63072000; includeSubDomains";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            Apply((HttpContext)state);
            return Task.CompletedTask;
        }, context);
        return next(context);
    }

    private static void Apply(HttpContext context)
    {
        var request = context.Request;
        var headers = context.Response.Headers;

        headers.ContentSecurityPolicy = ContentSecurityPolicy(request);
        headers.XFrameOptions = "DENY";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = PermissionsPolicy;
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
        if (request.IsHttps)
        {
            headers.StrictTransportSecurity = StrictTransportSecurity;
        }
        else
        {
            headers.Remove(Microsoft.Net.Http.Headers.HeaderNames.StrictTransportSecurity);
        }

        // API answers are personal: no cache may keep one unless the API says otherwise.
        if (request.Path.StartsWithSegments(FrontDoorPaths.Api, StringComparison.OrdinalIgnoreCase)
            && string.IsNullOrEmpty(headers.CacheControl))
        {
            headers.CacheControl = "no-store";
        }

        // What runs behind the door is nobody's business.
        headers.Remove("Server");
        headers.Remove("X-Powered-By");
    }

    /// <summary>
    /// Scripts, styles, fonts and images only from this origin (no inline code at all); API calls and the
    /// realtime WebSocket only to this origin; never framed; no plugins; forms post only here. The one framing the app
    /// does is a lesson's video: YouTube's privacy-enhanced player and Vimeo's (docs/knowledge-graph.md).
    /// </summary>
    public static string ContentSecurityPolicy(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);

        if (request.Path.StartsWithSegments(ApiReferencePath, StringComparison.OrdinalIgnoreCase))
        {
            return ApiReferencePolicy;
        }

        var webSocketOrigin = request.Host.HasValue && SafeHost().IsMatch(request.Host.Value)
            ? $" {(request.IsHttps ? "wss" : "ws")}://{request.Host.Value}"
            : string.Empty;
        var policy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob:; font-src 'self'; "
            + $"connect-src 'self'{webSocketOrigin}; manifest-src 'self'; base-uri 'none'; form-action 'self'; "
            + "frame-src https://www.youtube-nocookie.com https://player.vimeo.com; frame-ancestors 'none'; object-src 'none'";
        return request.IsHttps ? policy + "; upgrade-insecure-requests" : policy;
    }

    /// <summary>
    /// The interactive API reference (Scalar) bootstraps from an inline module script and styles itself
    /// inline. It is a developer page with no user data, so it alone may run inline code — still only
    /// from this origin, never framed, talking to nothing but this origin.
    /// </summary>
    public const string ApiReferencePolicy =
        "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
        + "font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'";

    private static readonly PathString ApiReferencePath = "/api/docs";

    // A host name or address with an optional port: nothing that could end or extend the policy.
    [GeneratedRegex(@"^[A-Za-z0-9.\-\[\]:]{1,255}$", RegexOptions.CultureInvariant)]
    private static partial Regex SafeHost();
}
