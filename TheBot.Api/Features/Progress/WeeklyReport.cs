using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TheBot.Api.Features.Subjects;
using TheBot.Api.Features.Users;

namespace TheBot.Api.Features.Progress;

/// <summary>A weekly report's life: written as a draft, sent to its reader, read when the reader opens it.</summary>
public enum WeeklyReportStatus
{
    Draft,
    Sent,
    Read,
}

/// <summary>
/// A teacher's report to the student's tutor on one subject for one ISO week (<see cref="WeekStart"/>, its Monday):
/// one per (student, subject, week). The week's figures are filled in from lessons and grades when the draft is made
/// and the teacher may correct them.
/// </summary>
public sealed class TeacherReport : IWeeklyReport
{
    public const int MaxTextLength = 4000;

    public Guid Id { get; set; }

    public Guid TeacherId { get; set; }

    public User? Teacher { get; set; }

    public Guid StudentId { get; set; }

    public User? Student { get; set; }

    public Guid SubjectId { get; set; }

    public Subject? Subject { get; set; }

    public DateOnly WeekStart { get; set; }

    public string Summary { get; set; } = "";

    public string Progress { get; set; } = "";

    public string Concerns { get; set; } = "";

    public string Recommendations { get; set; } = "";

    /// <summary>Lessons of the week the student came to (completed).</summary>
    public int LessonsAttended { get; set; }

    /// <summary>Lessons of the week not cancelled.</summary>
    public int LessonsScheduled { get; set; }

    /// <summary>The average percentage of the work graded that week; null when none was.</summary>
    public decimal? AverageScore { get; set; }

    public string? FileName { get; set; }

    public string? FileContentType { get; set; }

    public long? FileLength { get; set; }

    public string? FileSha256 { get; set; }

    public string? FileKey { get; set; }

    public WeeklyReportStatus Status { get; set; } = WeeklyReportStatus.Draft;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public DateTimeOffset? ReadAt { get; set; }

    public uint Version { get; set; }
}

/// <summary>
/// A tutor's report to a child's parents for one ISO week across the child's subjects: one per (child, week).
/// Reports kept from before weekly reports (<see cref="LegacyTitle"/> set) may share a week with others.
/// </summary>
public sealed class TutorReport : IWeeklyReport
{
    public const int MaxTextLength = 12000;

    public Guid Id { get; set; }

    /// <summary>The tutor; a report kept from before weekly reports keeps its author, who may have been a teacher.</summary>
    public Guid AuthorId { get; set; }

    public User? Author { get; set; }

    public Guid StudentId { get; set; }

    public User? Student { get; set; }

    public DateOnly WeekStart { get; set; }

    public string Summary { get; set; } = "";

    public string Recommendations { get; set; } = "";

    public int LessonsAttended { get; set; }

    public int LessonsScheduled { get; set; }

    public decimal? AverageScore { get; set; }

    /// <summary>The title of a report written before weekly reports; null for weekly ones.</summary>
    public string? LegacyTitle { get; set; }

    public WeeklyReportStatus Status { get; set; } = WeeklyReportStatus.Draft;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public DateTimeOffset? ReadAt { get; set; }

    public List<TutorReportNote> Notes { get; } = [];

    public uint Version { get; set; }
}

/// <summary>The tutor's note on one subject of the child's week (it may quote the teacher's report).</summary>
public sealed class TutorReportNote
{
    public Guid Id { get; set; }

    public Guid ReportId { get; set; }

    public Guid SubjectId { get; set; }

    public Subject? Subject { get; set; }

    public int Position { get; set; }

    public required string Text { get; set; }
}

internal sealed class TeacherReportConfiguration : IEntityTypeConfiguration<TeacherReport>
{
    public void Configure(EntityTypeBuilder<TeacherReport> builder)
    {
        builder.ToTable("teacher_reports", t =>
        {
            t.HasCheckConstraint("ck_teacher_reports_week_starts_monday", "extract(isodow from week_start) = 1");
            t.HasCheckConstraint("ck_teacher_reports_lessons", "lessons_attended >= 0 AND lessons_attended <= lessons_scheduled");
            t.HasCheckConstraint("ck_teacher_reports_score", "average_score IS NULL OR (average_score >= 0 AND average_score <= 100)");
            t.HasCheckConstraint("ck_teacher_reports_sent_at", "status = 'Draft' OR sent_at IS NOT NULL");
        });
        builder.Property(r => r.Summary).HasMaxLength(TeacherReport.MaxTextLength);
        builder.Property(r => r.Progress).HasMaxLength(TeacherReport.MaxTextLength);
        builder.Property(r => r.Concerns).HasMaxLength(TeacherReport.MaxTextLength);
        builder.Property(r => r.Recommendations).HasMaxLength(TeacherReport.MaxTextLength);
        builder.Property(r => r.AverageScore).HasPrecision(5, 1);
        builder.Property(r => r.FileName).HasMaxLength(255);
        builder.Property(r => r.FileContentType).HasMaxLength(100);
        builder.Property(r => r.FileSha256).HasMaxLength(64);
        builder.Property(r => r.FileKey).HasMaxLength(200);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Version).IsRowVersion();
        builder.HasOne(r => r.Teacher).WithMany().HasForeignKey(r => r.TeacherId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Student).WithMany().HasForeignKey(r => r.StudentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Subject).WithMany().HasForeignKey(r => r.SubjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.StudentId, r.SubjectId, r.WeekStart }).IsUnique();
        builder.HasIndex(r => new { r.TeacherId, r.WeekStart });
        builder.HasIndex(r => new { r.WeekStart, r.Status });
        builder.HasIndex(r => r.FileKey).HasFilter("file_key IS NOT NULL");
    }
}

internal sealed class TutorReportConfiguration : IEntityTypeConfiguration<TutorReport>
{
    public void Configure(EntityTypeBuilder<TutorReport> builder)
    {
        builder.ToTable("tutor_reports", t =>
        {
            t.HasCheckConstraint("ck_tutor_reports_week_starts_monday", "extract(isodow from week_start) = 1");
            t.HasCheckConstraint("ck_tutor_reports_lessons", "lessons_attended >= 0 AND lessons_attended <= lessons_scheduled");
            t.HasCheckConstraint("ck_tutor_reports_score", "average_score IS NULL OR (average_score >= 0 AND average_score <= 100)");
            t.HasCheckConstraint("ck_tutor_reports_sent_at", "status = 'Draft' OR sent_at IS NOT NULL");
            t.HasCheckConstraint("ck_tutor_reports_read_after_sent", "read_at IS NULL OR (sent_at IS NOT NULL AND read_at >= sent_at)");
        });
        builder.Property(r => r.Summary).HasMaxLength(TutorReport.MaxTextLength);
        builder.Property(r => r.Recommendations).HasMaxLength(TeacherReport.MaxTextLength);
        builder.Property(r => r.AverageScore).HasPrecision(5, 1);
        builder.Property(r => r.LegacyTitle).HasMaxLength(200);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Version).IsRowVersion();
        builder.HasOne(r => r.Author).WithMany().HasForeignKey(r => r.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Student).WithMany().HasForeignKey(r => r.StudentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Notes).WithOne().HasForeignKey(n => n.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.StudentId, r.WeekStart }).IsUnique().HasFilter("legacy_title IS NULL");
        builder.HasIndex(r => new { r.StudentId, r.Status, r.WeekStart });
        builder.HasIndex(r => new { r.AuthorId, r.WeekStart });
    }
}

internal sealed class TutorReportNoteConfiguration : IEntityTypeConfiguration<TutorReportNote>
{
    public void Configure(EntityTypeBuilder<TutorReportNote> builder)
    {
        builder.ToTable("tutor_report_notes");
        // Ids are made here (version 7), so a note added to a tracked report is inserted.
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Text).HasMaxLength(TeacherReport.MaxTextLength);
        builder.HasOne(n => n.Subject).WithMany().HasForeignKey(n => n.SubjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(n => new { n.ReportId, n.SubjectId }).IsUnique();
    }
}
