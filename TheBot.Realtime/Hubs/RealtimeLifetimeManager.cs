using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using Microsoft.Extensions.Options;

namespace TheBot.Realtime.Hubs;

/// <summary>
/// The SignalR Redis backplane, keeping <see cref="LocalMembers"/> (this replica's own members of each group) current:
/// every connection and group change of this replica's connections passes through here, whoever makes it.
/// </summary>
public sealed class RealtimeLifetimeManager(
    ILogger<RedisHubLifetimeManager<RealtimeHub>> logger,
    IOptions<RedisOptions> options,
    IHubProtocolResolver hubProtocolResolver,
    IOptions<HubOptions> globalHubOptions,
    IOptions<HubOptions<RealtimeHub>> hubOptions,
    LocalMembers members)
    : RedisHubLifetimeManager<RealtimeHub>(logger, options, hubProtocolResolver, globalHubOptions, hubOptions)
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

    public override async Task AddToGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default)
    {
        await base.AddToGroupAsync(connectionId, groupName, cancellationToken);
        members.Join(connectionId, groupName);
    }

    public override Task RemoveFromGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default)
    {
        // Out of the local index first: an event relayed from now on no longer reaches it.
        members.Leave(connectionId, groupName);
        return base.RemoveFromGroupAsync(connectionId, groupName, cancellationToken);
    }
}
