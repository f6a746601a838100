namespace TheBot.Realtime.Contracts;

/// <summary>
/// How api tells its own replicas and realtime that someone's access changed. api first writes what
/// ended into Redis (a revoked session, a deactivated user; each key lives as long as an access token
/// issued before could), then publishes a signal: every api replica drops its cached answer and every
/// realtime replica checks its open connections of that session or user against those keys and closes
/// the ones that no longer pass. Realtime checks the same keys when a connection starts.
/// </summary>
public static class AccessChanges
{
    /// <summary>Pub/sub channel; a message is <c>s:{sessionId:N}</c> or <c>u:{userId:N}</c>.</summary>
    public const string Channel = "thebot:auth:access-changed";

    /// <summary>Set when a session is revoked (logout, logout everywhere, password change, reuse, deactivation).</summary>
    public static string RevokedSessionKey(Guid sessionId) => $"thebot:auth:revoked-session:{sessionId:N}";

    /// <summary>Set while a deactivated user's tokens may still be within their lifetime; removed on reactivation.</summary>
    public static string InactiveUserKey(Guid userId) => $"thebot:auth:inactive-user:{userId:N}";

    /// <summary>
    /// How long the keys live: the longest an access token issued before the change can still pass
    /// validation (its lifetime plus the 30 s clock skew validation allows, rounded up).
    /// </summary>
    public static TimeSpan KeyLifetime(TimeSpan accessTokenLifetime) => accessTokenLifetime + TimeSpan.FromMinutes(1);

    public static string SessionMessage(Guid sessionId) => $"s:{sessionId:N}";

    public static string UserMessage(Guid userId) => $"u:{userId:N}";

    /// <summary>Reads a message: the id and whether it names a session (otherwise a user).</summary>
    public static bool TryParse(string? message, out Guid id, out bool isSession)
    {
        id = Guid.Empty;
        isSession = false;
        if (message is not { Length: 34 } || message[1] != ':' || message[0] is not ('s' or 'u')
            || !Guid.TryParseExact(message.AsSpan(2), "N", out id))
        {
            return false;
        }

        isSession = message[0] == 's';
        return true;
    }
}
