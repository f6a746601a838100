using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using TheBot.Realtime.Contracts;
using TheBot.Realtime.Sessions;
using TheBot.ServiceDefaults.Authentication;

namespace TheBot.Realtime.Hubs;

/// <summary>
/// The one hub clients connect to (with a TheBot access token). Each connection joins its user's
/// group and the groups of the user's chat rooms; client → server methods are Typing, OpenRoom,
/// CloseRoom and GetPresence; server → client methods are listed in docs/realtime.md. A connection
/// lives as long as its session: it is closed when its token expires or its session ends.
/// </summary>
[Authorize]
public sealed partial class RealtimeHub(
    IConnectionMultiplexer redis,
    ConnectionRegistry registry,
    PresenceTracker presence,
    HubBroadcasts broadcasts,
    SessionRevocations revocations,
    IOptions<RealtimeLimits> limits,
    TimeProvider clock,
    ILogger<RealtimeHub> logger) : Hub
{
    public override async Task OnConnectedAsync()
    {
        if (!Guid.TryParse(Context.User?.FindFirst(TheBotClaims.UserId)?.Value, out var userId)
            || !Guid.TryParse(Context.User?.FindFirst(TheBotClaims.SessionId)?.Value, out var sessionId))
        {
            throw new HubException("The access token names no user or session.");
        }

        if (await presence.CountAsync(userId) >= limits.Value.MaxConnectionsPerUser)
        {
            LogConnectionCap(userId);
            throw new HubException($"Too many connections: at most {limits.Value.MaxConnectionsPerUser} per user. Close another tab or device.");
        }

        // Registered before the session is checked: a revocation signalled from now on finds this
        // connection, and one signalled earlier left its Redis key for this check to find.
        var state = new ConnectionState(Context.ConnectionId, userId, sessionId, Context);
        registry.Add(state);
        bool ended;
        try
        {
            ended = await revocations.HasEndedAsync(sessionId, userId);
        }
        catch
        {
            registry.Remove(Context.ConnectionId);
            throw;
        }

        if (ended)
        {
            registry.Remove(Context.ConnectionId);
            LogSessionEnded(userId, sessionId);
            throw new HubException("The session has ended; sign in again.");
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, RealtimeChannels.UserGroup(userId));
        var rooms = await redis.GetDatabase().SetMembersAsync(ChatMembership.UserRoomsKey(userId));
        foreach (var value in rooms)
        {
            if (Guid.TryParse(value.ToString(), out var roomId) && state.Rooms.TryAdd(roomId, 0))
            {
                await Groups.AddToGroupAsync(Context.ConnectionId, RealtimeChannels.RoomGroup(roomId));
            }
        }

        if (await presence.ConnectedAsync(userId, Context.ConnectionId))
        {
            await AnnouncePresenceAsync(state, online: true);
        }

        await base.OnConnectedAsync();
        await Clients.Caller.SendAsync(ConnectionEventNames.Connected, new ConnectedEvent(Context.ConnectionId, ReplicaIdentity.Id, state.Rooms.Count));
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        if (registry.Remove(Context.ConnectionId) is { } state)
        {
            try
            {
                var db = redis.GetDatabase();
                foreach (var roomId in state.OpenRooms.Keys)
                {
                    await db.StringDecrementAsync(ChatMembership.ViewingKey(roomId, state.UserId));
                }

                if (await presence.DisconnectedAsync(state.UserId, state.ConnectionId))
                {
                    await AnnouncePresenceAsync(state, online: false);
                }
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                LogCleanupFailed(ex, state.UserId);
            }
        }

        await base.OnDisconnectedAsync(exception);
    }

    /// <summary>The caller is typing in a room: its other participants get <c>typing</c> (at most one a second).</summary>
    public async Task Typing(Guid roomId)
    {
        var state = Current();
        if (!state.Rooms.ContainsKey(roomId))
        {
            throw new HubException("You are not a participant of this room.");
        }

        var now = clock.GetTimestamp();
        var last = state.LastTyping.GetOrAdd(roomId, 0);
        if (last != 0 && clock.GetElapsedTime(last, now) < limits.Value.TypingInterval)
        {
            return;
        }

        state.LastTyping[roomId] = now;
        await broadcasts.PublishAsync(
            ChatEventNames.Typing,
            new RealtimeAudience(Rooms: [roomId], ExceptConnection: Context.ConnectionId),
            new TypingEvent(roomId, state.UserId));
    }

    /// <summary>The caller shows the room: no "new message" notifications for it while open.</summary>
    public async Task OpenRoom(Guid roomId)
    {
        var state = Current();
        if (!state.Rooms.ContainsKey(roomId))
        {
            throw new HubException("You are not a participant of this room.");
        }

        if (state.OpenRooms.TryAdd(roomId, 0))
        {
            var db = redis.GetDatabase();
            var key = ChatMembership.ViewingKey(roomId, state.UserId);
            await db.StringIncrementAsync(key);
            await db.KeyExpireAsync(key, TimeSpan.FromHours(12));
        }
    }

    public async Task CloseRoom(Guid roomId)
    {
        var state = Current();
        if (state.OpenRooms.TryRemove(roomId, out _))
        {
            await redis.GetDatabase().StringDecrementAsync(ChatMembership.ViewingKey(roomId, state.UserId));
        }
    }

    /// <summary>
    /// Which of these users (at most 200) are online now, on any replica. Only people who share a chat
    /// room with the caller (and the caller) are ever reported; anyone else looks offline.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> GetPresence(Guid[] userIds)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        if (userIds.Length > 200)
        {
            throw new HubException("Ask about at most 200 users at a time.");
        }

        var state = Current();
        return await presence.OnlineAsync(await presence.SharingARoomAsync(state, userIds));
    }

    /// <summary>Diagnostics: this connection's id and an opaque id of the replica serving it (its logs map it to a host).</summary>
    public ConnectionInfo GetConnectionInfo() => new(Context.ConnectionId, ReplicaIdentity.Id);

    private ConnectionState Current() =>
        registry.Find(Context.ConnectionId) ?? throw new HubException("The connection is not registered.");

    private Task AnnouncePresenceAsync(ConnectionState state, bool online) =>
        broadcasts.PublishAsync(
            ChatEventNames.Presence,
            new RealtimeAudience(Users: [state.UserId], Rooms: [.. state.Rooms.Keys]),
            new PresenceEvent(state.UserId, online, clock.GetUtcNow()));

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a connection of user {UserId}: connection cap reached")]
    private partial void LogConnectionCap(Guid userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Closed a new connection of user {UserId}: session {SessionId} has ended or the user was deactivated")]
    private partial void LogSessionEnded(Guid userId, Guid sessionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not clean up presence of user {UserId}")]
    private partial void LogCleanupFailed(Exception exception, Guid userId);
}

/// <summary>What <c>GetConnectionInfo</c> returns.</summary>
public sealed record ConnectionInfo(string ConnectionId, string Replica);
