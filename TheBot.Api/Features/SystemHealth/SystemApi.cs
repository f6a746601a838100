using System.Reflection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using TheBot.Api.Platform.Auth;

namespace TheBot.Api.Features.SystemHealth;

public static class SystemApi
{
    private static readonly string Version =
        typeof(SystemApi).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "unknown";

    public static RouteGroupBuilder MapSystemApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);

        var system = api.MapGroup("/system/health")
            .WithTags("System")
            .AllowAnyone()
            .DisableRateLimiting();

        system.MapGet("/", GetHealthAsync)
            .WithName("GetSystemHealth")
            .WithSummary("Overall status, version and each dependency's status and latency")
            .Produces<SystemHealthResponse>(StatusCodes.Status503ServiceUnavailable);

        system.MapHealthChecks("/live", new HealthCheckOptions { Predicate = r => r.Tags.Contains(ServiceDefaultsExtensions.LiveTag) })
            .WithName("GetSystemLiveness")
            .WithSummary("Liveness: the process answers (mirrors /alive)");

        system.MapHealthChecks("/ready", new HealthCheckOptions())
            .WithName("GetSystemReadiness")
            .WithSummary("Readiness: every dependency answers (mirrors /health)");

        return api;
    }

    private static async Task<Results<Ok<SystemHealthResponse>, JsonHttpResult<SystemHealthResponse>>> GetHealthAsync(
        HealthCheckService healthChecks, CancellationToken cancellationToken)
    {
        var report = await healthChecks.CheckHealthAsync(cancellationToken);
        var response = new SystemHealthResponse(
            Status: report.Status.ToString(),
            Version: Version,
            TotalDurationMs: Math.Round(report.TotalDuration.TotalMilliseconds, 2),
            Dependencies: report.Entries
                .Where(e => !e.Value.Tags.Contains(ServiceDefaultsExtensions.LiveTag))
                .Select(e => new DependencyHealth(
                    Name: DependencyName(e.Key),
                    Status: e.Value.Status.ToString(),
                    LatencyMs: Math.Round(e.Value.Duration.TotalMilliseconds, 2),
                    Error: e.Value.Status == HealthStatus.Healthy ? null : e.Value.Description ?? e.Value.Exception?.Message))
                .OrderBy(d => d.Name, StringComparer.Ordinal)
                .ToList());

        return report.Status == HealthStatus.Unhealthy
            ? TypedResults.Json(response, statusCode: StatusCodes.Status503ServiceUnavailable)
            : TypedResults.Ok(response);
    }

    /// <summary>Aspire names its checks after the client type; people know them as postgres and redis.</summary>
    private static string DependencyName(string healthCheckName) => healthCheckName switch
    {
        _ when healthCheckName.Contains("Npgsql", StringComparison.OrdinalIgnoreCase)
            || healthCheckName.Contains("DbContext", StringComparison.OrdinalIgnoreCase) => "postgres",
        _ when healthCheckName.Contains("Redis", StringComparison.OrdinalIgnoreCase) => "redis",
        _ => healthCheckName,
    };
}

public sealed record SystemHealthResponse(string Status, string Version, double TotalDurationMs, IReadOnlyList<DependencyHealth> Dependencies);

public sealed record DependencyHealth(string Name, string Status, double LatencyMs, string? Error);
