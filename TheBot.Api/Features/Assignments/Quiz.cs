using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TheBot.Api.Features.Assignments;

public enum QuestionKind
{
    SingleChoice,
    MultipleChoice,
    /// <summary>A number, right within the question's tolerance.</summary>
    Number,
    /// <summary>A few words, right when they match an accepted answer once normalised (<see cref="QuizScoring.Normalise"/>).</summary>
    ShortText,
    /// <summary>Free text the teacher scores.</summary>
    Open,
}

/// <summary>How an answer scored: all its points, some, none, not yet (an open answer), or nothing was answered.</summary>
public enum AnswerOutcome
{
    Right,
    Partial,
    Wrong,
    Pending,
    Unanswered,
}

/// <summary>
/// One question of an assignment that is a quiz, in the teacher's order. Set while the assignment is a draft; the
/// assignment's maximum score is the sum of its questions' points.
/// </summary>
public sealed class AssignmentQuestion
{
    public const int MaxPerAssignment = 100;
    public const int MaxOptions = 10;
    public const int MaxAcceptedAnswers = 20;
    public const int MaxPromptLength = 2000;
    public const int MaxShortTextLength = 200;
    public const int MaxOpenTextLength = 4000;

    public Guid Id { get; set; }

    public Guid AssignmentId { get; set; }

    public int Position { get; set; }

    public QuestionKind Kind { get; set; }

    public required string Prompt { get; set; }

    public decimal Points { get; set; }

    /// <summary>Choices of a single- or multiple-choice question, in order; the right ones are marked.</summary>
    public List<QuestionOption> Options { get; } = [];

    /// <summary>A number question's answer.</summary>
    public decimal? CorrectNumber { get; set; }

    /// <summary>How far from <see cref="CorrectNumber"/> an answer may be and still be right (0: exactly).</summary>
    public decimal? Tolerance { get; set; }

    /// <summary>A short-text question's accepted answers, as the teacher wrote them (compared normalised).</summary>
    public List<string> AcceptedAnswers { get; set; } = [];
}

/// <summary>A choice of a question; <see cref="Key"/> is the teacher's id for it ("a", "b", …), unique in its question.</summary>
public sealed class QuestionOption
{
    public Guid QuestionId { get; set; }

    public required string Key { get; set; }

    public int Position { get; set; }

    public required string Text { get; set; }

    public bool IsCorrect { get; set; }
}

/// <summary>
/// A submission's answer to one question (every question has one, answered or not) and what it scored: automatic
/// questions at once, open ones when the teacher grades them.
/// </summary>
public sealed class SubmissionAnswer
{
    public Guid SubmissionId { get; set; }

    public Guid QuestionId { get; set; }

    public AssignmentQuestion? Question { get; set; }

    /// <summary>The chosen options' keys (choice questions).</summary>
    public List<string> OptionIds { get; set; } = [];

    public decimal? Number { get; set; }

    public string? Text { get; set; }

    /// <summary>Null while an open answer waits for the teacher.</summary>
    public decimal? Points { get; set; }

    public AnswerOutcome Outcome { get; set; }
}

internal sealed class AssignmentQuestionConfiguration : IEntityTypeConfiguration<AssignmentQuestion>
{
    public void Configure(EntityTypeBuilder<AssignmentQuestion> builder)
    {
        builder.ToTable("assignment_questions", t =>
        {
            t.HasCheckConstraint("ck_assignment_questions_points", "points > 0");
            t.HasCheckConstraint("ck_assignment_questions_tolerance", "tolerance IS NULL OR tolerance >= 0");
            t.HasCheckConstraint("ck_assignment_questions_position", "position >= 0");
        });
        // Ids are made here (version 7), so a question added to a tracked assignment is inserted.
        builder.Property(q => q.Id).ValueGeneratedNever();
        builder.Property(q => q.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(q => q.Prompt).HasMaxLength(AssignmentQuestion.MaxPromptLength);
        builder.Property(q => q.Points).HasPrecision(8, 2);
        builder.Property(q => q.CorrectNumber).HasPrecision(18, 6);
        builder.Property(q => q.Tolerance).HasPrecision(18, 6);
        builder.HasOne<Assignment>().WithMany(a => a.Questions).HasForeignKey(q => q.AssignmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(q => q.Options).WithOne().HasForeignKey(o => o.QuestionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(q => new { q.AssignmentId, q.Position });
    }
}

internal sealed class QuestionOptionConfiguration : IEntityTypeConfiguration<QuestionOption>
{
    public void Configure(EntityTypeBuilder<QuestionOption> builder)
    {
        builder.ToTable("assignment_question_options");
        builder.HasKey(o => new { o.QuestionId, o.Key });
        builder.Property(o => o.Key).HasMaxLength(20);
        builder.Property(o => o.Text).HasMaxLength(500);
    }
}

internal sealed class SubmissionAnswerConfiguration : IEntityTypeConfiguration<SubmissionAnswer>
{
    public void Configure(EntityTypeBuilder<SubmissionAnswer> builder)
    {
        builder.ToTable("submission_answers", t => t.HasCheckConstraint("ck_submission_answers_points", "points IS NULL OR points >= 0"));
        builder.HasKey(a => new { a.SubmissionId, a.QuestionId });
        builder.Property(a => a.Number).HasPrecision(18, 6);
        builder.Property(a => a.Text).HasMaxLength(AssignmentQuestion.MaxOpenTextLength);
        builder.Property(a => a.Points).HasPrecision(8, 2);
        builder.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Submission>().WithMany(s => s.Answers).HasForeignKey(a => a.SubmissionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Question).WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Cascade);
        // The teacher's per-question statistics read every answer to a question.
        builder.HasIndex(a => new { a.QuestionId, a.Outcome });
    }
}
