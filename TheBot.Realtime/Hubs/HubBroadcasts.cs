using StackExchange.Redis;
using TheBot.Realtime.Contracts;

namespace TheBot.Realtime.Hubs;

/// <summary>
/// The hub's own sends to other connections (typing, presence): published on api's events channel, so that every
/// replica — this one too — writes them to its own connections in the audience, as it does api's events.
/// </summary>
public sealed class HubBroadcasts(IConnectionMultiplexer redis, TimeProvider clock)
{
    private static readonly RedisChannel Channel = RedisChannel.Literal(RealtimeChannels.Events);

    public async Task PublishAsync<TPayload>(string eventName, RealtimeAudience audience, TPayload payload)
    {
        ArgumentNullException.ThrowIfNull(audience);
        await redis.GetSubscriber().PublishAsync(Channel, RealtimeEnvelope.Serialize(eventName, audience, payload, clock.GetUtcNow()));
    }
}
