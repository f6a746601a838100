using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TheBot.Api.Features.Telegram;

/// <summary>
/// A message for a staff chat (the admins' group, the log channel) rather than a user's: its own outbox, written with
/// the event it tells of (same transaction where there is one) and sent by <see cref="TelegramPostSender"/> with retries.
/// </summary>
public sealed class TelegramPost
{
    public Guid Id { get; set; }

    /// <summary><see cref="TelegramPostChats"/>: admins or log.</summary>
    public required string Chat { get; set; }

    /// <summary>What it tells of: a <see cref="TelegramLogEvents"/> name.</summary>
    public required string Event { get; set; }

    public long ChatId { get; set; }

    public required string Text { get; set; }

    /// <summary>pending, sent or failed (as the notification outbox's <c>DeliveryStatus</c>).</summary>
    public required string Status { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

public static class TelegramPostChats
{
    public const string Admins = "admins";

    public const string Log = "log";
}

internal sealed class TelegramPostConfiguration : IEntityTypeConfiguration<TelegramPost>
{
    public void Configure(EntityTypeBuilder<TelegramPost> builder)
    {
        builder.ToTable("telegram_posts");
        builder.Property(p => p.Chat).HasMaxLength(16);
        builder.Property(p => p.Event).HasMaxLength(32);
        builder.Property(p => p.Text).HasMaxLength(4096);
        builder.Property(p => p.Status).HasMaxLength(16);
        builder.Property(p => p.LastError).HasMaxLength(1000);
        // The sender's claim: due pending rows.
        builder.HasIndex(p => p.NextAttemptAt).HasFilter("status = 'pending'");
        builder.HasIndex(p => p.CreatedAt);
    }
}
