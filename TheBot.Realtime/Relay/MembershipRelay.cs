using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using StackExchange.Redis;
using TheBot.Realtime.Contracts;
using TheBot.Realtime.Hubs;

namespace TheBot.Realtime.Relay;

/// <summary>
/// Applies api's room membership changes to this replica's connections: a user removed from a room
/// leaves its group at once (so the next event does not reach them), a user added joins it.
/// Every replica handles every change (no claim): each owns different connections.
/// </summary>
internal sealed partial class MembershipRelay(
    IConnectionMultiplexer redis,
    IHubContext<RealtimeHub> hub,
    ConnectionRegistry registry,
    ILogger<MembershipRelay> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var queue = await redis.GetSubscriber().SubscribeAsync(RedisChannel.Literal(ChatMembership.Channel));
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var message = await queue.ReadAsync(stoppingToken);
                try
                {
                    var change = JsonSerializer.Deserialize<RoomMembershipChange>((byte[])message.Message!, RealtimeJson.Options);
                    if (change is not null)
                    {
                        await ApplyAsync(change, stoppingToken);
                    }
                }
                catch (Exception ex) when (ex is JsonException or InvalidOperationException)
                {
                    LogFailed(ex);
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

    private async Task ApplyAsync(RoomMembershipChange change, CancellationToken ct)
    {
        var group = RealtimeChannels.RoomGroup(change.RoomId);
        foreach (var connection in registry.OfUser(change.UserId))
        {
            if (change.Joined)
            {
                connection.Rooms.TryAdd(change.RoomId, 0);
                await hub.Groups.AddToGroupAsync(connection.ConnectionId, group, ct);
            }
            else
            {
                connection.Rooms.TryRemove(change.RoomId, out _);
                await hub.Groups.RemoveFromGroupAsync(connection.ConnectionId, group, ct);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not apply a room membership change")]
    private partial void LogFailed(Exception exception);
}

/// <summary>Refreshes presence entries; on shutdown closes this replica's connections so clients reconnect elsewhere.</summary>
internal sealed partial class PresenceRefresher(
    PresenceTracker presence,
    ConnectionRegistry registry,
    Microsoft.Extensions.Options.IOptions<RealtimeLimits> limits,
    ILogger<PresenceRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(limits.Value.PresenceRefresh);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await presence.RefreshAsync();
                }
                catch (Exception ex) when (ex is RedisException or TimeoutException)
                {
                    LogRefreshFailed(ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Graceful drain: each connection is closed (OnDisconnectedAsync cleans presence and "viewing"
        // counters); clients with automatic reconnect come back through the front door to a live replica.
        var open = registry.All();
        LogDraining(open.Count);
        foreach (var connection in open)
        {
            connection.Context.Abort();
        }

        await base.StopAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not refresh presence")]
    private partial void LogRefreshFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Draining {Count} connections")]
    private partial void LogDraining(int count);
}
