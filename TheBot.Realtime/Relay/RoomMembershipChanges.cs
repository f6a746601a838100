using Microsoft.AspNetCore.SignalR;
using TheBot.Realtime.Contracts;
using TheBot.Realtime.Hubs;

namespace TheBot.Realtime.Relay;

/// <summary>
/// Applies api's room membership changes to this replica's connections: a user removed from a room leaves its group
/// (so the next event does not reach them), a user added joins it. Every replica applies every change (no claim):
/// each owns different connections. The changes come on the events channel and <see cref="RealtimeEventRelay"/>
/// applies each before it relays the events published after it, so a member added just before a message gets it.
/// </summary>
internal sealed class RoomMembershipChanges(IHubContext<RealtimeHub> hub, ConnectionRegistry registry)
{
    public async Task ApplyAsync(RoomMembershipChange change, CancellationToken ct)
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
}
