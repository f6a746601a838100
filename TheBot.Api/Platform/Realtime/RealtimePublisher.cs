using System.Text.Json;
using StackExchange.Redis;
using TheBot.Realtime.Contracts;

namespace TheBot.Api.Platform.Realtime;

/// <summary>
/// Publishes live events for realtime to fan out. Call it after the change is committed: storage is
/// the truth, events are best effort (clients catch up over REST), so a Redis outage is logged, not thrown.
/// </summary>
public interface IRealtimePublisher
{
    Task PublishAsync<TPayload>(string eventName, RealtimeAudience audience, TPayload payload, CancellationToken cancellationToken = default);
}

public sealed partial class RedisRealtimePublisher(IConnectionMultiplexer redis, TimeProvider clock, ILogger<RedisRealtimePublisher> logger) : IRealtimePublisher
{
    private static readonly RedisChannel Channel = RedisChannel.Literal(RealtimeChannels.Events);

    public async Task PublishAsync<TPayload>(string eventName, RealtimeAudience audience, TPayload payload, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(audience);
        if (audience.IsEmpty)
        {
            return;
        }

        if (!redis.IsConnected)
        {
            // Fail fast instead of queueing for the command timeout: the request has already stored its change.
            LogRedisDown(eventName);
            return;
        }

        var message = RealtimeEnvelope.Serialize(eventName, audience, payload, clock.GetUtcNow());
        try
        {
            await redis.GetSubscriber().PublishAsync(Channel, message);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            LogPublishFailed(ex, eventName);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Realtime event {Event} not published: Redis is unreachable; clients will catch up over REST")]
    private partial void LogRedisDown(string @event);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Realtime event {Event} not published; clients will catch up over REST")]
    private partial void LogPublishFailed(Exception exception, string @event);
}
