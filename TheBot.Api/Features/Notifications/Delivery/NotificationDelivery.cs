using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TheBot.Api.Features.Users;

namespace TheBot.Api.Features.Notifications.Delivery;

/// <summary>
/// The outbox: one notification to go out through one channel (e-mail; Telegram later). Written by
/// <see cref="Notifier"/> in the same transaction as the notification it carries, sent by <see cref="DeliverySender"/>.
/// </summary>
public sealed class NotificationDelivery
{
    public Guid Id { get; set; }

    public Guid NotificationId { get; set; }

    public Guid UserId { get; set; }

    /// <summary>The channel's name (<see cref="INotificationChannel.Name"/>): <c>email</c>.</summary>
    public required string Channel { get; set; }

    /// <summary><see cref="DeliveryStatus"/>: pending, sent, failed or suppressed.</summary>
    public required string Status { get; set; }

    /// <summary>Sending attempts so far (a claimed attempt counts even if its replica died).</summary>
    public int Attempts { get; set; }

    /// <summary>When a pending delivery is next due (after quiet hours, after a backoff, after a claim's lease).</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>Where a delivery stands.</summary>
public static class DeliveryStatus
{
    /// <summary>Waiting to be sent (or sent again after a failure).</summary>
    public const string Pending = "pending";

    public const string Sent = "sent";

    /// <summary>Given up: a permanent refusal or too many failed attempts.</summary>
    public const string Failed = "failed";

    /// <summary>Not sent on purpose: the address was refused before.</summary>
    public const string Suppressed = "suppressed";

    public static readonly IReadOnlyList<string> All = [Pending, Sent, Failed, Suppressed];
}

internal sealed class NotificationDeliveryConfiguration : IEntityTypeConfiguration<NotificationDelivery>
{
    public void Configure(EntityTypeBuilder<NotificationDelivery> builder)
    {
        builder.ToTable("notification_deliveries");
        builder.Property(d => d.Channel).HasMaxLength(20);
        builder.Property(d => d.Status).HasMaxLength(16);
        builder.Property(d => d.LastError).HasMaxLength(1000);
        builder.HasOne<Notification>().WithMany().HasForeignKey(d => d.NotificationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => new { d.NotificationId, d.Channel }).IsUnique();
        // The sender's claim: due pending rows, oldest due first.
        builder.HasIndex(d => d.NextAttemptAt).HasFilter("status = 'pending'");
        // The admin list: newest first, by status.
        builder.HasIndex(d => new { d.Status, d.CreatedAt });
        builder.HasIndex(d => d.UserId);
    }
}
