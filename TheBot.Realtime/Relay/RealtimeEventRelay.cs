using System.Text.Json;
using StackExchange.Redis;
using TheBot.Realtime.Contracts;
using TheBot.Realtime.Hubs;

namespace TheBot.Realtime.Relay;

/// <summary>
/// Subscribes to the events api publishes (and the hub's typing and presence, <see cref="HubBroadcasts"/>) and
/// writes each to this replica's connections in its audience. Every replica receives every event and holds different
/// connections, so an event reaches each connection once however many replicas run — without a claim, a backplane
/// or a Redis subscription per connection (<see cref="LocalMembers"/>).
/// </summary>
internal sealed partial class RealtimeEventRelay(
    IConnectionMultiplexer redis,
    LocalMembers members,
    RoomMembershipChanges membership,
    ILogger<RealtimeEventRelay> logger) : BackgroundService
{
    /// <summary>At most this many queued events are written out together (see <see cref="LocalMembers.Send"/>).</summary>
    internal const int BatchSize = 256;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var subscriber = redis.GetSubscriber();
        var queue = await subscriber.SubscribeAsync(RedisChannel.Literal(RealtimeChannels.Events));
        LogSubscribed(RealtimeChannels.Events);
        var batch = new List<LocalEvent>(BatchSize);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                // One subscription delivers the events in the order api published them; they are written in that
                // order. What has queued up meanwhile goes out together. A membership change is applied in its
                // place in that order: the events before it are written first, the ones after it reach the new
                // member (or no longer reach the one who left).
                var change = Add(batch, (await queue.ReadAsync(stoppingToken)).Message);
                while (change is null && batch.Count < BatchSize && queue.TryRead(out var more))
                {
                    change = Add(batch, more.Message);
                }

                members.Send(batch);
                batch.Clear();
                if (change is not null)
                {
                    await ApplyAsync(change, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            await queue.UnsubscribeAsync();
        }
    }

    /// <summary>Adds a client event to the batch; returns a membership change instead, for the caller to apply.</summary>
    private RoomMembershipChange? Add(List<LocalEvent> batch, RedisValue message)
    {
        try
        {
            var envelope = JsonSerializer.Deserialize<RealtimeEnvelope>((byte[])message!, RealtimeJson.Options);
            if (envelope is null || envelope.Audience.IsEmpty)
            {
                return null;
            }

            if (envelope.Version != RealtimeEnvelope.CurrentVersion)
            {
                LogUnknownVersion(envelope.Version, envelope.Event);
                return null;
            }

            if (envelope.Event == ChatMembership.ChangeEvent)
            {
                return envelope.Payload.Deserialize<RoomMembershipChange>(RealtimeJson.Options);
            }

            var audience = envelope.Audience;
            batch.Add(new LocalEvent(GroupsOf(audience), audience.Everyone, envelope.Event, envelope.Payload, audience.ExceptConnection));
        }
        catch (JsonException ex)
        {
            LogRelayFailed(ex);
        }

        return null;
    }

    private async Task ApplyAsync(RoomMembershipChange change, CancellationToken ct)
    {
        try
        {
            await membership.ApplyAsync(change, ct);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or InvalidOperationException)
        {
            LogMembershipFailed(ex, change.RoomId);
        }
    }

    private static List<string> GroupsOf(RealtimeAudience audience)
    {
        var groups = new List<string>((audience.Users?.Count ?? 0) + (audience.Rooms?.Count ?? 0));
        foreach (var user in audience.Users ?? [])
        {
            groups.Add(RealtimeChannels.UserGroup(user));
        }

        foreach (var room in audience.Rooms ?? [])
        {
            groups.Add(RealtimeChannels.RoomGroup(room));
        }

        return groups;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Relaying realtime events from Redis channel {Channel}")]
    private partial void LogSubscribed(string channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not relay a realtime event")]
    private partial void LogRelayFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not apply a membership change of room {RoomId}")]
    private partial void LogMembershipFailed(Exception exception, Guid roomId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignoring realtime event {Event} with unknown contract version {Version}")]
    private partial void LogUnknownVersion(int version, string @event);
}
