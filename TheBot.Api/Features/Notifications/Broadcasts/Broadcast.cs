using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TheBot.Api.Features.Users;

namespace TheBot.Api.Features.Notifications.Broadcasts;

/// <summary>
/// An admin's broadcast: the audience, when it goes, and how far the fan-out got. The row itself is the work item:
/// pending while <see cref="CompletedAt"/> and <see cref="CancelledAt"/> are null, due at <see cref="SendAt"/>,
/// taken by one replica at a time (<see cref="ClaimedUntil"/>, see <see cref="BroadcastFanOut"/>).
/// </summary>
public sealed class Broadcast
{
    public Guid Id { get; set; }

    public Guid CreatedById { get; set; }

    public required string Title { get; set; }

    public string? Body { get; set; }

    public string? Link { get; set; }

    public NotificationPriority Priority { get; set; }

    /// <summary>everyone, role, subject, tutor, teacher or users (see <see cref="BroadcastAudiences"/>).</summary>
    public required string AudienceKind { get; set; }

    /// <summary>The role's name (student, teacher…) when the audience is a role.</summary>
    public string? Role { get; set; }

    public Guid? SubjectId { get; set; }

    /// <summary>The tutor whose students (and, with <see cref="IncludeParents"/>, their parents) it goes to.</summary>
    public Guid? TutorId { get; set; }

    /// <summary>With a tutor audience: the students' parents too.</summary>
    public bool IncludeParents { get; set; }

    /// <summary>The teacher whose actively enrolled students it goes to.</summary>
    public Guid? TeacherId { get; set; }

    /// <summary>The hand-picked people it goes to (the users audience).</summary>
    public List<Guid>? UserIds { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When it is due to go out: the creation time, or the time the admin scheduled it for.</summary>
    public DateTimeOffset SendAt { get; set; }

    /// <summary>A replica is fanning it out until then; a replica that died leaves it to another after this.</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }

    /// <summary>How many people got it in the app (set when the fan-out is done).</summary>
    public int RecipientCount { get; set; }

    /// <summary>When the fan-out finished: every recipient has their notification (and its outbox rows).</summary>
    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>A scheduled broadcast the admin cancelled before it went.</summary>
    public DateTimeOffset? CancelledAt { get; set; }
}

/// <summary>
/// One person of a broadcast's audience, written by the fan-out in the same transaction as their notification:
/// the unique (broadcast, user) key is what makes a resumed fan-out skip those already done.
/// </summary>
public sealed class BroadcastRecipient
{
    public Guid BroadcastId { get; set; }

    public Guid UserId { get; set; }

    /// <summary>Their in-app notification; null when they had switched broadcasts off (nothing was stored for them).</summary>
    public Guid? NotificationId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class BroadcastConfiguration : IEntityTypeConfiguration<Broadcast>
{
    public void Configure(EntityTypeBuilder<Broadcast> builder)
    {
        builder.ToTable("broadcasts");
        builder.Property(b => b.Title).HasMaxLength(200);
        builder.Property(b => b.Body).HasMaxLength(4000);
        builder.Property(b => b.Link).HasMaxLength(500);
        builder.Property(b => b.Priority).HasConversion<string>().HasMaxLength(16);
        builder.Property(b => b.AudienceKind).HasMaxLength(16);
        builder.Property(b => b.Role).HasMaxLength(16);
        builder.HasOne<User>().WithMany().HasForeignKey(b => b.CreatedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(b => b.TutorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(b => b.TeacherId).OnDelete(DeleteBehavior.Restrict);
        // The fan-out's claim: pending broadcasts by when they are due.
        builder.HasIndex(b => b.SendAt).HasFilter("completed_at IS NULL AND cancelled_at IS NULL");
        // The history: newest first.
        builder.HasIndex(b => b.CreatedAt);
    }
}

internal sealed class BroadcastRecipientConfiguration : IEntityTypeConfiguration<BroadcastRecipient>
{
    public void Configure(EntityTypeBuilder<BroadcastRecipient> builder)
    {
        builder.ToTable("broadcast_recipients");
        builder.HasKey(r => new { r.BroadcastId, r.UserId });
        builder.HasOne<Broadcast>().WithMany().HasForeignKey(r => r.BroadcastId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Notification>().WithMany().HasForeignKey(r => r.NotificationId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(r => r.NotificationId);
    }
}
