using System.ComponentModel.DataAnnotations;
using TheBot.Api.Features.Enrollments;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Paging;
using TheBot.Api.Platform.Validation;

namespace TheBot.Api.Features.Assignments;

public sealed record CreateAssignmentRequest(
    [property: Required] Guid? SubjectId,
    [property: Required, MinLength(1), MaxLength(200)] string? Title,
    [property: MaxLength(4000)] string? Description,
    [property: Required, EnumName<AssignmentKind>] string? Kind,
    [property: Required] DateTimeOffset? DueAt,
    [property: Required, Range(0.01, 100000)] decimal? MaxScore,
    [property: Range(0, 100)] int? LatePenaltyPercent,
    [property: Range(1, 20)] int? MaxAttempts,
    [property: MaxLength(4000)] string? Rubric,
    bool? Publish);

/// <summary>
/// Fields left out (null) keep their value. The score rules (maximum, penalty, attempts) change only while
/// nothing has been graded; a new due date does not re-judge work already handed in.
/// </summary>
public sealed record UpdateAssignmentRequest(
    [property: MinLength(1), MaxLength(200)] string? Title,
    [property: MaxLength(4000)] string? Description,
    DateTimeOffset? DueAt,
    [property: Range(0.01, 100000)] decimal? MaxScore,
    [property: Range(0, 100)] int? LatePenaltyPercent,
    [property: Range(1, 20)] int? MaxAttempts,
    [property: MaxLength(4000)] string? Rubric);

public sealed record SubmitRequest([property: Required, MinLength(1), MaxLength(Submission.MaxTextLength)] string? Text);

public sealed record GradeRequest(
    [property: Required, Range(0, 100000)] decimal? Score,
    [property: MaxLength(4000)] string? Feedback);

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
    DateTimeOffset? PublishedAt);

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
    IReadOnlyList<SubmissionFileResponse> Files);

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
