using Microsoft.Extensions.Options;

namespace TheBot.Web.FrontDoor;

/// <summary>
/// The front door: the only endpoint browsers talk to. It serves the single-page app, forwards /api and
/// /hubs to the services, and guards all of it (security headers, blocked paths, body limits, rate limits).
/// </summary>
public static class FrontDoorExtensions
{
    public const string RedirectHttpToHttpsKey = "FrontDoor:RedirectHttpToHttps";

    public static WebApplicationBuilder AddFrontDoor(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddOptions<RequestBodyOptions>().BindConfiguration(RequestBodyOptions.Section)
            .Validate(o => o.DefaultLimitBytes > 0 && o.UploadLimitBytes >= o.DefaultLimitBytes && o.RefusedBodyDrainLimitBytes >= 0, "Body limits must be positive, uploads at least the default.")
            .ValidateOnStart();
        services.AddOptions<EdgeRateLimitOptions>().BindConfiguration(EdgeRateLimitOptions.Section)
            .Validate(o => o.TokenLimit > 0 && o.TokensPerPeriod > 0 && o.ReplenishmentPeriod > TimeSpan.Zero, "Rate limits must be positive.")
            .ValidateOnStart();
        services.AddOptions<TrustedProxyOptions>().BindConfiguration(TrustedProxyOptions.Section)
            .Validate(o => o.Networks.All(n => string.IsNullOrWhiteSpace(n) || System.Net.IPNetwork.TryParse(n.Trim(), out _)), "FrontDoor:TrustedProxies:Networks takes networks in CIDR notation, e.g. 10.0.0.0/8.")
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<TrustedProxyOptions>>((forwarded, trusted) => trusted.Value.ApplyTo(forwarded));

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        services.AddOptions<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>()
            .Configure<IOptions<RequestBodyOptions>>((kestrel, body) => kestrel.Limits.MaxRequestBodySize = body.Value.DefaultLimitBytes);

        services.AddProblemDetails();
        services.AddEdgeRateLimiting();
        services.AddFrontDoorCompression();
        services.AddFrontDoorProxy(configuration);

        return builder;
    }

    /// <summary>The middleware, in order. Call before <c>MapDefaultEndpoints</c> and <see cref="MapFrontDoor"/>.</summary>
    public static WebApplication UseFrontDoor(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        if (app.Services.GetRequiredService<IOptions<TrustedProxyOptions>>().Value.Any)
        {
            app.UseForwardedHeaders();
        }
        app.UseMiddleware<SecurityHeadersMiddleware>();
        // Where the door itself terminates TLS (no ingress doing it), plain HTTP is sent to HTTPS.
        if (app.Configuration.GetValue<bool>(RedirectHttpToHttpsKey))
        {
            app.UseHttpsRedirection();
        }
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<BlockedPathsMiddleware>();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.UseFrontDoorCompression();

        return app;
    }

    public static WebApplication MapFrontDoor(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        app.MapReverseProxy();
        app.MapSpa();

        return app;
    }
}
