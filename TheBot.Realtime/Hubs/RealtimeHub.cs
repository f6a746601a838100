using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using TheBot.Realtime.Contracts;
using TheBot.ServiceDefaults.Authentication;

namespace TheBot.Realtime.Hubs;

/// <summary>
/// The one hub clients connect to (with a TheBot access token). Each connection joins its user's
/// group; server → client methods are listed in docs/realtime.md.
/// </summary>
[Authorize]
public sealed class RealtimeHub : Hub
{
    public override async Task OnConnectedAsync()
    {
        if (Guid.TryParse(Context.User?.FindFirst(TheBotClaims.UserId)?.Value, out var userId))
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, RealtimeChannels.UserGroup(userId));
        }

        await base.OnConnectedAsync();
    }
}
