using System.ComponentModel.DataAnnotations;
using TheBot.Api.Features.Enrollments;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Paging;
using TheBot.Api.Platform.Validation;

namespace TheBot.Api.Features.Assignments;

/// <summary>
/// <c>maxScore</c> is required unless <c>questions</c> make it a quiz (its maximum is then the sum of their points).
/// <c>showAnswersAfterDue</c>: a quiz's students see the correct answers once the due date has passed.
/// </summary>
public sealed record CreateAssignmentRequest(
    [property: Required] Guid? SubjectId,
    [property: Required, MinLength(1), MaxLength(200)] string? Title,
    [property: MaxLength(4000)] string? Description,
    [property: Required, EnumName<AssignmentKind>] string? Kind,
    [property: Required] DateTimeOffset? DueAt,
    [property: Range(0.01, 100000)] decimal? MaxScore,
    [property: Range(0, 100)] int? LatePenaltyPercent,
    [property: Range(1, 20)] int? MaxAttempts,
    [property: MaxLength(4000)] string? Rubric,
    bool? Publish,
    DateTimeOffset? StartsAt,
    [property: Range(1, 600)] int? TimeLimitMinutes,
    [property: MaxLength(500)] Guid[]? StudentIds,
    [property: MaxLength(AssignmentQuestion.MaxPerAssignment)] IReadOnlyList<QuestionRequest>? Questions = null,
    bool? ShowAnswersAfterDue = null);

/// <summary>
/// Fields left out (null) keep their value. The score rules (maximum, penalty, attempts) change only while
/// nothing has been graded; a new due date does not re-judge work already handed in. The start moves only until the
/// work has started; a new time limit (0: none) applies to attempts opened afterwards. <c>studentIds</c>: the chosen
/// students — replaced while a draft (empty: the whole subject), only added to once published (each added student is told).
/// </summary>
public sealed record UpdateAssignmentRequest(
    [property: MinLength(1), MaxLength(200)] string? Title,
    [property: MaxLength(4000)] string? Description,
    DateTimeOffset? DueAt,
    [property: Range(0.01, 100000)] decimal? MaxScore,
    [property: Range(0, 100)] int? LatePenaltyPercent,
    [property: Range(1, 20)] int? MaxAttempts,
    [property: MaxLength(4000)] string? Rubric,
    DateTimeOffset? StartsAt,
    [property: Range(0, 600)] int? TimeLimitMinutes,
    [property: MaxLength(500)] Guid[]? StudentIds,
    bool? ShowAnswersAfterDue = null);

/// <summary><c>text</c> is required unless the assignment is a quiz; a quiz takes <c>answers</c> (a question left out is unanswered).</summary>
public sealed record SubmitRequest(
    [property: MaxLength(Submission.MaxTextLength)] string? Text,
    [property: MaxLength(AssignmentQuestion.MaxPerAssignment)] IReadOnlyList<AnswerRequest>? Answers = null);

/// <summary>
/// <c>score</c> grades ordinary work. A quiz's score is the sum of its answers' points: the teacher gives
/// <c>questionScores</c> for its open questions (every answered one still waiting) and no <c>score</c>.
/// </summary>
public sealed record GradeRequest(
    [property: Range(0, 100000)] decimal? Score,
    [property: MaxLength(4000)] string? Feedback,
    [property: MaxLength(AssignmentQuestion.MaxPerAssignment)] IReadOnlyList<QuestionScoreRequest>? QuestionScores = null);

public sealed record ReturnRequest([property: Required, MinLength(1), MaxLength(4000)] string? Feedback);

public sealed record AssignmentResponse(
    Guid Id,
    EnrollmentSubject Subject,
    PersonRef Teacher,
    string Title,
    string? Description,
    AssignmentKind Kind,
    AssignmentStatus Status,
    DateTimeOffset DueAt,
    decimal MaxScore,
    int LatePenaltyPercent,
    int MaxAttempts,
    string? Rubric,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PublishedAt,
    DateTimeOffset? StartsAt,
    int? TimeLimitMinutes,
    bool ForAllStudents,
    IReadOnlyList<PersonRef> Students,
    int QuestionCount,
    bool ShowAnswersAfterDue);

public sealed record SubmissionResponse(
    Guid Id,
    Guid AssignmentId,
    string AssignmentTitle,
    EnrollmentSubject Subject,
    PersonRef Student,
    int Attempt,
    string Text,
    DateTimeOffset SubmittedAt,
    bool IsLate,
    int PenaltyPercent,
    SubmissionStatus Status,
    decimal? Score,
    decimal? FinalScore,
    decimal MaxScore,
    string? Feedback,
    DateTimeOffset? GradedAt,
    IReadOnlyList<SubmissionFileResponse> Files,
    DateTimeOffset? StartedAt,
    IReadOnlyList<AnswerResponse> Answers);

/// <summary>
/// An opened attempt. <c>status</c>: open (its clock runs until <c>deadlineAt</c>, plus 30 s of grace), submitted, or
/// overTime (not handed in in time: the work was refused). Lateness (after the due date) is the submission's <c>isLate</c>.
/// </summary>
public sealed record AttemptResponse(
    Guid Id,
    Guid AssignmentId,
    string AssignmentTitle,
    PersonRef Student,
    int Number,
    DateTimeOffset StartedAt,
    DateTimeOffset? DeadlineAt,
    AttemptStatus Status,
    DateTimeOffset? EndedAt,
    Guid? SubmissionId);

/// <summary>A file handed in with a submission; download it from <c>/api/assignments/submissions/{submissionId}/files/{id}</c>.</summary>
public sealed record SubmissionFileResponse(Guid Id, string Name, string ContentType, long Length);

public sealed record AssignmentQuery
{
    public Guid? SubjectId { get; init; }

    /// <summary>Part of the title, any case.</summary>
    [MaxLength(100)]
    public string? Search { get; init; }

    /// <summary>draft, published or closed.</summary>
    [EnumName<AssignmentStatus>]
    public string? Status { get; init; }

    public AssignmentStatus? StatusFilter => WireName.Parse<AssignmentStatus>(Status);

    [Range(1, 1_000_000)]
    public int? Page { get; init; }

    [Range(1, PageRequest.MaxPageSize)]
    public int? PageSize { get; init; }

    public PageRequest Paging => new() { Page = Page, PageSize = PageSize };
}

public sealed record SubmissionQuery
{
    public Guid? StudentId { get; init; }

    public Guid? AssignmentId { get; init; }

    /// <summary>submitted, graded or returned.</summary>
    [EnumName<SubmissionStatus>]
    public string? Status { get; init; }

    public SubmissionStatus? StatusFilter => WireName.Parse<SubmissionStatus>(Status);

    [Range(1, 1_000_000)]
    public int? Page { get; init; }

    [Range(1, PageRequest.MaxPageSize)]
    public int? PageSize { get; init; }

    public PageRequest Paging => new() { Page = Page, PageSize = PageSize };
}

public sealed record AttemptQuery
{
    public Guid? AssignmentId { get; init; }

    public Guid? StudentId { get; init; }

    /// <summary>open, submitted or overTime.</summary>
    [EnumName<AttemptStatus>]
    public string? Status { get; init; }

    public AttemptStatus? StatusFilter => WireName.Parse<AttemptStatus>(Status);

    [Range(1, 1_000_000)]
    public int? Page { get; init; }

    [Range(1, PageRequest.MaxPageSize)]
    public int? PageSize { get; init; }

    public PageRequest Paging => new() { Page = Page, PageSize = PageSize };
}
