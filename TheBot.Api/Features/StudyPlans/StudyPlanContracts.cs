using System.ComponentModel.DataAnnotations;
using TheBot.Api.Features.Enrollments;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Paging;
using TheBot.Api.Platform.Validation;

namespace TheBot.Api.Features.StudyPlans;

/// <summary>
/// One line of a plan as the teacher sends it. An item with the <see cref="Id"/> of one the plan has keeps its
/// identity (its done tick and file); one without is new; the plan's items not sent are removed.
/// </summary>
public sealed record StudyPlanItemRequest(
    Guid? Id,
    [property: Required, EnumName<StudyPlanItemKind>] string? Kind,
    [property: Required, MinLength(1), MaxLength(200)] string? Title,
    [property: MaxLength(4000)] string? Details,
    [property: MaxLength(500)] string? Url);

public sealed record CreateStudyPlanRequest(
    [property: Required] Guid? StudentId,
    [property: Required] Guid? SubjectId,
    /// <summary>The Monday the ISO week starts on (yyyy-MM-dd).</summary>
    [property: Required] DateOnly? WeekStart,
    [property: MaxLength(StudyPlan.MaxItems)] IReadOnlyList<StudyPlanItemRequest>? Items);

/// <summary>The plan's whole list of items, in order.</summary>
public sealed record UpdateStudyPlanRequest(
    [property: Required, MaxLength(StudyPlan.MaxItems)] IReadOnlyList<StudyPlanItemRequest>? Items);

/// <summary>Start the week's plan from the latest earlier plan for the student in the subject.</summary>
public sealed record CopyStudyPlanRequest(
    [property: Required] Guid? StudentId,
    [property: Required] Guid? SubjectId,
    [property: Required] DateOnly? WeekStart);

public sealed record TickStudyPlanItemRequest([property: Required] bool? Done);

public sealed record StudyPlanFile(string FileName, string ContentType, long Length);

public sealed record StudyPlanItemResponse(
    Guid Id,
    int Position,
    StudyPlanItemKind Kind,
    string Title,
    string? Details,
    string? Url,
    StudyPlanFile? File,
    DateTimeOffset? DoneAt);

public sealed record StudyPlanResponse(
    Guid Id,
    PersonRef Student,
    EnrollmentSubject Subject,
    PersonRef Teacher,
    DateOnly WeekStart,
    StudyPlanStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? SentAt,
    DateTimeOffset? EditedAt,
    IReadOnlyList<StudyPlanItemResponse> Items);

/// <summary>The Monday of the caller's current week, in their profile's time zone.</summary>
public sealed record StudyPlanWeekResponse(DateOnly WeekStart);

public sealed record StudyPlanQuery
{
    public Guid? StudentId { get; init; }

    public Guid? SubjectId { get; init; }

    /// <summary>Only the plan of this week (its Monday).</summary>
    public DateOnly? WeekStart { get; init; }

    [Range(1, 1_000_000)]
    public int? Page { get; init; }

    [Range(1, PageRequest.MaxPageSize)]
    public int? PageSize { get; init; }

    public PageRequest Paging => new() { Page = Page, PageSize = PageSize };
}
