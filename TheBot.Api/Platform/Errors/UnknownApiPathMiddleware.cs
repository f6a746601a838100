namespace TheBot.Api.Platform.Errors;

public static class UnknownApiPathMiddleware
{
    // The display names ASP.NET Core routing gives the endpoints it selects to refuse a method or a content type.
    private const string Http405EndpointDisplayName = "405 HTTP Method Not Supported";
    private const string Http415EndpointDisplayName = "415 HTTP Unsupported Media Type";

    /// <summary>
    /// A path under /api that no endpoint matches is a plain 404 problem — not the sign-in challenge the
    /// authorization fallback policy would give a request without an endpoint. (A catch-all route would
    /// do the same but, having no content-type constraint, it would capture body-less POSTs meant for
    /// endpoints with an optional JSON body.) Likewise a request routing refuses for its method (405) or
    /// content type (415) gets that status as a problem, signed in or not, instead of the sign-in challenge.
    /// </summary>
    public static IApplicationBuilder UseNotFoundForUnknownApiPaths(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint() is null && context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            {
                await ApiProblems.NotFound("This API path").ExecuteAsync(context);
                return;
            }

            if (context.GetEndpoint() is { RequestDelegate: { } refuse, DisplayName: Http405EndpointDisplayName or Http415EndpointDisplayName })
            {
                // Routing's own endpoint sets the status (and Allow); status code pages write the problem.
                await refuse(context);
                return;
            }

            await next(context);
        });
}
