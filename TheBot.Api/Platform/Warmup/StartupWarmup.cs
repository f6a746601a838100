using System.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using TheBot.Api.Data;

namespace TheBot.Api.Platform.Warmup;

/// <summary>
/// Runs the hottest requests' work once before the replica reports ready (issue #18): the database queries of the
/// week calendar and the chat room list (EF compiles and caches them, Npgsql prepares them), their JSON writers, and
/// one request through the HTTP pipeline. A fresh replica would otherwise do this JIT and query compilation on its
/// first users' requests, with multi-second latencies while a load balancer already sends it traffic.
/// </summary>
public sealed partial class StartupWarmup(
    IEnumerable<IWarmupStep> steps,
    WarmupState state,
    ILogger<StartupWarmup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Hosted services start before Kestrel listens: let the host finish starting first.
        await Task.Yield();
        var started = Stopwatch.GetTimestamp();
        foreach (var step in steps)
        {
            try
            {
                await step.RunAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A warm-up that fails (database not there yet) must not keep the replica out of service: the dependencies' own checks say so.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                var name = step.GetType().Name;
                LogStepFailed(logger, name, exception);
            }
        }

        state.Complete();
        var elapsed = Stopwatch.GetElapsedTime(started);
        LogWarm(logger, elapsed.TotalMilliseconds);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Warm-up done in {ElapsedMs:F0} ms: ready for traffic")]
    private static partial void LogWarm(ILogger logger, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Warm-up step {Step} failed; the replica reports ready anyway")]
    private static partial void LogStepFailed(ILogger logger, string step, Exception exception);
}

/// <summary>One piece of warm-up work; features register theirs with <see cref="WarmupRegistration.AddWarmupStep{TStep}"/>.</summary>
public interface IWarmupStep
{
    Task RunAsync(CancellationToken cancellationToken);
}

/// <summary>Whether the warm-up has run (readiness waits for it).</summary>
public sealed class WarmupState
{
    private volatile bool complete;

    public bool IsComplete => complete;

    public void Complete() => complete = true;
}

/// <summary>Readiness (<c>/health</c>) is unhealthy until the warm-up has run; liveness (<c>/alive</c>) does not wait for it.</summary>
public sealed class WarmupHealthCheck(WarmupState state) : IHealthCheck
{
    public const string Name = "warmup";

    /// <summary>The tag that keeps this check out of the dependency list of <c>/api/system/health</c>: it is not a dependency.</summary>
    public const string Tag = "startup";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(state.IsComplete
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("Warming up: the first requests' queries and serialisers are being prepared."));
}

public static class WarmupRegistration
{
    public static IServiceCollection AddStartupWarmup(this IServiceCollection services)
    {
        services.AddSingleton<WarmupState>();
        services.AddHostedService<StartupWarmup>();
        services.AddHealthChecks().AddCheck<WarmupHealthCheck>(WarmupHealthCheck.Name, tags: [WarmupHealthCheck.Tag]);
        services.AddWarmupStep<HttpPipelineWarmup>();
        return services;
    }

    public static IServiceCollection AddWarmupStep<TStep>(this IServiceCollection services) where TStep : class, IWarmupStep
    {
        services.AddSingleton<IWarmupStep, TStep>();
        return services;
    }
}
