using TheBot.Api.Platform.Auth;

namespace TheBot.Api.Features.Notifications.Delivery;

/// <summary>
/// A way out of the app for notifications (e-mail, Web Push, Telegram). <see cref="Notifier"/> asks each enabled channel
/// whether a recipient wants a notification there and writes an outbox row if so; <see cref="DeliverySender"/> hands due
/// rows to <see cref="SendAsync"/> and records the outcome.
/// </summary>
public interface INotificationChannel
{
    /// <summary>Stored in <see cref="NotificationDelivery.Channel"/>: <c>email</c>, <c>push</c>, <c>telegram</c>.</summary>
    string Name { get; }

    /// <summary>Configured (e.g. an SMTP server is set): otherwise no rows are written for it.</summary>
    bool Enabled { get; }

    /// <summary>Whether the recipient gets this notification type through the channel, and if not sendable, why.</summary>
    ChannelDecision Decide(ChannelRecipient recipient, string type);

    /// <summary>Sends one notification; never throws for a failure of the far side (it is the outcome).</summary>
    Task<DeliveryOutcome> SendAsync(OutgoingNotification notification, CancellationToken cancellationToken);

    /// <summary>Of these users, those the channel can reach at all (e.g. a subscribed browser); null: every one (its decision alone counts).</summary>
    Task<IReadOnlySet<Guid>?> ReachableAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlySet<Guid>?>(null);

    /// <summary>The types each user may choose for this channel in their settings.</summary>
    IReadOnlyList<string> OfferedTypes => [];

    /// <summary>The types the user gets through the channel: their choice or the channel's defaults.</summary>
    IReadOnlyList<string> TypesChosenBy(UserRole role, NotificationSettings? settings) => [];
}

/// <summary>What a channel knows about a recipient when a notification is staged.</summary>
/// <param name="Reachable">Whether the channel can reach them at all (<see cref="INotificationChannel.ReachableAsync"/>).</param>
public sealed record ChannelRecipient(Guid UserId, UserRole Role, string? Email, NotificationSettings? Settings, bool Reachable = true);

public enum ChannelDecision
{
    /// <summary>The recipient does not get this type here.</summary>
    Skip,

    /// <summary>Write a pending row.</summary>
    Send,

    /// <summary>The recipient wants it but the channel cannot reach them (refused address): a suppressed row, for the record.</summary>
    Suppress,
}

/// <summary>A stored notification on its way out, with its recipient.</summary>
public sealed record OutgoingNotification(
    Guid DeliveryId,
    Guid NotificationId,
    string Type,
    string Title,
    string? Body,
    string? Link,
    Guid UserId,
    string FullName,
    string? Email,
    string Language);

/// <summary>How a sending attempt ended.</summary>
/// <param name="RetryAfter">For a retry: how long the far side asked to wait (Telegram's 429 <c>retry_after</c>) instead of the backoff.</param>
public sealed record DeliveryOutcome(DeliveryResult Result, string? Error = null, TimeSpan? RetryAfter = null)
{
    public static readonly DeliveryOutcome Sent = new(DeliveryResult.Sent);

    /// <summary>A passing failure (server down, 4xx): try again later (after <paramref name="after"/> when the far side said so).</summary>
    public static DeliveryOutcome Retry(string error, TimeSpan? after = null) => new(DeliveryResult.Retry, error, after);

    /// <summary>A permanent refusal of this message: do not try again.</summary>
    public static DeliveryOutcome Failed(string error) => new(DeliveryResult.Failed, error);

    /// <summary>The recipient's address is refused for good (5xx): stop using it.</summary>
    public static DeliveryOutcome AddressRefused(string error) => new(DeliveryResult.AddressRefused, error);

    /// <summary>Not sent on purpose (no address, unsubscribed since).</summary>
    public static DeliveryOutcome Suppressed(string reason) => new(DeliveryResult.Suppressed, reason);
}

public enum DeliveryResult
{
    Sent,
    Retry,
    Failed,
    AddressRefused,
    Suppressed,
}
