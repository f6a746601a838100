using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using TheBot.ServiceDefaults.Configuration;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// What every TheBot service shares: telemetry, service discovery, resilient HttpClients and
/// the <c>/health</c> (readiness) and <c>/alive</c> (liveness) endpoints, and settings from a folder of files
/// (<see cref="ConfigurationFiles"/>), which is how deployments hand over secrets.
/// </summary>
public static class ServiceDefaultsExtensions
{
    public const string HealthEndpointPath = "/health";
    public const string AlivenessEndpointPath = "/alive";
    public const string LiveTag = "live";

    private const string HealthPolicy = "health";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.AddConfigurationFiles();
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();

        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });

        return builder;
    }

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(
                    "Microsoft.AspNetCore.Http.Connections",
                    "Microsoft.AspNetCore.SignalR",
                    "Npgsql",
                    "TheBot"))
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName)
                .AddSource(
                    "Microsoft.AspNetCore.SignalR.Server",
                    "Microsoft.AspNetCore.SignalR.Client",
                    "Npgsql",
                    "TheBot")
                .AddAspNetCoreInstrumentation(tracing =>
                    // Probes would drown the traces that matter.
                    tracing.Filter = context =>
                        !context.Request.Path.StartsWithSegments(HealthEndpointPath, StringComparison.OrdinalIgnoreCase)
                        && !context.Request.Path.StartsWithSegments(AlivenessEndpointPath, StringComparison.OrdinalIgnoreCase))
                .AddHttpClientInstrumentation());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();

            // The exporters take their HttpClients from the factory, which would give them the standard
            // resilience handler: retrying a gone collector for half a minute would stall every shutdown.
#pragma warning disable EXTEXP0001 // Experimental, and the only way to opt a named client out of the defaults.
            foreach (var exporterClient in (string[])["OtlpTraceExporter", "OtlpMetricExporter", "OtlpLogExporter"])
            {
                builder.Services.AddHttpClient(exporterClient).RemoveAllResilienceHandlers();
            }
#pragma warning restore EXTEXP0001
        }

        return builder;
    }

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);

        // Probes are frequent: answer from a short-lived cache instead of hitting every dependency each time.
        builder.Services.AddOutputCache(options =>
            options.AddPolicy(HealthPolicy, policy => policy.Expire(TimeSpan.FromSeconds(2)).SetVaryByHost(false)));
        builder.Services.AddRequestTimeouts(options =>
            options.AddPolicy(HealthPolicy, TimeSpan.FromSeconds(5)));

        return builder;
    }

    /// <summary>
    /// Maps <c>/health</c> (every check) and <c>/alive</c> (only the process) in every environment:
    /// orchestrators probe them in production too. They are anonymous, unthrottled and cached briefly.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        app.UseRequestTimeouts();
        app.UseOutputCache();

        MapProbe(app, HealthEndpointPath, new HealthCheckOptions());
        MapProbe(app, AlivenessEndpointPath, new HealthCheckOptions { Predicate = r => r.Tags.Contains(LiveTag) });

        return app;
    }

    private static void MapProbe(WebApplication app, string path, HealthCheckOptions options)
    {
        app.MapHealthChecks(path, options)
            .CacheOutput(HealthPolicy)
            .WithRequestTimeout(HealthPolicy)
            .DisableRateLimiting()
            .AllowAnonymous()
            .ExcludeFromDescription();
    }
}
