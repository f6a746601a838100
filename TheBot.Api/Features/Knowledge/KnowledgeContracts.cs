using System.ComponentModel.DataAnnotations;
using TheBot.Api.Features.Enrollments;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Paging;
using TheBot.Api.Platform.Validation;

namespace TheBot.Api.Features.Knowledge;

/// <summary>A question's option as its author writes it; <see cref="Id"/> defaults to a, b, c… by position.</summary>
public sealed record KnowledgeOptionRequest(
    [property: MaxLength(20)] string? Id,
    [property: Required, MinLength(1), MaxLength(1000)] string? Text,
    bool Correct);

public sealed record KnowledgeElementRequest(
    [property: Required] Guid? SubjectId,
    [property: Required, EnumName<KnowledgeElementKind>] string? Kind,
    [property: EnumName<KnowledgeCheck>] string? Check,
    [property: Required, MinLength(1), MaxLength(KnowledgeElement.MaxTitle)] string? Title,
    [property: MaxLength(KnowledgeElement.MaxBody)] string? Body,
    [property: MaxLength(KnowledgeElement.MaxUrl)] string? VideoUrl,
    [property: MaxLength(KnowledgeElement.MaxOptions)] IReadOnlyList<KnowledgeOptionRequest>? Options,
    decimal? CorrectNumber,
    decimal? Tolerance,
    [property: MaxLength(KnowledgeElement.MaxAccepted)] IReadOnlyList<string?>? AcceptedAnswers,
    decimal? Points,
    [property: Range(1, 5)] int? Difficulty,
    [property: MaxLength(KnowledgeElement.MaxTags)] IReadOnlyList<string?>? Tags,
    [property: Range(1, 600)] int? EstimatedMinutes,
    bool Shared);

public sealed record KnowledgeOptionResponse(string Id, string Text, bool Correct);

/// <summary>An element with its answer key: for its author and the teachers it is shared with.</summary>
public sealed record KnowledgeElementResponse(
    Guid Id,
    Guid SubjectId,
    PersonRef Author,
    KnowledgeElementKind Kind,
    KnowledgeCheck Check,
    string Title,
    string? Body,
    string? VideoUrl,
    IReadOnlyList<KnowledgeOptionResponse> Options,
    decimal? CorrectNumber,
    decimal? Tolerance,
    IReadOnlyList<string> AcceptedAnswers,
    decimal? Points,
    int Difficulty,
    IReadOnlyList<string> Tags,
    int? EstimatedMinutes,
    bool Shared,
    bool Mine,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

public sealed record KnowledgeElementQuery
{
    public Guid? SubjectId { get; init; }

    [MaxLength(200)]
    public string? Search { get; init; }

    [EnumName<KnowledgeElementKind>]
    public string? Kind { get; init; }

    [MaxLength(KnowledgeElement.MaxTag)]
    public string? Tag { get; init; }

    [Range(1, 1_000_000)]
    public int? Page { get; init; }

    [Range(1, PageRequest.MaxPageSize)]
    public int? PageSize { get; init; }

    public PageRequest Paging => new() { Page = Page, PageSize = PageSize };
}

public sealed record KnowledgeLessonRequest(
    [property: Required] Guid? SubjectId,
    [property: Required, MinLength(1), MaxLength(KnowledgeElement.MaxTitle)] string? Title,
    [property: MaxLength(KnowledgeElement.MaxText)] string? Description,
    [property: Range(1, 100)] int? PassPercent,
    [property: Required, MaxLength(KnowledgeLesson.MaxElements)] IReadOnlyList<Guid>? ElementIds);

public sealed record KnowledgeLessonSummary(
    Guid Id, Guid SubjectId, string Title, string? Description, int PassPercent, int ElementCount, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record KnowledgeLessonResponse(
    Guid Id, Guid SubjectId, string Title, string? Description, int PassPercent, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    IReadOnlyList<KnowledgeElementResponse> Elements);

public sealed record KnowledgeLessonQuery
{
    public Guid? SubjectId { get; init; }

    [MaxLength(200)]
    public string? Search { get; init; }

    [Range(1, 1_000_000)]
    public int? Page { get; init; }

    [Range(1, PageRequest.MaxPageSize)]
    public int? PageSize { get; init; }

    public PageRequest Paging => new() { Page = Page, PageSize = PageSize };
}

public sealed record KnowledgeGraphRequest(
    [property: Required] Guid? SubjectId,
    Guid? StudentId,
    [property: Required, MinLength(1), MaxLength(KnowledgeElement.MaxTitle)] string? Title);

public sealed record KnowledgeGraphSummary(
    Guid Id, string Title, EnrollmentSubject Subject, PersonRef Teacher, PersonRef? Student, bool IsTemplate, int NodeCount,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>A lesson on a graph; status and score only on a student's graph.</summary>
public sealed record KnowledgeNodeResponse(
    Guid Id, Guid LessonId, string LessonTitle, double X, double Y, KnowledgeNodeStatus? Status, decimal? ScorePercent, DateTimeOffset? PassedAt);

public sealed record KnowledgeEdgeResponse(Guid Id, Guid FromNodeId, Guid ToNodeId);

public sealed record KnowledgeGraphResponse(
    Guid Id, string Title, EnrollmentSubject Subject, PersonRef Teacher, PersonRef? Student, bool IsTemplate,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, IReadOnlyList<KnowledgeNodeResponse> Nodes, IReadOnlyList<KnowledgeEdgeResponse> Edges);

public sealed record KnowledgeGraphQuery
{
    public Guid? StudentId { get; init; }

    public Guid? SubjectId { get; init; }

    /// <summary>true: templates only; false: students' graphs only.</summary>
    public bool? Templates { get; init; }

    [Range(1, 1_000_000)]
    public int? Page { get; init; }

    [Range(1, PageRequest.MaxPageSize)]
    public int? PageSize { get; init; }

    public PageRequest Paging => new() { Page = Page, PageSize = PageSize };
}

public sealed record KnowledgeNodeRequest([property: Required] Guid? LessonId, [property: Required] double? X, [property: Required] double? Y);

public sealed record KnowledgeNodeMoveRequest([property: Required] double? X, [property: Required] double? Y);

public sealed record KnowledgeEdgeRequest([property: Required] Guid? FromNodeId, [property: Required] Guid? ToNodeId);

public sealed record KnowledgeApplyRequest([property: Required, MinLength(1), MaxLength(100)] IReadOnlyList<Guid>? StudentIds);

/// <summary>An element as the student sees it: no answer key.</summary>
public sealed record KnowledgeStudentOption(string Id, string Text);

public sealed record KnowledgeMyAttempt(KnowledgeOutcome Outcome, decimal Points, DateTimeOffset AnsweredAt, IReadOnlyList<string> OptionIds, decimal? Number, string? Text);

public sealed record KnowledgeStudentElement(
    Guid Id, KnowledgeElementKind Kind, KnowledgeCheck Check, string Title, string? Body, string? VideoUrl,
    IReadOnlyList<KnowledgeStudentOption> Options, decimal? Points, int Difficulty, int? EstimatedMinutes, KnowledgeMyAttempt? LatestAttempt);

public sealed record KnowledgeStudentLesson(
    Guid GraphId, Guid NodeId, Guid LessonId, string Title, string? Description, int PassPercent, KnowledgeNodeStatus Status,
    decimal ScorePercent, IReadOnlyList<KnowledgeStudentElement> Elements);

public sealed record KnowledgeAnswerRequest(
    [property: Required] Guid? ElementId,
    [property: MaxLength(KnowledgeElement.MaxOptions)] IReadOnlyList<string?>? OptionIds,
    decimal? Number,
    [property: MaxLength(KnowledgeElement.MaxText)] string? Text);

public sealed record KnowledgeAnswerResponse(
    Guid AttemptId, KnowledgeOutcome Outcome, decimal Points, decimal MaxPoints, KnowledgeNodeStatus Status, decimal ScorePercent, IReadOnlyList<Guid> Unlocked);

public sealed record KnowledgeReviewRequest([property: Required] bool? Correct);

public sealed record KnowledgeReviewResponse(
    Guid AttemptId, KnowledgeOutcome Outcome, decimal Points, Guid NodeId, KnowledgeNodeStatus Status, decimal ScorePercent, IReadOnlyList<Guid> Unlocked);

/// <summary>A free answer waiting for the graph's teacher.</summary>
public sealed record KnowledgePendingReview(
    Guid AttemptId, Guid GraphId, Guid NodeId, PersonRef Student, Guid LessonId, string LessonTitle, Guid ElementId, string ElementTitle,
    string? Text, decimal? MaxPoints, DateTimeOffset AnsweredAt);

public sealed record KnowledgeReviewQuery
{
    [Range(1, 1_000_000)]
    public int? Page { get; init; }

    [Range(1, PageRequest.MaxPageSize)]
    public int? PageSize { get; init; }

    public PageRequest Paging => new() { Page = Page, PageSize = PageSize };
}

public sealed record KnowledgeWrongAnswer(string Answer, int Count);

public sealed record KnowledgeElementProgress(
    Guid ElementId, string Title, KnowledgeCheck Check, int Attempts, KnowledgeOutcome? LatestOutcome, IReadOnlyList<KnowledgeWrongAnswer> CommonWrongAnswers);

public sealed record KnowledgeLessonProgress(
    Guid NodeId, Guid LessonId, string Title, KnowledgeNodeStatus Status, decimal ScorePercent, int PassPercent, int? MinutesSpent,
    int Attempts, DateTimeOffset? OpenedAt, DateTimeOffset? PassedAt, IReadOnlyList<KnowledgeElementProgress> Elements);

public sealed record KnowledgeProgressResponse(Guid GraphId, string Title, PersonRef Student, EnrollmentSubject Subject, IReadOnlyList<KnowledgeLessonProgress> Lessons);
