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

    /// <summary>How many queued events are relayed together (their Redis calls pipelined, not one after another).</summary>
    internal const int BatchSize = 256;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var subscriber = redis.GetSubscriber();
        var queue = await subscriber.SubscribeAsync(RedisChannel.Literal(RealtimeChannels.Events));
        LogSubscribed(RealtimeChannels.Events);

        var batch = new List<RealtimeEnvelope>(BatchSize);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                batch.Clear();
                Add(batch, (await queue.ReadAsync(stoppingToken)).Message);
                while (batch.Count < BatchSize && queue.TryRead(out var more))
                {
                    Add(batch, more.Message);
                }

                await RelayAsync(batch, stoppingToken);
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

    private void Add(List<RealtimeEnvelope> batch, RedisValue message)
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

            batch.Add(envelope);
        }
        catch (JsonException ex)
        {
            LogRelayFailed(ex);
        }
    }

    /// <summary>
    /// Claims every event of the batch, then sends the claimed ones. Each step issues its Redis commands
    /// in the events' order without waiting in between: one connection carries them in that order, so a
    /// room or user still gets its events in the order api published them, at a round trip per batch.
    /// </summary>
    private async Task RelayAsync(List<RealtimeEnvelope> batch, CancellationToken cancellationToken)
    {
        var db = redis.GetDatabase();
        var claims = new Task<bool>[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            claims[i] = db.StringSetAsync($"thebot:realtime:relayed:{batch[i].Id:N}", 1, ClaimLifetime, When.NotExists);
        }

        var sends = new List<Task>(batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            if (await Outcome(claims[i]))
            {
                sends.Add(SendAsync(batch[i], cancellationToken));
            }
        }

        foreach (var send in sends)
        {
            await Outcome(send);
        }
    }

    private Task SendAsync(RealtimeEnvelope envelope, CancellationToken cancellationToken)
    {
        if (envelope.Audience.Everyone)
        {
            return hub.Clients.All.SendAsync(envelope.Event, envelope.Payload, cancellationToken);
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

        return hub.Clients.Groups(groups).SendAsync(envelope.Event, envelope.Payload, cancellationToken);
    }

    private async Task<bool> Outcome(Task<bool> claim)
    {
        try
        {
            return await claim;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            LogRelayFailed(ex);
            return false;
        }
    }

    private async Task Outcome(Task send)
    {
        try
        {
            await send;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or InvalidOperationException)
        {
            LogRelayFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Relaying realtime events from Redis channel {Channel}")]
    private partial void LogSubscribed(string channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not relay a realtime event")]
    private partial void LogRelayFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignoring realtime event {Event} with unknown contract version {Version}")]
    private partial void LogUnknownVersion(int version, string @event);
}
