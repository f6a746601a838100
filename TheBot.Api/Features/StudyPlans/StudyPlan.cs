using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TheBot.Api.Features.Subjects;
using TheBot.Api.Features.Users;

namespace TheBot.Api.Features.StudyPlans;

public enum StudyPlanStatus
{
    Draft,
    Sent,
}

public enum StudyPlanItemKind
{
    Topic,
    Task,
    Link,
    File,
}

/// <summary>
/// A teacher's plan for one student's week in one subject: draft → sent. One per (student, subject, week);
/// <see cref="WeekStart"/> is the Monday the ISO week begins on.
/// </summary>
public sealed class StudyPlan
{
    public const int MaxItems = 50;

    public Guid Id { get; set; }

    public Guid StudentId { get; set; }

    public User? Student { get; set; }

    public Guid SubjectId { get; set; }

    public Subject? Subject { get; set; }

    public Guid TeacherId { get; set; }

    public User? Teacher { get; set; }

    public DateOnly WeekStart { get; set; }

    public StudyPlanStatus Status { get; set; } = StudyPlanStatus.Draft;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>When the teacher last changed the plan after sending it.</summary>
    public DateTimeOffset? EditedAt { get; set; }

    public List<StudyPlanItem> Items { get; } = [];

    public uint Version { get; set; }
}

/// <summary>One line of a plan, in the teacher's order; the student ticks it done. A file item keeps its bytes in the content store.</summary>
public sealed class StudyPlanItem
{
    public Guid Id { get; set; }

    public Guid PlanId { get; set; }

    public int Position { get; set; }

    public StudyPlanItemKind Kind { get; set; }

    public required string Title { get; set; }

    public string? Details { get; set; }

    public string? Url { get; set; }

    public string? FileName { get; set; }

    public string? FileContentType { get; set; }

    public long? FileLength { get; set; }

    public string? FileSha256 { get; set; }

    public string? FileKey { get; set; }

    public DateTimeOffset? DoneAt { get; set; }
}

internal sealed class StudyPlanConfiguration : IEntityTypeConfiguration<StudyPlan>
{
    public void Configure(EntityTypeBuilder<StudyPlan> builder)
    {
        builder.ToTable("study_plans", t =>
        {
            t.HasCheckConstraint("ck_study_plans_week_starts_monday", "extract(isodow from week_start) = 1");
            t.HasCheckConstraint("ck_study_plans_sent_at", "status = 'Draft' OR sent_at IS NOT NULL");
        });
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Version).IsRowVersion();
        builder.HasOne(p => p.Student).WithMany().HasForeignKey(p => p.StudentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Teacher).WithMany().HasForeignKey(p => p.TeacherId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Subject).WithMany().HasForeignKey(p => p.SubjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Items).WithOne().HasForeignKey(i => i.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.StudentId, p.SubjectId, p.WeekStart }).IsUnique();
        builder.HasIndex(p => new { p.StudentId, p.Status, p.WeekStart });
        builder.HasIndex(p => new { p.TeacherId, p.WeekStart });
    }
}

internal sealed class StudyPlanItemConfiguration : IEntityTypeConfiguration<StudyPlanItem>
{
    public void Configure(EntityTypeBuilder<StudyPlanItem> builder)
    {
        builder.ToTable("study_plan_items", t =>
        {
            t.HasCheckConstraint("ck_study_plan_items_url_http", "url IS NULL OR url LIKE 'https://%' OR url LIKE 'http://%'");
            t.HasCheckConstraint("ck_study_plan_items_position", "position >= 0");
        });
        // Ids are made here (version 7), so an item added to a tracked plan is inserted, not taken for an existing row.
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.Title).HasMaxLength(200);
        builder.Property(i => i.Details).HasMaxLength(4000);
        builder.Property(i => i.Url).HasMaxLength(500);
        builder.Property(i => i.FileName).HasMaxLength(255);
        builder.Property(i => i.FileContentType).HasMaxLength(100);
        builder.Property(i => i.FileSha256).HasMaxLength(64);
        builder.Property(i => i.FileKey).HasMaxLength(200);
        builder.HasIndex(i => new { i.PlanId, i.Position });
        builder.HasIndex(i => i.FileKey).HasFilter("file_key IS NOT NULL");
    }
}
