namespace TheBot.Realtime.Contracts;

/// <summary>
/// <c>connected</c>: to the new connection alone, once it has joined its user's and rooms' groups. Events
/// published before it may have been missed (the SignalR handshake completes before the groups are
/// joined), so a client catches up over REST after this event, not after <c>start()</c> resolves.
/// </summary>
public sealed record ConnectedEvent(string ConnectionId, string Replica, int Rooms);

public static class ConnectionEventNames
{
    public const string Connected = "connected";
}
