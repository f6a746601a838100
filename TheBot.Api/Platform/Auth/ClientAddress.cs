namespace TheBot.Api.Platform.Auth;

public static class ClientAddress
{
    /// <summary>The caller's IP as the front door reported it (forwarded headers are trusted only from it).</summary>
    public static string GetClientIp(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
    }
}
