using Microsoft.AspNetCore.SignalR;

namespace TheBot.Realtime.Hubs;

/// <summary>The one hub clients connect to; server → client methods are listed in docs/realtime.md.</summary>
public sealed class RealtimeHub : Hub
{
}
