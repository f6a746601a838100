using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TheBot.Api.Features.Subjects;
using TheBot.Api.Features.Users;

namespace TheBot.Api.Features.Lessons;

public enum LessonStatus
{
    Pending,
    Confirmed,
    Completed,
    Cancelled,

    /// <summary>The student did not come: marked by the teacher once the lesson has started.</summary>
    Missed,
}

/// <summary>
/// A scheduled lesson of a teacher with a student in a subject. Times are UTC (timestamptz); the
/// database refuses overlapping non-cancelled lessons of one teacher or one student (see
/// <see cref="LessonSchemaSql"/>).
/// </summary>
public sealed class Lesson
{
    public const int MinMinutes = 30;
    public const int MaxMinutes = 240;

    public Guid Id { get; set; }

    public Guid TeacherId { get; set; }

    public User? Teacher { get; set; }

    public Guid StudentId { get; set; }

    public User? Student { get; set; }

    public Guid SubjectId { get; set; }

    public Subject? Subject { get; set; }

    public DateTimeOffset StartsAt { get; set; }

    public DateTimeOffset EndsAt { get; set; }

    public string? Topic { get; set; }

    /// <summary>An https link to the video call, if any.</summary>
    public string? MeetingLink { get; set; }

    public LessonStatus Status { get; set; } = LessonStatus.Pending;

    public string? CancelReason { get; set; }

    public Guid CreatedById { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public uint Version { get; set; }
}

/// <summary>One change of a lesson: who, when, what (old → new).</summary>
public sealed class LessonHistoryEntry
{
    public Guid Id { get; set; }

    public Guid LessonId { get; set; }

    /// <summary>created, rescheduled, confirmed, cancelled, completed.</summary>
    public required string Action { get; set; }

    public Guid? ActorId { get; set; }

    public User? Actor { get; set; }

    public DateTimeOffset At { get; set; }

    public LessonStatus? FromStatus { get; set; }

    public LessonStatus ToStatus { get; set; }

    public DateTimeOffset? FromStartsAt { get; set; }

    public DateTimeOffset? FromEndsAt { get; set; }

    public DateTimeOffset ToStartsAt { get; set; }

    public DateTimeOffset ToEndsAt { get; set; }

    public string? Note { get; set; }
}

/// <summary>A person's secret calendar-feed token (only its SHA-256 is stored).</summary>
public sealed class CalendarFeed
{
    public Guid UserId { get; set; }

    public required string TokenHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class LessonConfiguration : IEntityTypeConfiguration<Lesson>
{
    public void Configure(EntityTypeBuilder<Lesson> builder)
    {
        builder.ToTable("lessons", t =>
        {
            t.HasCheckConstraint("ck_lessons_duration", $"ends_at - starts_at BETWEEN interval '{Lesson.MinMinutes} minutes' AND interval '{Lesson.MaxMinutes} minutes'");
            t.HasCheckConstraint("ck_lessons_meeting_link_https", "meeting_link IS NULL OR meeting_link LIKE 'https://%'");
        });
        builder.Property(l => l.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(l => l.Topic).HasMaxLength(200);
        builder.Property(l => l.MeetingLink).HasMaxLength(500);
        builder.Property(l => l.CancelReason).HasMaxLength(500);
        builder.Property(l => l.Version).IsRowVersion();
        builder.HasOne(l => l.Teacher).WithMany().HasForeignKey(l => l.TeacherId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(l => l.Student).WithMany().HasForeignKey(l => l.StudentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(l => l.Subject).WithMany().HasForeignKey(l => l.SubjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(l => l.CreatedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => new { l.TeacherId, l.StartsAt });
        builder.HasIndex(l => new { l.StudentId, l.StartsAt });
        builder.HasIndex(l => new { l.SubjectId, l.StartsAt });
        builder.HasIndex(l => l.StartsAt);
    }
}

internal sealed class LessonHistoryEntryConfiguration : IEntityTypeConfiguration<LessonHistoryEntry>
{
    public void Configure(EntityTypeBuilder<LessonHistoryEntry> builder)
    {
        builder.ToTable("lesson_history");
        builder.Property(h => h.Action).HasMaxLength(16);
        builder.Property(h => h.FromStatus).HasConversion<string>().HasMaxLength(16);
        builder.Property(h => h.ToStatus).HasConversion<string>().HasMaxLength(16);
        builder.Property(h => h.Note).HasMaxLength(500);
        builder.HasOne<Lesson>().WithMany().HasForeignKey(h => h.LessonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(h => h.Actor).WithMany().HasForeignKey(h => h.ActorId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(h => new { h.LessonId, h.At });
    }
}

internal sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> builder)
    {
        builder.ToTable("calendar_feeds");
        builder.HasKey(f => f.UserId);
        builder.Property(f => f.TokenHash).HasMaxLength(64).IsFixedLength();
        builder.HasIndex(f => f.TokenHash).IsUnique();
        builder.HasOne<User>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
