using StackExchange.Redis;
using TheBot.Api.Platform.Realtime;
using TheBot.Realtime.Contracts;

namespace TheBot.Api.Features.Chat;

/// <summary>
/// Keeps realtime's view of room membership: a Redis set of room ids per user (read by the hub on
/// connect and for typing) and a <see cref="ChatMembership.ChangeEvent"/> on the events channel that makes every
/// replica move the user's open connections in or out of the room's group. Best effort, like events:
/// the database is the truth and <see cref="ReplaceAsync"/> rebuilds a user's set from it.
/// </summary>
public sealed partial class ChatMembershipCache(IConnectionMultiplexer redis, IRealtimePublisher realtime, ILogger<ChatMembershipCache> logger)
{
    public Task JoinedAsync(Guid roomId, IEnumerable<Guid> userIds) => ChangeAsync(roomId, userIds, joined: true);

    public Task LeftAsync(Guid roomId, IEnumerable<Guid> userIds) => ChangeAsync(roomId, userIds, joined: false);

    private async Task ChangeAsync(Guid roomId, IEnumerable<Guid> userIds, bool joined)
    {
        if (Unreachable(roomId))
        {
            return;
        }

        try
        {
            var db = redis.GetDatabase();
            RedisValue room = roomId.ToString("D");
            foreach (var userId in userIds)
            {
                var key = ChatMembership.UserRoomsKey(userId);
                _ = joined ? await db.SetAddAsync(key, room) : await db.SetRemoveAsync(key, room);
                // On the events channel, so realtime applies it before the events published after it.
                await realtime.PublishAsync(ChatMembership.ChangeEvent, RealtimeAudience.ToUsers(userId), new RoomMembershipChange(userId, roomId, joined));
            }
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            LogFailed(ex, roomId);
        }
    }

    /// <summary>Rewrites the user's set from the database's list (self-healing after a Redis restart).</summary>
    public async Task ReplaceAsync(Guid userId, IReadOnlyCollection<Guid> roomIds)
    {
        if (Unreachable(userId))
        {
            return;
        }

        try
        {
            var key = ChatMembership.UserRoomsKey(userId);
            var transaction = redis.GetDatabase().CreateTransaction();
            _ = transaction.KeyDeleteAsync(key);
            if (roomIds.Count > 0)
            {
                _ = transaction.SetAddAsync(key, roomIds.Select(id => (RedisValue)id.ToString("D")).ToArray());
            }
            else
            {
                // Redis keeps no empty set: without the marker an empty list would be rebuilt on every request.
                _ = transaction.StringSetAsync(NoRoomsKey(userId), 1, NoRoomsLifetime);
            }

            await transaction.ExecuteAsync();
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            LogFailed(ex, userId);
        }
    }

    /// <summary>
    /// Rebuilds the user's set when Redis lost it (a restart without persistence): realtime reads it
    /// on the next connect. Cheap when it exists, or was rebuilt empty lately (one EXISTS of both keys).
    /// </summary>
    public async Task EnsureAsync(Guid userId, Func<Task<List<Guid>>> roomIds)
    {
        ArgumentNullException.ThrowIfNull(roomIds);
        if (Unreachable(userId))
        {
            return;
        }

        try
        {
            if (await redis.GetDatabase().KeyExistsAsync([ChatMembership.UserRoomsKey(userId), NoRoomsKey(userId)]) > 0)
            {
                return;
            }
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            LogFailed(ex, userId);
            return;
        }

        await ReplaceAsync(userId, await roomIds());
    }

    /// <summary>
    /// How long "this user's set was rebuilt empty" is believed. A join meanwhile creates the set (and a leave that
    /// empties it again is right to be believed), so the marker only bounds how long a lost update stays unhealed.
    /// </summary>
    internal static readonly TimeSpan NoRoomsLifetime = TimeSpan.FromMinutes(10);

    internal static RedisKey NoRoomsKey(Guid userId) => $"thebot:chat:user-rooms-none:{userId:D}";

    /// <summary>Which of the users have the room open on some device (hub OpenRoom/CloseRoom): one Redis round trip for all.</summary>
    public async Task<HashSet<Guid>> ViewersAsync(Guid roomId, IReadOnlyList<Guid> userIds)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        var viewers = new HashSet<Guid>();
        if (userIds.Count == 0 || !redis.IsConnected)
        {
            return viewers;
        }

        try
        {
            var keys = new RedisKey[userIds.Count];
            for (var i = 0; i < keys.Length; i++)
            {
                keys[i] = ChatMembership.ViewingKey(roomId, userIds[i]);
            }

            var values = await redis.GetDatabase().StringGetAsync(keys);
            for (var i = 0; i < values.Length; i++)
            {
                if (values[i].TryParse(out long count) && count > 0)
                {
                    viewers.Add(userIds[i]);
                }
            }
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // Nobody known to be viewing: everyone gets the notification, which is the safe side.
        }

        return viewers;
    }

    /// <summary>With Redis down, skip at once rather than wait for the command timeout on every request.</summary>
    private bool Unreachable(Guid id)
    {
        if (redis.IsConnected)
        {
            return false;
        }

        LogUnreachable(id);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chat membership cache not updated for {Id}: Redis is unreachable; rebuilt from the database when the user next lists rooms")]
    private partial void LogUnreachable(Guid id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chat membership cache not updated for {Id}; realtime catches up on the next change")]
    private partial void LogFailed(Exception exception, Guid id);
}
