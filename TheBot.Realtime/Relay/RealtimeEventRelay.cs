using System.Text.Json;
using StackExchange.Redis;
using TheBot.Realtime.Contracts;
using TheBot.Realtime.Hubs;

namespace TheBot.Realtime.Relay;

/// <summary>
/// Subscribes to the events api publishes and writes each to this replica's connections in its audience. Every
/// replica receives every event and holds different connections, so an event reaches each connection once however
/// many replicas run — without a claim or a second trip through the backplane (<see cref="LocalMembers"/>).
/// </summary>
internal sealed partial class RealtimeEventRelay(
    IConnectionMultiplexer redis,
    LocalMembers members,
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
                // order. What has queued up meanwhile goes out together.
                batch.Clear();
                Add(batch, (await queue.ReadAsync(stoppingToken)).Message);
                while (batch.Count < BatchSize && queue.TryRead(out var more))
                {
                    Add(batch, more.Message);
                }

                members.Send(batch);
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

    private void Add(List<LocalEvent> batch, RedisValue message)
    {
        try
        {
            var envelope = JsonSerializer.Deserialize<RealtimeEnvelope>((byte[])message!, RealtimeJson.Options);
            if (envelope is null || envelope.Audience.IsEmpty)
            {
                return;
            }

            if (envelope.Version != RealtimeEnvelope.CurrentVersion)
            {
                LogUnknownVersion(envelope.Version, envelope.Event);
                return;
            }

            batch.Add(new LocalEvent(GroupsOf(envelope.Audience), envelope.Audience.Everyone, envelope.Event, envelope.Payload));
        }
        catch (JsonException ex)
        {
            LogRelayFailed(ex);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignoring realtime event {Event} with unknown contract version {Version}")]
    private partial void LogUnknownVersion(int version, string @event);
}
