using System.Text.Json.Serialization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using TheBot.Api.Features.Payments;
using TheBot.Api.Platform.Warmup;

namespace TheBot.Api.Features.SystemHealth;

/// <summary>
/// What <c>/api/system/health</c> tells whom. Anyone (the SPA, uptime checks, load balancers) learns the overall
/// status and each dependency's; admins also get the version, timings, what went wrong and how payments run —
/// health check descriptions and exception messages can name hosts, users and versions.
/// </summary>
public static class SystemHealthReport
{
    public static SystemHealthResponse ForAnyone(HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new SystemHealthResponse(
            report.Status.ToString(),
            [.. Dependencies(report).Select(e => new DependencyHealth(DependencyName(e.Key), e.Value.Status.ToString()))]);
    }

    public static SystemHealthResponse ForAdmin(HealthReport report, string version, PaymentModeSelection payments)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(payments);
        return new SystemHealthResponse(
            report.Status.ToString(),
            [.. Dependencies(report).Select(e => new DependencyHealth(
                DependencyName(e.Key),
                e.Value.Status.ToString(),
                Math.Round(e.Value.Duration.TotalMilliseconds, 2),
                e.Value.Status == HealthStatus.Healthy ? null : e.Value.Description ?? e.Value.Exception?.Message))])
        {
            Version = version,
            TotalDurationMs = Math.Round(report.TotalDuration.TotalMilliseconds, 2),
            Payments = new PaymentsHealth(payments.Mode, payments.SandboxOutsideDevelopment, payments.Description),
        };
    }

    private static IEnumerable<KeyValuePair<string, HealthReportEntry>> Dependencies(HealthReport report) =>
        report.Entries
            .Where(e => !e.Value.Tags.Contains(ServiceDefaultsExtensions.LiveTag) && !e.Value.Tags.Contains(WarmupHealthCheck.Tag))
            .OrderBy(e => DependencyName(e.Key), StringComparer.Ordinal);

    /// <summary>Aspire names its checks after the client type; people know them as postgres and redis.</summary>
    private static string DependencyName(string healthCheckName) => healthCheckName switch
    {
        _ when healthCheckName.Contains("Npgsql", StringComparison.OrdinalIgnoreCase)
            || healthCheckName.Contains("DbContext", StringComparison.OrdinalIgnoreCase) => "postgres",
        _ when healthCheckName.Contains("Redis", StringComparison.OrdinalIgnoreCase) => "redis",
        _ => healthCheckName,
    };
}

/// <summary>The health answer; the members only admins get are left out of everyone else's.</summary>
public sealed record SystemHealthResponse(string Status, IReadOnlyList<DependencyHealth> Dependencies)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Version { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? TotalDurationMs { get; init; }

    /// <summary>How payments run here (admins): the sandbox outside Development is something to act on.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PaymentsHealth? Payments { get; init; }
}

public sealed record DependencyHealth(
    string Name,
    string Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? LatencyMs = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error = null);

public sealed record PaymentsHealth(PaymentMode Mode, bool SandboxOutsideDevelopment, string Detail);
