using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace TheBot.Api.Platform.Realtime;

/// <summary>
/// Redis carries only api's live events and caches: without it requests are still served and stored,
/// so its loss makes api Degraded (<c>/health</c> still answers 200 and says so), never Unhealthy —
/// an orchestrator must not take every api replica out of service because Redis went away.
/// </summary>
public sealed class RedisEventsHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public const string Name = "redis";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(redis.IsConnected
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Degraded("Redis is unreachable: live events are not published and clients catch up over REST; requests are still served and stored."));
}
