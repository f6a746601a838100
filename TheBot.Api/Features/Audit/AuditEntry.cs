using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TheBot.Api.Features.Audit;

/// <summary>
/// One change a member of staff made (or one moderation read, or one billing step a parent or TheBot itself took): who, when, to what, what changed and from where.
/// Written in the same <c>SaveChanges</c> as the change it records; never updated; deleted only by the
/// <c>purge-audit-log</c> job once older than <see cref="AuditOptions.RetentionDays"/>.
/// </summary>
public sealed class AuditEntry
{
    public const int LabelLength = 300;
    public const int UserAgentLength = 512;

    public Guid Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The user who acted (kept as a plain id: the row outlives the account's later changes).</summary>
    public Guid ActorId { get; set; }

    /// <summary>The actor's name and role when they acted (TheBot itself: <see cref="AuditActor.System"/>).</summary>
    public required string ActorName { get; set; }

    public AuditActorRole ActorRole { get; set; }

    /// <summary>What kind of thing changed: user, enrollment, invoice, submission, lesson, chat-room, chat-message…</summary>
    public required string EntityType { get; set; }

    public Guid EntityId { get; set; }

    /// <summary>A readable name of the thing when it changed (a person's name, an invoice's description and amount…).</summary>
    public required string EntityLabel { get; set; }

    /// <summary>create, update, delete, deactivate, reactivate, change-role, reset-password, send, cancel, reschedule, grade…</summary>
    public required string Action { get; set; }

    /// <summary>Per field, before → after: a JSON array of <see cref="AuditFieldChange"/> (jsonb).</summary>
    public required string Changes { get; set; }

    /// <summary>The caller's IP as the front door reported it (forwarded headers are trusted only from it).</summary>
    public string? ClientIp { get; set; }

    public string? UserAgent { get; set; }
}

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_entries");
        builder.Property(e => e.ActorName).HasMaxLength(200);
        builder.Property(e => e.ActorRole).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.EntityType).HasMaxLength(40);
        builder.Property(e => e.EntityLabel).HasMaxLength(AuditEntry.LabelLength);
        builder.Property(e => e.Action).HasMaxLength(40);
        builder.Property(e => e.Changes).HasColumnType("jsonb");
        builder.Property(e => e.ClientIp).HasMaxLength(64);
        builder.Property(e => e.UserAgent).HasMaxLength(AuditEntry.UserAgentLength);

        // Newest first, alone or after one filter: each filter has an index that also serves the order (and the purge).
        builder.HasIndex(e => new { e.At, e.Id });
        builder.HasIndex(e => new { e.ActorId, e.At });
        builder.HasIndex(e => new { e.EntityType, e.At });
        builder.HasIndex(e => new { e.EntityId, e.At });
        builder.HasIndex(e => new { e.Action, e.At });
    }
}
