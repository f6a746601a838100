using Microsoft.Extensions.Options;
using StackExchange.Redis;
using TheBot.Realtime.Contracts;

namespace TheBot.Realtime.Hubs;

/// <summary>
/// Who is online, across replicas: a Redis sorted set per user of their connection ids scored by
/// expiry (ms). A connection's replica refreshes it; a crashed replica's entries simply expire.
/// </summary>
public sealed class PresenceTracker(IConnectionMultiplexer redis, ConnectionRegistry registry, IOptions<RealtimeLimits> limits, TimeProvider clock)
{
    private RealtimeLimits Limits => limits.Value;

    private long Now => clock.GetUtcNow().ToUnixTimeMilliseconds();

    public async Task<long> CountAsync(Guid userId) =>
        await redis.GetDatabase().SortedSetLengthAsync(ChatMembership.PresenceKey(userId), Now, double.PositiveInfinity);

    /// <summary>Adds the connection; true when it is the user's first (they just came online).</summary>
    public async Task<bool> ConnectedAsync(Guid userId, string connectionId)
    {
        var db = redis.GetDatabase();
        var key = ChatMembership.PresenceKey(userId);
        await db.SortedSetRemoveRangeByScoreAsync(key, double.NegativeInfinity, Now);
        await db.SortedSetAddAsync(key, connectionId, Now + (long)Limits.PresenceLifetime.TotalMilliseconds);
        await db.KeyExpireAsync(key, Limits.PresenceLifetime * 2);
        return await CountAsync(userId) == 1;
    }

    /// <summary>Removes the connection; true when it was the user's last (they just went offline).</summary>
    public async Task<bool> DisconnectedAsync(Guid userId, string connectionId)
    {
        var db = redis.GetDatabase();
        await db.SortedSetRemoveAsync(ChatMembership.PresenceKey(userId), connectionId);
        return await CountAsync(userId) == 0;
    }

    public async Task<IReadOnlyList<Guid>> OnlineAsync(IEnumerable<Guid> userIds)
    {
        var online = new List<Guid>();
        foreach (var userId in userIds.Distinct())
        {
            if (await CountAsync(userId) > 0)
            {
                online.Add(userId);
            }
        }

        return online;
    }

    /// <summary>
    /// Those of <paramref name="userIds"/> the caller may ask about: the caller and the people who share a
    /// chat room with them (each user's rooms are the Redis set api keeps; one pipelined round trip).
    /// </summary>
    public async Task<IReadOnlyList<Guid>> SharingARoomAsync(ConnectionState caller, IEnumerable<Guid> userIds)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(userIds);

        var others = userIds.Distinct().Where(id => id != caller.UserId).ToList();
        var visible = new List<Guid>(others.Count + 1);
        if (userIds.Contains(caller.UserId))
        {
            visible.Add(caller.UserId);
        }

        if (others.Count == 0 || caller.Rooms.IsEmpty)
        {
            return visible;
        }

        var db = redis.GetDatabase();
        var rooms = others.Select(id => db.SetMembersAsync(ChatMembership.UserRoomsKey(id))).ToList();
        for (var i = 0; i < others.Count; i++)
        {
            foreach (var room in await rooms[i])
            {
                if (Guid.TryParse(room.ToString(), out var roomId) && caller.Rooms.ContainsKey(roomId))
                {
                    visible.Add(others[i]);
                    break;
                }
            }
        }

        return visible;
    }

    /// <summary>Keeps this replica's connections' entries alive.</summary>
    public async Task RefreshAsync()
    {
        var db = redis.GetDatabase();
        var expiry = Now + (long)Limits.PresenceLifetime.TotalMilliseconds;
        foreach (var connection in registry.All())
        {
            var key = ChatMembership.PresenceKey(connection.UserId);
            await db.SortedSetAddAsync(key, connection.ConnectionId, expiry);
            await db.KeyExpireAsync(key, Limits.PresenceLifetime * 2);
        }
    }
}
