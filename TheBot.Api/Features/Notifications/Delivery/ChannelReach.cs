namespace TheBot.Api.Features.Notifications.Delivery;

/// <summary>
/// Which of a batch of users each channel can reach at all (<see cref="INotificationChannel.ReachableAsync"/>), asked
/// once per channel and batch, so that notifications need not know what a channel keeps (subscriptions, linked chats).
/// </summary>
public static class ChannelReach
{
    public static async Task<IReadOnlyDictionary<string, IReadOnlySet<Guid>?>> ReadAsync(
        IReadOnlyCollection<INotificationChannel> channels, IReadOnlyCollection<Guid> userIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(channels);
        var reach = new Dictionary<string, IReadOnlySet<Guid>?>(StringComparer.Ordinal);
        foreach (var channel in channels)
        {
            reach[channel.Name] = userIds.Count == 0 ? null : await channel.ReachableAsync(userIds, ct);
        }

        return reach;
    }

    /// <summary>Whether the channel can reach the user (a channel that keeps nothing per user reaches everyone).</summary>
    public static bool Contains(IReadOnlyDictionary<string, IReadOnlySet<Guid>?> reach, INotificationChannel channel, Guid userId)
    {
        ArgumentNullException.ThrowIfNull(reach);
        ArgumentNullException.ThrowIfNull(channel);
        return !reach.TryGetValue(channel.Name, out var users) || users is null || users.Contains(userId);
    }
}
