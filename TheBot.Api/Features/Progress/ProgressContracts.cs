using System.ComponentModel.DataAnnotations;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Paging;

namespace TheBot.Api.Features.Progress;

public sealed record StudentProgress(
    PersonRef Student,
    int LessonsCompleted,
    int LessonsCancelled,
    int LessonsMissed,
    int LessonsUpcoming,
    int Submissions,
    int Graded,
    int LateSubmissions,
    decimal? AveragePercent,
    int MaterialsOpened,
    int MaterialsCompleted,
    IReadOnlyList<ScorePoint> Scores);

/// <summary>One graded submission, in time order: the trend of the student's results.</summary>
public sealed record ScorePoint(Guid SubmissionId, string Assignment, string Subject, DateTimeOffset GradedAt, decimal FinalScore, decimal MaxScore, bool IsLate);

public sealed record CreateReportRequest(
    [property: Required] Guid? StudentId,
    [property: Required, MinLength(1), MaxLength(200)] string? Title,
    [property: Required, MinLength(1), MaxLength(10000)] string? Body);

public sealed record ProgressReportResponse(
    Guid Id,
    PersonRef Author,
    PersonRef Student,
    string Title,
    string Body,
    ProgressReportStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SentAt,
    DateTimeOffset? ReadAt);

public sealed record ReportQuery
{
    public Guid? StudentId { get; init; }

    [Range(1, 1_000_000)]
    public int? Page { get; init; }

    [Range(1, PageRequest.MaxPageSize)]
    public int? PageSize { get; init; }

    public PageRequest Paging => new() { Page = Page, PageSize = PageSize };
}
