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

/// <summary>
/// Work a teacher sets for the students enrolled with them in a subject: all of them, or chosen ones
/// (<see cref="AssignmentRecipient"/>). It may start later than it is published and limit each attempt's time.
/// </summary>
public sealed class Assignment
{
    /// <summary>How long after its deadline an attempt's work is still taken: the network's share.</summary>
    public static readonly TimeSpan AttemptGrace = TimeSpan.FromSeconds(30);

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

    /// <summary>True: every student actively enrolled with the teacher in the subject; false: the recipients only.</summary>
    public bool ForAllStudents { get; set; } = true;

    public List<AssignmentRecipient> Recipients { get; } = [];

    /// <summary>Students, their parents and tutors see it from this moment (null: once published); before <see cref="DueAt"/>.</summary>
    public DateTimeOffset? StartsAt { get; set; }

    /// <summary>When its students were told of it: at publishing, or at <see cref="StartsAt"/> by the job; null until then.</summary>
    public DateTimeOffset? AnnouncedAt { get; set; }

    /// <summary>Minutes an attempt may take from the moment the student opens it (1–600); null: no limit.</summary>
    public int? TimeLimitMinutes { get; set; }

    /// <summary>A quiz's questions (none: an ordinary assignment); its <see cref="MaxScore"/> is the sum of their points.</summary>
    public List<AssignmentQuestion> Questions { get; } = [];

    /// <summary>A quiz's students see the correct answers once the due date has passed (else never).</summary>
    public bool ShowAnswersAfterDue { get; set; }

    public uint Version { get; set; }

    public bool HasStarted(DateTimeOffset now) => StartsAt is null || StartsAt <= now;
}

/// <summary>A student an assignment was set for, when it is not for the whole subject.</summary>
public sealed class AssignmentRecipient
{
    public Guid AssignmentId { get; set; }

    public Guid StudentId { get; set; }

    public User? Student { get; set; }

    public DateTimeOffset AddedAt { get; set; }
}

public enum AttemptStatus
{
    /// <summary>Started, not handed in; its clock runs.</summary>
    Open,
    Submitted,
    /// <summary>Not handed in within its time limit (and the grace); the work was refused.</summary>
    OverTime,
}

/// <summary>
/// An attempt the student opened before handing it in: when its clock started and by when it must be handed in. The
/// submission of an opened attempt carries the same number.
/// </summary>
public sealed class AssignmentAttempt
{
    public Guid Id { get; set; }

    public Guid AssignmentId { get; set; }

    public Assignment? Assignment { get; set; }

    public Guid StudentId { get; set; }

    public User? Student { get; set; }

    /// <summary>1, 2, … — the attempt's number, shared with its submission.</summary>
    public int Number { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    /// <summary>StartedAt plus the time limit when it was opened; null: no limit.</summary>
    public DateTimeOffset? DeadlineAt { get; set; }

    public AttemptStatus Status { get; set; } = AttemptStatus.Open;

    /// <summary>When it was handed in or found over time.</summary>
    public DateTimeOffset? EndedAt { get; set; }

    public Guid? SubmissionId { get; set; }

    public uint Version { get; set; }

    /// <summary>Work handed in after this is refused.</summary>
    public bool IsOverTime(DateTimeOffset now) => DeadlineAt is { } deadline && now > deadline + Assignment.AttemptGrace;
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

    /// <summary>When the student opened the attempt (null: handed in without opening it first).</summary>
    public DateTimeOffset? StartedAt { get; set; }

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

    /// <summary>A quiz's answers, one per question.</summary>
    public List<SubmissionAnswer> Answers { get; } = [];

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
            t.HasCheckConstraint("ck_assignments_starts_before_due", "starts_at IS NULL OR starts_at < due_at");
            t.HasCheckConstraint("ck_assignments_time_limit", "time_limit_minutes IS NULL OR time_limit_minutes BETWEEN 1 AND 600");
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
        builder.HasMany(a => a.Recipients).WithOne().HasForeignKey(r => r.AssignmentId).OnDelete(DeleteBehavior.Cascade);
        // The start job's look-up: published work not yet announced.
        builder.HasIndex(a => a.StartsAt).HasFilter("announced_at IS NULL AND starts_at IS NOT NULL");
    }
}

internal sealed class AssignmentRecipientConfiguration : IEntityTypeConfiguration<AssignmentRecipient>
{
    public void Configure(EntityTypeBuilder<AssignmentRecipient> builder)
    {
        builder.ToTable("assignment_recipients");
        builder.HasKey(r => new { r.AssignmentId, r.StudentId });
        builder.HasOne(r => r.Student).WithMany().HasForeignKey(r => r.StudentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.StudentId);
    }
}

internal sealed class AssignmentAttemptConfiguration : IEntityTypeConfiguration<AssignmentAttempt>
{
    public void Configure(EntityTypeBuilder<AssignmentAttempt> builder)
    {
        builder.ToTable("assignment_attempts", t => t.HasCheckConstraint("ck_assignment_attempts_number", "number >= 1"));
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Version).IsRowVersion();
        builder.HasOne(a => a.Assignment).WithMany().HasForeignKey(a => a.AssignmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Student).WithMany().HasForeignKey(a => a.StudentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Submission>().WithMany().HasForeignKey(a => a.SubmissionId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(a => new { a.AssignmentId, a.StudentId, a.Number }).IsUnique();
        // One open attempt per student and assignment: opening twice at once settles on one.
        builder.HasIndex(a => new { a.AssignmentId, a.StudentId }).IsUnique().HasFilter("status = 'Open'").HasDatabaseName("ix_assignment_attempts_one_open");
        builder.HasIndex(a => new { a.StudentId, a.StartedAt });
        builder.HasIndex(a => a.SubmissionId);
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
