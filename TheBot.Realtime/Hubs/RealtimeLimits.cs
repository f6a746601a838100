namespace TheBot.Realtime.Hubs;

/// <summary>Configuration section <c>Realtime</c>.</summary>
public sealed class RealtimeLimits
{
    public const string SectionName = "Realtime";

    /// <summary>Open connections one user may hold across all replicas.</summary>
    public int MaxConnectionsPerUser { get; set; } = 10;

    /// <summary>Typing notices per connection and room: at most one per this interval; extra ones are dropped.</summary>
    public TimeSpan TypingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a presence entry lives without being refreshed (a crashed replica's connections expire).</summary>
    public TimeSpan PresenceLifetime { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>How often live connections refresh their presence entries.</summary>
    public TimeSpan PresenceRefresh { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest incoming hub message, in bytes.</summary>
    public long MaximumReceiveMessageSize { get; set; } = 32 * 1024;
}
