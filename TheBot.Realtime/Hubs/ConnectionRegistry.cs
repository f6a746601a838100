using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace TheBot.Realtime.Hubs;

/// <summary>One open connection on this replica: whose, which session, its rooms, the rooms it has open, its typing clock.</summary>
public sealed class ConnectionState(string connectionId, Guid userId, Guid sessionId, HubCallerContext context)
{
    public string ConnectionId { get; } = connectionId;

    public Guid UserId { get; } = userId;

    /// <summary>The signed-in device (the token's <c>sid</c>): revoking it closes this connection.</summary>
    public Guid SessionId { get; } = sessionId;

    public HubCallerContext Context { get; } = context;

    /// <summary>The rooms the user belongs to (from api's Redis set, then kept current by membership changes).</summary>
    public ConcurrentDictionary<Guid, byte> Rooms { get; } = Small<byte>();

    /// <summary>Rooms this connection has open (OpenRoom), for "new message" notifications.</summary>
    public ConcurrentDictionary<Guid, byte> OpenRooms { get; } = Small<byte>();

    /// <summary>When this connection last sent typing, per room (rate limit).</summary>
    public ConcurrentDictionary<Guid, long> LastTyping { get; } = Small<long>();

    /// <summary>
    /// Sized for what one connection holds (a few rooms, grown as needed) and touched by few threads at once: the
    /// defaults (31 buckets, a lock per core) cost ~1.5 KB per connection for these three, mostly empty.
    /// </summary>
    internal static ConcurrentDictionary<Guid, T> Small<T>() => new(concurrencyLevel: 1, capacity: 2);
}

/// <summary>The connections open on this replica, by connection id and by user.</summary>
public sealed class ConnectionRegistry
{
    private readonly ConcurrentDictionary<string, ConnectionState> _connections = new();
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<string, ConnectionState>> _byUser = new();

    public int Count => _connections.Count;

    public void Add(ConnectionState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        _connections[state.ConnectionId] = state;
        // Most users have one or two connections open.
        _byUser.GetOrAdd(state.UserId, _ => new(concurrencyLevel: 1, capacity: 2)).TryAdd(state.ConnectionId, state);
    }

    public ConnectionState? Remove(string connectionId)
    {
        if (!_connections.TryRemove(connectionId, out var state))
        {
            return null;
        }

        if (_byUser.TryGetValue(state.UserId, out var mine))
        {
            mine.TryRemove(connectionId, out _);
        }

        return state;
    }

    public ConnectionState? Find(string connectionId) => _connections.TryGetValue(connectionId, out var state) ? state : null;

    public IReadOnlyCollection<ConnectionState> OfUser(Guid userId) =>
        _byUser.TryGetValue(userId, out var mine) ? [.. mine.Values] : [];

    public IReadOnlyCollection<ConnectionState> OfSession(Guid sessionId)
    {
        var found = new List<ConnectionState>();
        foreach (var (_, state) in _connections)
        {
            if (state.SessionId == sessionId)
            {
                found.Add(state);
            }
        }

        return found;
    }

    public IReadOnlyCollection<ConnectionState> All() => [.. _connections.Values];
}
