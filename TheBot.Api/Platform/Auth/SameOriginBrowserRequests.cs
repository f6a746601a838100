using TheBot.Api.Platform.Errors;

namespace TheBot.Api.Platform.Auth;

/// <summary>
/// Endpoints that act on the refresh cookie (refresh, logout) answer only the site's own pages. A browser
/// says where a request comes from in headers a page cannot forge: <c>Sec-Fetch-Site</c> (every current
/// browser) and <c>Origin</c> (on every POST). SameSite=Strict keeps the cookie off other sites' requests,
/// but not off a sibling subdomain's (same-site), and a cross-site form post could still clear it. Rules:
/// <list type="bullet">
/// <item><c>Sec-Fetch-Site</c> present: only <c>same-origin</c> (or <c>none</c>, a person's own navigation) passes;</item>
/// <item>otherwise <c>Origin</c> present: it must be this site's origin (scheme, host and port as the front
/// door forwarded them; <c>null</c> fails);</item>
/// <item>neither: not a browser (scripts, apps, tests), which holds no victim's cookie; it passes.</item>
/// </list>
/// Refused requests get 403 and change nothing.
/// </summary>
public static partial class SameOriginBrowserRequests
{
    public static RouteHandlerBuilder RequireSameOriginBrowser(this RouteHandlerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .AddEndpointFilter(async (context, next) =>
            {
                var request = context.HttpContext.Request;
                if (!IsCrossSite(request))
                {
                    return await next(context);
                }

                var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SameOriginBrowserRequests));
                string fetchSite = request.Headers["Sec-Fetch-Site"].ToString(), origin = request.Headers.Origin.ToString();
                LogRefused(logger, request.Path.Value ?? "", fetchSite, origin);
                return ApiProblems.Forbidden("This request came from another site; sign-in cookies are used only by this site's own pages.");
            })
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }

    public static bool IsCrossSite(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);

        var fetchSite = request.Headers["Sec-Fetch-Site"];
        if (fetchSite.Count > 0)
        {
            return fetchSite is not [("same-origin" or "none")];
        }

        var origin = request.Headers.Origin;
        if (origin.Count == 0)
        {
            return false;
        }

        return origin is not [{ } value]
            || !Uri.TryCreate(value, UriKind.Absolute, out var from)
            || !Uri.TryCreate($"{request.Scheme}://{request.Host.Value}", UriKind.Absolute, out var own)
            || !string.Equals(from.Scheme, own.Scheme, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(from.IdnHost, own.IdnHost, StringComparison.OrdinalIgnoreCase)
            || from.Port != own.Port
            || from.PathAndQuery != "/";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a cross-site request to {Path} (Sec-Fetch-Site '{FetchSite}', Origin '{Origin}')")]
    private static partial void LogRefused(ILogger logger, string path, string fetchSite, string origin);
}
