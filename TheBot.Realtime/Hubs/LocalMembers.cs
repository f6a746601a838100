using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace TheBot.Realtime.Hubs;

/// <summary>
/// This replica's connections and their groups (kept by <see cref="RealtimeLifetimeManager"/>: the only record of
/// them). Every event — api's, and the hub's typing and presence — reaches every replica on one Redis channel (each
/// one's <see cref="Relay.RealtimeEventRelay"/> subscribes to it), so each replica writes an event straight to its
/// own members: serialised once, no claim, no Redis subscription per connection or group, and each connection
/// still gets it once, from the one replica that holds it.
/// </summary>
public sealed partial class LocalMembers(ILogger<LocalMembers> logger)
{
    /// <summary>
    /// Writes a connection may have waiting (its client reads slower than events come). Beyond them the connection
    /// is closed: the client reconnects and catches up over REST, and no one else waits for it.
    /// </summary>
    internal const int MaxWaitingWrites = 512;

    private readonly ConcurrentDictionary<string, LocalConnection> _connections = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, LocalConnection[]> _groups = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public void Connected(HubConnectionContext connection) =>
        _connections[connection.ConnectionId] = new LocalConnection(connection);

    public void Disconnected(string connectionId)
    {
        if (!_connections.TryRemove(connectionId, out var connection))
        {
            return;
        }

        lock (_lock)
        {
            foreach (var group in connection.Close())
            {
                RemoveMember(group, connection);
            }
        }
    }

    /// <summary>Adds one of this replica's connections to a group (others' are not kept here).</summary>
    public void Join(string connectionId, string group)
    {
        if (!_connections.TryGetValue(connectionId, out var connection))
        {
            return;
        }

        lock (_lock)
        {
            if (connection.Join(group))
            {
                _groups[group] = _groups.TryGetValue(group, out var members) ? [.. members, connection] : [connection];
            }
        }
    }

    public void Leave(string connectionId, string group)
    {
        if (!_connections.TryGetValue(connectionId, out var connection))
        {
            return;
        }

        lock (_lock)
        {
            if (connection.Leave(group))
            {
                RemoveMember(group, connection);
            }
        }
    }

    /// <summary>
    /// Writes each event to this replica's connections in its audience (each connection once per event, never the
    /// event's <see cref="LocalEvent.ExceptConnection"/>). Events
    /// reach a connection in the order given. A connection's events of one call are written one right after the
    /// other, so its transport usually sends them together (one frame, one system call) — which is what keeps a
    /// busy room's cost per delivery down when events come faster than they can be sent one by one. The caller
    /// does not wait for slow clients.
    /// </summary>
    public void Send(IReadOnlyList<LocalEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var byConnection = new Dictionary<LocalConnection, List<SerializedHubMessage>>();
        void Add(LocalConnection connection, LocalEvent local)
        {
            if (local.ExceptConnection is not null && local.ExceptConnection == connection.Context.ConnectionId)
            {
                return;
            }

            var message = local.Message;
            if (!byConnection.TryGetValue(connection, out var messages))
            {
                byConnection[connection] = messages = new List<SerializedHubMessage>(events.Count);
            }

            // A connection in two of the event's groups gets it once.
            if (messages.Count == 0 || messages[^1] != message)
            {
                messages.Add(message);
            }
        }

        foreach (var local in events)
        {
            if (local.Everyone)
            {
                foreach (var (_, connection) in _connections)
                {
                    Add(connection, local);
                }

                continue;
            }

            foreach (var group in local.Groups)
            {
                if (_groups.TryGetValue(group, out var members))
                {
                    foreach (var connection in members)
                    {
                        Add(connection, local);
                    }
                }
            }
        }

        foreach (var (connection, messages) in byConnection)
        {
            foreach (var message in messages)
            {
                Write(connection, message);
            }
        }
    }

    private void Write(LocalConnection connection, SerializedHubMessage message)
    {
        // Almost always completes at once (the bytes are copied into the connection's pipe); the transport sends them.
        var write = connection.Context.WriteAsync(message);
        if (!write.IsCompletedSuccessfully)
        {
            _ = WaitForWriteAsync(connection, write.AsTask());
        }
    }

    private async Task WaitForWriteAsync(LocalConnection connection, Task write)
    {
        if (Interlocked.Increment(ref connection.WaitingWrites) == MaxWaitingWrites + 1)
        {
            LogTooSlow(connection.Context.ConnectionId, MaxWaitingWrites);
            connection.Context.Abort();
        }

        try
        {
            await write;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogWriteFailed(ex, connection.Context.ConnectionId);
        }
        finally
        {
            Interlocked.Decrement(ref connection.WaitingWrites);
        }
    }

    private void RemoveMember(string group, LocalConnection connection)
    {
        if (!_groups.TryGetValue(group, out var members))
        {
            return;
        }

        var rest = Array.FindAll(members, member => member != connection);
        if (rest.Length == 0)
        {
            _groups.TryRemove(group, out _);
        }
        else
        {
            _groups[group] = rest;
        }
    }

    /// <summary>A connection of this replica and the groups it is in (changed only under the lock of <see cref="LocalMembers"/>).</summary>
    private sealed class LocalConnection(HubConnectionContext context)
    {
        private readonly List<string> _groups = new(2);
        private bool _closed;

        public HubConnectionContext Context { get; } = context;

        public int WaitingWrites;

        /// <summary>False when already in the group, or gone (a join racing the disconnect must not leave it behind).</summary>
        public bool Join(string group)
        {
            if (_closed || _groups.Contains(group))
            {
                return false;
            }

            _groups.Add(group);
            return true;
        }

        public bool Leave(string group) => _groups.Remove(group);

        /// <summary>Marks the connection gone; returns the groups it was in.</summary>
        public List<string> Close()
        {
            _closed = true;
            return _groups;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Closed connection {ConnectionId}: its client had {Count} events waiting; it will catch up when it reconnects")]
    private partial void LogTooSlow(string connectionId, int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not write an event to connection {ConnectionId}")]
    private partial void LogWriteFailed(Exception exception, string connectionId);
}

/// <summary>One event for <see cref="LocalMembers.Send"/>: the client method and its argument, and who gets it.</summary>
public sealed class LocalEvent(IReadOnlyList<string> groups, bool everyone, string method, object? argument, string? exceptConnection = null)
{
    public IReadOnlyList<string> Groups { get; } = groups;

    public bool Everyone { get; } = everyone;

    /// <summary>A connection of the groups that does not get it (the one that sent it: typing goes to the others).</summary>
    public string? ExceptConnection { get; } = exceptConnection;

    /// <summary>Serialised once per protocol, however many connections it is written to.</summary>
    public SerializedHubMessage Message { get; } = new(new InvocationMessage(method, [argument]));
}
