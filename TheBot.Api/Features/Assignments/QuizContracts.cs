using System.ComponentModel.DataAnnotations;
using TheBot.Api.Platform.Validation;

namespace TheBot.Api.Features.Assignments;

/// <summary>
/// A question as the teacher writes it. <c>options</c> and <c>correctOptionIds</c>: choice questions only (2–10
/// options with ids unique in the question; single choice: exactly one correct). <c>correctNumber</c> and
/// <c>tolerance</c> (default 0): number questions only. <c>acceptedAnswers</c>: short-text questions only. An open
/// question has none of them.
/// </summary>
public sealed record QuestionRequest(
    [property: Required, EnumName<QuestionKind>] string? Kind,
    [property: Required, MinLength(1), MaxLength(AssignmentQuestion.MaxPromptLength)] string? Prompt,
    [property: Required, Range(0.01, 1000)] decimal? Points,
    [property: MaxLength(AssignmentQuestion.MaxOptions)] IReadOnlyList<OptionRequest>? Options,
    [property: MaxLength(AssignmentQuestion.MaxOptions)] IReadOnlyList<string>? CorrectOptionIds,
    [property: Range(-1_000_000_000, 1_000_000_000)] decimal? CorrectNumber,
    [property: Range(0, 1_000_000_000)] decimal? Tolerance,
    [property: MaxLength(AssignmentQuestion.MaxAcceptedAnswers)] IReadOnlyList<string>? AcceptedAnswers);

public sealed record OptionRequest(
    [property: Required, MinLength(1), MaxLength(20)] string? Id,
    [property: Required, MinLength(1), MaxLength(500)] string? Text);

/// <summary>The quiz's questions, replacing the ones it had (an empty list: no longer a quiz).</summary>
public sealed record SetQuestionsRequest(
    [property: Required, MaxLength(AssignmentQuestion.MaxPerAssignment)] IReadOnlyList<QuestionRequest>? Questions);

/// <summary>
/// A student's answer to one question: <c>optionIds</c> for choice questions (at most one for single choice),
/// <c>number</c> for number questions, <c>text</c> for short-text and open ones. A question left out is unanswered.
/// </summary>
public sealed record AnswerRequest(
    [property: Required] Guid? QuestionId,
    [property: MaxLength(AssignmentQuestion.MaxOptions)] IReadOnlyList<string>? OptionIds,
    decimal? Number,
    [property: MaxLength(AssignmentQuestion.MaxOpenTextLength)] string? Text);

/// <summary>The teacher's points for one open question of a quiz submission (0 to the question's points).</summary>
public sealed record QuestionScoreRequest(
    [property: Required] Guid? QuestionId,
    [property: Required, Range(0, 1000)] decimal? Points);

public sealed record OptionResponse(string Id, string Text);

/// <summary>
/// A question. <c>correctOptionIds</c>, <c>correctNumber</c> and <c>acceptedAnswers</c> are null for students,
/// parents and tutors unless the quiz shows its answers and the due date has passed.
/// </summary>
public sealed record QuestionResponse(
    Guid Id,
    int Position,
    QuestionKind Kind,
    string Prompt,
    decimal Points,
    IReadOnlyList<OptionResponse> Options,
    decimal? Tolerance,
    IReadOnlyList<string>? CorrectOptionIds,
    decimal? CorrectNumber,
    IReadOnlyList<string>? AcceptedAnswers);

/// <summary>An assignment's questions; <c>answersShown</c>: whether the correct answers are in them for this caller.</summary>
public sealed record QuizResponse(Guid AssignmentId, decimal MaxScore, bool ShowAnswersAfterDue, bool AnswersShown, IReadOnlyList<QuestionResponse> Questions);

/// <summary>What a submission answered to a question and scored (<c>points</c> null while an open answer waits for the teacher).</summary>
public sealed record AnswerResponse(Guid QuestionId, IReadOnlyList<string> OptionIds, decimal? Number, string? Text, decimal? Points, AnswerOutcome Outcome);

/// <summary>
/// One question's figures over every handed-in attempt: <c>answered</c> = right + partial + wrong + pending;
/// <c>averagePoints</c> over the scored answers (null: none yet).
/// </summary>
public sealed record QuestionStatsResponse(
    Guid QuestionId,
    int Position,
    QuestionKind Kind,
    string Prompt,
    decimal Points,
    int Answered,
    int Right,
    int Partial,
    int Wrong,
    int Pending,
    decimal? AveragePoints);

/// <summary>A quiz's statistics: <c>submissions</c> handed-in attempts, and per question what they scored.</summary>
public sealed record QuizStatsResponse(Guid AssignmentId, int Submissions, IReadOnlyList<QuestionStatsResponse> Questions);
