using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace TheBot.Api.Platform.Storage;

/// <summary>
/// Uploads per person per hour, shared by every api replica: a sliding log in Redis (a sorted set of
/// attempt times), so the allowance is exact at any moment rather than per clock hour. A refused attempt
/// does not count. If Redis is unreachable the upload goes ahead: the quota in the database still holds.
/// </summary>
public sealed partial class UploadThrottle(
    IConnectionMultiplexer redis, IOptionsMonitor<StorageQuotaOptions> options, TimeProvider clock, ILogger<UploadThrottle> logger)
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);

    /// <summary>Counts one upload; returns how long to wait when the last hour already holds the allowance, else null.</summary>
    public async Task<TimeSpan?> TryUploadAsync(Guid userId)
    {
        var limit = options.CurrentValue.UploadsPerUserPerHour;
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        RedisKey key = $"thebot:uploads:{userId:D}";
        RedisValue attempt = $"{now}:{Guid.NewGuid():N}";
        try
        {
            var db = redis.GetDatabase();
            var transaction = db.CreateTransaction();
            _ = transaction.SortedSetRemoveRangeByScoreAsync(key, double.NegativeInfinity, now - Window.TotalMilliseconds);
            _ = transaction.SortedSetAddAsync(key, attempt, now);
            var count = transaction.SortedSetLengthAsync(key);
            var oldest = transaction.SortedSetRangeByRankWithScoresAsync(key, 0, 0);
            _ = transaction.KeyExpireAsync(key, Window);
            await transaction.ExecuteAsync();
            if (await count <= limit)
            {
                return null;
            }

            await db.SortedSetRemoveAsync(key, attempt);
            var first = await oldest;
            var freeAt = (first.Length == 0 ? now : (long)first[0].Score) + (long)Window.TotalMilliseconds;
            LogRefused(userId, limit);
            return TimeSpan.FromMilliseconds(Math.Max(1000, freeAt - now));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            LogUnavailable(ex, userId);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused an upload of user {UserId}: {Limit} uploads in the last hour")]
    private partial void LogRefused(Guid userId, int limit);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Upload allowance of user {UserId} not checked: Redis is unavailable; the quota still applies")]
    private partial void LogUnavailable(Exception exception, Guid userId);
}
