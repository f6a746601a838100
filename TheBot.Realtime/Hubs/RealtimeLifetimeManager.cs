using Microsoft.AspNetCore.SignalR;

namespace TheBot.Realtime.Hubs;

/// <summary>
/// SignalR's in-process lifetime manager, with this replica's groups kept only in <see cref="LocalMembers"/>: every
/// connection and group change of this replica's connections passes through here, whoever makes it. There is no
/// backplane (it cost two Redis subscriptions per connection, issue #17): what reaches beyond one connection goes
/// on the events channel, which every replica writes to its own members (<see cref="HubBroadcasts"/>), so the sends
/// that would silently stay on this replica are refused.
/// </summary>
public sealed class RealtimeLifetimeManager(ILogger<DefaultHubLifetimeManager<RealtimeHub>> logger, LocalMembers members)
    : DefaultHubLifetimeManager<RealtimeHub>(logger)
{
    public override async Task OnConnectedAsync(HubConnectionContext connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await base.OnConnectedAsync(connection);
        members.Connected(connection);
    }

    public override Task OnDisconnectedAsync(HubConnectionContext connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        members.Disconnected(connection.ConnectionId);
        return base.OnDisconnectedAsync(connection);
    }

    /// <summary>Adds one of this replica's connections to a group; another replica's is not found here (a no-op).</summary>
    public override Task AddToGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default)
    {
        members.Join(connectionId, groupName);
        return Task.CompletedTask;
    }

    public override Task RemoveFromGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default)
    {
        members.Leave(connectionId, groupName);
        return Task.CompletedTask;
    }

    public override Task SendAllAsync(string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        throw LocalOnly();

    public override Task SendAllExceptAsync(string methodName, object?[] args, IReadOnlyList<string> excludedConnectionIds, CancellationToken cancellationToken = default) =>
        throw LocalOnly();

    public override Task SendGroupAsync(string groupName, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        throw LocalOnly();

    public override Task SendGroupsAsync(IReadOnlyList<string> groupNames, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        throw LocalOnly();

    public override Task SendGroupExceptAsync(string groupName, string methodName, object?[] args, IReadOnlyList<string> excludedConnectionIds, CancellationToken cancellationToken = default) =>
        throw LocalOnly();

    public override Task SendUserAsync(string userId, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        throw LocalOnly();

    public override Task SendUsersAsync(IReadOnlyList<string> userIds, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        throw LocalOnly();

    private static NotSupportedException LocalOnly() =>
        new("Without a backplane this would reach only this replica's connections: publish it with HubBroadcasts (every replica delivers it to its own).");
}
