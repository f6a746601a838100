namespace TheBot.Api.Platform.Errors;

public static class UnknownApiPathMiddleware
{
    /// <summary>
    /// A path under /api that no endpoint matches is a plain 404 problem — not the sign-in challenge the
    /// authorization fallback policy would give a request without an endpoint. (A catch-all route would
    /// do the same but, having no content-type constraint, it would capture body-less POSTs meant for
    /// endpoints with an optional JSON body.)
    /// </summary>
    public static IApplicationBuilder UseNotFoundForUnknownApiPaths(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint() is null && context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            {
                await ApiProblems.NotFound("This API path").ExecuteAsync(context);
                return;
            }

            await next(context);
        });
}
