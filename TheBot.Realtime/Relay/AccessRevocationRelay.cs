using Microsoft.AspNetCore.SignalR;
using StackExchange.Redis;
using TheBot.Realtime.Contracts;
using TheBot.Realtime.Hubs;
using TheBot.Realtime.Sessions;

namespace TheBot.Realtime.Relay;

/// <summary>
/// Closes this replica's connections whose access ended, on api's access-changed signal (the one api's
/// own replicas use to drop their caches). A revoked session's connections close at once; on a user's
/// signal (logout everywhere, password change, deactivation, role change) each of their connections is
/// checked against the Redis keys api wrote first, and only those that no longer pass are closed.
/// Closing leaves the user's and rooms' groups first, so nothing more is sent to it. Every replica
/// handles every signal (no claim): each owns different connections.
/// </summary>
internal sealed partial class AccessRevocationRelay(
    IConnectionMultiplexer redis,
    IHubContext<RealtimeHub> hub,
    ConnectionRegistry registry,
    SessionRevocations revocations,
    ILogger<AccessRevocationRelay> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var queue = await redis.GetSubscriber().SubscribeAsync(RedisChannel.Literal(AccessChanges.Channel));
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var message = (string?)(await queue.ReadAsync(stoppingToken)).Message;
                if (!AccessChanges.TryParse(message, out var id, out var isSession))
                {
                    continue;
                }

                try
                {
                    if (isSession)
                    {
                        foreach (var connection in registry.OfSession(id))
                        {
                            await CloseAsync(connection, stoppingToken);
                        }
                    }
                    else
                    {
                        foreach (var connection in registry.OfUser(id))
                        {
                            if (await revocations.HasEndedAsync(connection.SessionId, connection.UserId))
                            {
                                await CloseAsync(connection, stoppingToken);
                            }
                        }
                    }
                }
                catch (Exception ex) when (ex is RedisException or TimeoutException)
                {
                    LogFailed(ex, id);
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

    private async Task CloseAsync(ConnectionState connection, CancellationToken cancellationToken)
    {
        await hub.Groups.RemoveFromGroupAsync(connection.ConnectionId, RealtimeChannels.UserGroup(connection.UserId), cancellationToken);
        foreach (var roomId in connection.Rooms.Keys)
        {
            await hub.Groups.RemoveFromGroupAsync(connection.ConnectionId, RealtimeChannels.RoomGroup(roomId), cancellationToken);
        }

        connection.Context.Abort();
        LogClosed(connection.ConnectionId, connection.UserId, connection.SessionId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Closed connection {ConnectionId} of user {UserId}: session {SessionId} ended or the user was deactivated")]
    private partial void LogClosed(string connectionId, Guid userId, Guid sessionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not apply an access change for {Id}")]
    private partial void LogFailed(Exception exception, Guid id);
}
