using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TheBot.Api.Features.Subjects;
using TheBot.Api.Features.Users;

namespace TheBot.Api.Features.Assignments;

public enum AssignmentKind
{
    Homework,
    Test,
    Project,
    Essay,
}

public enum AssignmentStatus
{
    Draft,
    Published,
    Closed,
}

public enum SubmissionStatus
{
    Submitted,
    Graded,
    Returned,
}

/// <summary>Work a teacher sets for the students enrolled with them in a subject.</summary>
public sealed class Assignment
{
    public Guid Id { get; set; }

    public Guid TeacherId { get; set; }

    public User? Teacher { get; set; }

    public Guid SubjectId { get; set; }

    public Subject? Subject { get; set; }

    public required string Title { get; set; }

    public string? Description { get; set; }

    public AssignmentKind Kind { get; set; }

    public AssignmentStatus Status { get; set; } = AssignmentStatus.Draft;

    public DateTimeOffset DueAt { get; set; }

    public decimal MaxScore { get; set; }

    /// <summary>Taken off the score of a late submission, 0–100.</summary>
    public int LatePenaltyPercent { get; set; }

    public int MaxAttempts { get; set; } = 1;

    public string? Rubric { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    public uint Version { get; set; }
}

/// <summary>One attempt of a student at an assignment; lateness and penalty are the server's.</summary>
public sealed class Submission
{
    public const int MaxTextLength = 20_000;

    public Guid Id { get; set; }

    public Guid AssignmentId { get; set; }

    public Assignment? Assignment { get; set; }

    public Guid StudentId { get; set; }

    public User? Student { get; set; }

    /// <summary>1, 2, … — unique per student and assignment, so racing submissions cannot exceed the limit.</summary>
    public int Attempt { get; set; }

    /// <summary>The student's answer; may be empty when files carry it.</summary>
    public required string Text { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }

    public bool IsLate { get; set; }

    /// <summary>The penalty that applies to this submission (the assignment's, if late; else 0).</summary>
    public int PenaltyPercent { get; set; }

    public SubmissionStatus Status { get; set; } = SubmissionStatus.Submitted;

    /// <summary>The teacher's score, before the penalty.</summary>
    public decimal? Score { get; set; }

    /// <summary>Score less the late penalty, rounded to two places.</summary>
    public decimal? FinalScore { get; set; }

    public string? Feedback { get; set; }

    public DateTimeOffset? GradedAt { get; set; }

    public Guid? GradedById { get; set; }

    public List<SubmissionFile> Files { get; } = [];

    public uint Version { get; set; }

    public static decimal ApplyPenalty(decimal score, int penaltyPercent) =>
        decimal.Round(score * (100 - penaltyPercent) / 100m, 2, MidpointRounding.AwayFromZero);
}

internal sealed class AssignmentConfiguration : IEntityTypeConfiguration<Assignment>
{
    public void Configure(EntityTypeBuilder<Assignment> builder)
    {
        builder.ToTable("assignments", t =>
        {
            t.HasCheckConstraint("ck_assignments_max_score", "max_score > 0");
            t.HasCheckConstraint("ck_assignments_late_penalty", "late_penalty_percent BETWEEN 0 AND 100");
            t.HasCheckConstraint("ck_assignments_max_attempts", "max_attempts BETWEEN 1 AND 20");
        });
        builder.Property(a => a.Title).HasMaxLength(200);
        builder.Property(a => a.Description).HasMaxLength(4000);
        builder.Property(a => a.Rubric).HasMaxLength(4000);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.MaxScore).HasPrecision(8, 2);
        builder.Property(a => a.Version).IsRowVersion();
        builder.HasOne(a => a.Teacher).WithMany().HasForeignKey(a => a.TeacherId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Subject).WithMany().HasForeignKey(a => a.SubjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.TeacherId, a.DueAt });
        builder.HasIndex(a => new { a.SubjectId, a.TeacherId, a.Status });
    }
}

internal sealed class SubmissionConfiguration : IEntityTypeConfiguration<Submission>
{
    public void Configure(EntityTypeBuilder<Submission> builder)
    {
        builder.ToTable("submissions", t =>
        {
            t.HasCheckConstraint("ck_submissions_attempt", "attempt >= 1");
            t.HasCheckConstraint("ck_submissions_score", "score IS NULL OR score >= 0");
        });
        builder.Property(s => s.Text).HasMaxLength(Submission.MaxTextLength);
        builder.Property(s => s.Feedback).HasMaxLength(4000);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Score).HasPrecision(8, 2);
        builder.Property(s => s.FinalScore).HasPrecision(8, 2);
        builder.Property(s => s.Version).IsRowVersion();
        builder.HasOne(s => s.Assignment).WithMany().HasForeignKey(s => s.AssignmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(s => s.Student).WithMany().HasForeignKey(s => s.StudentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(s => s.GradedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(s => new { s.AssignmentId, s.StudentId, s.Attempt }).IsUnique();
        builder.HasIndex(s => new { s.StudentId, s.SubmittedAt });
        builder.HasIndex(s => new { s.AssignmentId, s.Status });
    }
}
