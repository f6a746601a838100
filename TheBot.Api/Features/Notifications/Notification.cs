using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TheBot.Api.Features.Users;

namespace TheBot.Api.Features.Notifications;

public enum NotificationPriority
{
    Low,
    Normal,
    High,
    Urgent,
}

/// <summary>Something a user should know about, stored for them (read and archived by them).</summary>
public sealed class Notification
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    /// <summary>See <c>NotificationTypes</c>: chatMessage, broadcast, lessonReminder, invoice…</summary>
    public required string Type { get; set; }

    public NotificationPriority Priority { get; set; } = NotificationPriority.Normal;

    public required string Title { get; set; }

    public string? Body { get; set; }

    /// <summary>An app-relative link (e.g. /chat/{roomId}).</summary>
    public string? Link { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ReadAt { get; set; }

    public DateTimeOffset? ArchivedAt { get; set; }

    /// <summary>
    /// Set on a notification that stands for a stream of events (chat: one per room), unique per user:
    /// raised again in place rather than multiplied (<see cref="CoalescedNotifications"/>).
    /// </summary>
    public string? CoalesceKey { get; set; }
}

/// <summary>A user's choices: notification types switched off and quiet hours (in the user's time zone).</summary>
public sealed class NotificationSettings
{
    public Guid UserId { get; set; }

    public List<string> DisabledTypes { get; set; } = [];

    /// <summary>Quiet hours: no live delivery (except urgent) between start and end, local time; may wrap midnight.</summary>
    public TimeOnly? QuietHoursStart { get; set; }

    public TimeOnly? QuietHoursEnd { get; set; }

    /// <summary>The types the user gets by e-mail; null until they choose: their role's defaults (<c>EmailChannel.DefaultTypes</c>).</summary>
    public List<string>? EmailTypes { get; set; }

    /// <summary>The types the user gets by Web Push on their subscribed browsers; null until they choose: every type that can be pushed (<c>PushChannel.ChosenTypes</c>).</summary>
    public List<string>? PushTypes { get; set; }

    /// <summary>The types the user gets in their linked Telegram chat; null until they choose: their role's defaults (<c>TelegramChannel.DefaultTypes</c>).</summary>
    public List<string>? TelegramTypes { get; set; }

    /// <summary>The address the SMTP server refused for good (5xx): no e-mail goes to it until the user's address changes.</summary>
    public string? EmailRefusedAddress { get; set; }

    public DateTimeOffset? EmailRefusedAt { get; set; }

    /// <summary>The server's answer, as shown on the profile.</summary>
    public string? EmailRefusedReason { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("notifications");
        builder.Property(n => n.Type).HasMaxLength(40);
        builder.Property(n => n.Priority).HasConversion<string>().HasMaxLength(16);
        builder.Property(n => n.Title).HasMaxLength(200);
        builder.Property(n => n.Body).HasMaxLength(4000);
        builder.Property(n => n.Link).HasMaxLength(500);
        builder.HasOne<User>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        // The list: a user's unarchived notifications, unread first, newest first.
        builder.HasIndex(n => new { n.UserId, n.ArchivedAt, n.ReadAt, n.CreatedAt });
        builder.Property(n => n.CoalesceKey).HasMaxLength(100);
        builder.HasIndex(n => new { n.UserId, n.CoalesceKey }).IsUnique().HasFilter("coalesce_key IS NOT NULL");
    }
}

internal sealed class NotificationSettingsConfiguration : IEntityTypeConfiguration<NotificationSettings>
{
    public void Configure(EntityTypeBuilder<NotificationSettings> builder)
    {
        builder.ToTable("notification_settings");
        builder.HasKey(s => s.UserId);
        builder.Property(s => s.EmailRefusedAddress).HasMaxLength(256);
        builder.Property(s => s.EmailRefusedReason).HasMaxLength(1000);
        builder.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
