using System.Globalization;
using StackExchange.Redis;

namespace TheBot.Api.Platform.RateLimiting;

/// <summary>
/// Attempts at something a guesser wants many tries at (a password), counted per key in Redis and shared by
/// every api replica: the first few are free, then each further attempt must wait a delay that doubles up to a
/// ceiling. An attempt counts until <see cref="ResetAsync"/> records a success, and checking and counting are
/// one Redis script, so requests sent in parallel cannot slip in between a check and a failure. If Redis is
/// unreachable the attempt is allowed and a warning logged: sign-in stays available during an outage.
/// </summary>
public sealed partial class FailureBackoff(IConnectionMultiplexer redis, TimeProvider clock, ILogger<FailureBackoff> logger)
{
    // KEYS[1] = counter; ARGV = now (ms), free attempts, first delay (ms), ceiling (ms), memory (ms).
    // Returns 0 when the attempt may go ahead, else the milliseconds still to wait; never counts a refused attempt.
    private const string AttemptScript = """
        local now = tonumber(ARGV[1])
        local blocked = tonumber(redis.call('HGET', KEYS[1], 'until') or '0')
        if blocked > now then
          return blocked - now
        end
        local attempts = redis.call('HINCRBY', KEYS[1], 'attempts', 1)
        local free = tonumber(ARGV[2])
        if attempts >= free then
          local delay = math.min(tonumber(ARGV[3]) * 2 ^ (attempts - free), tonumber(ARGV[4]))
          redis.call('HSET', KEYS[1], 'until', string.format('%d', now + delay))
        end
        redis.call('PEXPIRE', KEYS[1], ARGV[5])
        return 0
        """;

    /// <summary>Counts an attempt; returns how long to wait when it must not go ahead yet, else null.</summary>
    public async Task<TimeSpan?> TryAttemptAsync(string key, BackoffPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        try
        {
            var wait = (long)await redis.GetDatabase().ScriptEvaluateAsync(AttemptScript, [RedisKey(key)],
            [
                clock.GetUtcNow().ToUnixTimeMilliseconds(),
                policy.FreeAttempts,
                (long)policy.FirstDelay.TotalMilliseconds,
                (long)policy.MaxDelay.TotalMilliseconds,
                (long)policy.Memory.TotalMilliseconds,
            ]);
            if (wait <= 0)
            {
                return null;
            }

            var delay = TimeSpan.FromMilliseconds(wait);
            LogRefused(key, delay);
            return delay;
        }
        catch (RedisException ex)
        {
            LogUnavailable(ex, key);
            return null;
        }
    }

    /// <summary>The attempt succeeded: the key starts afresh.</summary>
    public async Task ResetAsync(string key)
    {
        try
        {
            await redis.GetDatabase().KeyDeleteAsync(RedisKey(key));
        }
        catch (RedisException ex)
        {
            LogUnavailable(ex, key);
        }
    }

    private static RedisKey RedisKey(string key) => string.Create(CultureInfo.InvariantCulture, $"thebot:backoff:{key}");

    [LoggerMessage(Level = LogLevel.Information, Message = "Attempt refused for {Key}: too many recent attempts, the next one is allowed in {Wait}")]
    private partial void LogRefused(string key, TimeSpan wait);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Attempt counter {Key} unavailable; allowing the attempt")]
    private partial void LogUnavailable(Exception exception, string key);
}

/// <summary>
/// <see cref="FreeAttempts"/> attempts go ahead at once; the last of them and every later one make the next wait
/// <see cref="FirstDelay"/>, doubled each time up to <see cref="MaxDelay"/>. A key not tried for <see cref="Memory"/> is forgotten.
/// </summary>
public sealed record BackoffPolicy(int FreeAttempts, TimeSpan FirstDelay, TimeSpan MaxDelay, TimeSpan Memory);
