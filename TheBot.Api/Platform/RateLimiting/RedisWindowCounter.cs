using StackExchange.Redis;

namespace TheBot.Api.Platform.RateLimiting;

/// <summary>
/// Fixed-window counters in Redis, shared by every api replica (an in-memory limiter would give an
/// attacker one allowance per replica). If Redis is unreachable the check lets the request through (and
/// logs a warning), like <see cref="FailureBackoff"/>: the service stays available during an outage.
/// </summary>
public sealed partial class RedisWindowCounter(IConnectionMultiplexer redis, TimeProvider clock, ILogger<RedisWindowCounter> logger)
{
    /// <summary>Counts one hit; returns how long to wait when the limit is already exceeded, else null.</summary>
    public async Task<TimeSpan?> HitAsync(string key, int limit, TimeSpan window)
    {
        var now = clock.GetUtcNow();
        var windowIndex = now.ToUnixTimeSeconds() / (long)window.TotalSeconds;
        var redisKey = $"thebot:rl:{key}:{windowIndex}";
        try
        {
            var count = await redis.GetDatabase().StringIncrementAsync(redisKey);
            if (count == 1)
            {
                await redis.GetDatabase().KeyExpireAsync(redisKey, window + TimeSpan.FromSeconds(5));
            }

            if (count <= limit)
            {
                return null;
            }

            var windowEnd = DateTimeOffset.FromUnixTimeSeconds((windowIndex + 1) * (long)window.TotalSeconds);
            return windowEnd - now;
        }
        catch (RedisException ex)
        {
            LogUnavailable(ex, key);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rate limit counter {Key} unavailable; allowing the request")]
    private partial void LogUnavailable(Exception exception, string key);
}
