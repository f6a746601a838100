using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TheBot.Api.Features.Notifications;

/// <summary>
/// A reminder that went out: one row per (kind, target, window), so that a reminder job re-run — or
/// run by two replicas — never reminds twice. The unique key is the guarantee, not the job's bookkeeping.
/// </summary>
public sealed class SentReminder
{
    public Guid Id { get; set; }

    /// <summary><c>lesson</c> or <c>invoice-overdue</c>.</summary>
    public required string Kind { get; set; }

    public Guid TargetId { get; set; }

    /// <summary>Which reminder of the target: <c>24h</c>/<c>1h</c> for lessons, the date for daily ones.</summary>
    public required string Window { get; set; }

    public DateTimeOffset SentAt { get; set; }
}

internal sealed class SentReminderConfiguration : IEntityTypeConfiguration<SentReminder>
{
    public void Configure(EntityTypeBuilder<SentReminder> builder)
    {
        builder.ToTable("sent_reminders");
        builder.Property(r => r.Kind).HasMaxLength(32);
        builder.Property(r => r.Window).HasMaxLength(32);
        builder.HasIndex(r => new { r.Kind, r.TargetId, r.Window }).IsUnique();
        builder.HasIndex(r => r.SentAt);
    }
}
