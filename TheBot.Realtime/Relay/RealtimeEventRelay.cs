using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using StackExchange.Redis;
using TheBot.Realtime.Contracts;
using TheBot.Realtime.Hubs;

namespace TheBot.Realtime.Relay;

/// <summary>
/// Subscribes to the events api publishes and sends each to its audience through the SignalR backplane.
/// Every replica receives every event; a short-lived Redis claim makes exactly one of them relay it,
/// so an event reaches each connection once however many replicas run.
/// </summary>
internal sealed partial class RealtimeEventRelay(
    IConnectionMultiplexer redis,
    IHubContext<RealtimeHub> hub,
    ILogger<RealtimeEventRelay> logger) : BackgroundService
{
    private static readonly TimeSpan ClaimLifetime = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var subscriber = redis.GetSubscriber();
        var queue = await subscriber.SubscribeAsync(RedisChannel.Literal(RealtimeChannels.Events));
        LogSubscribed(RealtimeChannels.Events);

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var message = await queue.ReadAsync(stoppingToken);
                try
                {
                    await RelayAsync(message.Message, stoppingToken);
                }
                catch (Exception ex) when (ex is JsonException or RedisException or InvalidOperationException)
                {
                    LogRelayFailed(ex);
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

    private async Task RelayAsync(RedisValue message, CancellationToken cancellationToken)
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

        var claimed = await redis.GetDatabase().StringSetAsync(
            $"thebot:realtime:relayed:{envelope.Id:N}", 1, ClaimLifetime, When.NotExists);
        if (!claimed)
        {
            return;
        }

        if (envelope.Audience.Everyone)
        {
            await hub.Clients.All.SendAsync(envelope.Event, envelope.Payload, cancellationToken);
            return;
        }

        var groups = new List<string>();
        foreach (var user in envelope.Audience.Users ?? [])
        {
            groups.Add(RealtimeChannels.UserGroup(user));
        }

        foreach (var room in envelope.Audience.Rooms ?? [])
        {
            groups.Add(RealtimeChannels.RoomGroup(room));
        }

        await hub.Clients.Groups(groups).SendAsync(envelope.Event, envelope.Payload, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Relaying realtime events from Redis channel {Channel}")]
    private partial void LogSubscribed(string channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not relay a realtime event")]
    private partial void LogRelayFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignoring realtime event {Event} with unknown contract version {Version}")]
    private partial void LogUnknownVersion(int version, string @event);
}
