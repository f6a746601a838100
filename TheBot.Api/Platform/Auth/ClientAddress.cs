using TheBot.ServiceDefaults.Networking;

namespace TheBot.Api.Platform.Auth;

public static class ClientAddress
{
    /// <summary>The caller's IP as the front door reported it (forwarded headers are trusted only from it): what "my devices" shows.</summary>
    public static string GetClientIp(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
    }

    /// <summary>What throttles count by: the caller's IPv4 address or IPv6 /64, keyed as the front door's edge limit keys them.</summary>
    public static string GetClientNetwork(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ClientNetwork.Of(context.Connection.RemoteIpAddress);
    }
}
