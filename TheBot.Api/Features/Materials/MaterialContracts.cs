using System.ComponentModel.DataAnnotations;
using TheBot.Api.Features.Enrollments;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Paging;
using TheBot.Api.Platform.Validation;

namespace TheBot.Api.Features.Materials;

public sealed record CreateMaterialRequest(
    [property: Required] Guid? SubjectId,
    [property: Required, MinLength(1), MaxLength(200)] string? Title,
    [property: MaxLength(4000)] string? Description,
    [property: Required, EnumName<MaterialKind>] string? Kind,
    [property: Range(1, 5)] int? Difficulty,
    [property: MaxLength(500)] string? VideoUrl,
    [property: EnumName<MaterialStatus>] string? Status,
    [property: MaxLength(500)] Guid[]? StudentIds);

/// <summary>Fields left out (null) keep their value; an empty description or video link clears it.</summary>
public sealed record UpdateMaterialRequest(
    [property: MinLength(1), MaxLength(200)] string? Title,
    [property: MaxLength(4000)] string? Description,
    [property: Range(1, 5)] int? Difficulty,
    [property: MaxLength(500)] string? VideoUrl,
    [property: EnumName<MaterialStatus>] string? Status);

/// <summary>
/// A student's client reports: the first call marks the material opened; <see cref="Seconds"/> is a heartbeat of time
/// spent with it open and visible (at most 60 per call, and never more than has passed since the previous report).
/// </summary>
public sealed record MaterialProgressRequest(
    bool? Completed,
    [property: Range(0, MaterialProgressRules.MaxHeartbeatSeconds)] int? Seconds);

public sealed record MaterialFile(string Name, string ContentType, long Length);

public sealed record MaterialResponse(
    Guid Id,
    EnrollmentSubject Subject,
    PersonRef Teacher,
    string Title,
    string? Description,
    MaterialKind Kind,
    MaterialStatus Status,
    int Difficulty,
    string? VideoUrl,
    bool ForAllStudents,
    MaterialFile? File,
    DateTimeOffset CreatedAt,
    MyMaterialProgress? Progress = null);

/// <summary>The calling student's own progress on a material (null for other callers, or before the first opening).</summary>
public sealed record MyMaterialProgress(DateTimeOffset OpenedAt, DateTimeOffset? CompletedAt, int SecondsSpent);

public sealed record MaterialProgressItem(
    Guid MaterialId, PersonRef Student, DateTimeOffset OpenedAt, DateTimeOffset? CompletedAt, int SecondsSpent, DateTimeOffset LastActiveAt);

/// <summary>
/// A student's progress in one enrollment (student, subject, teacher): of the active materials addressed to them,
/// how many they opened and completed, the share completed (0–100) and the time spent on them.
/// </summary>
public sealed record MaterialProgressSummary(
    PersonRef Student,
    EnrollmentSubject Subject,
    PersonRef Teacher,
    int Materials,
    int Opened,
    int Completed,
    int PercentCompleted,
    int SecondsSpent);

public sealed record MaterialProgressSummaryQuery
{
    public Guid? StudentId { get; init; }

    public Guid? SubjectId { get; init; }

    [Range(1, 1_000_000)]
    public int? Page { get; init; }

    [Range(1, PageRequest.MaxPageSize)]
    public int? PageSize { get; init; }

    public PageRequest Paging => new() { Page = Page, PageSize = PageSize };
}

public static class MaterialProgressRules
{
    /// <summary>The most one heartbeat may claim: the SPA reports every 30 seconds.</summary>
    public const int MaxHeartbeatSeconds = 60;

    /// <summary>What a heartbeat is credited: what it claims, but no more than has passed since the previous report.</summary>
    public static int Credit(int claimed, DateTimeOffset lastActiveAt, DateTimeOffset now)
    {
        var elapsed = Math.Ceiling((now - lastActiveAt).TotalSeconds);
        return (int)Math.Clamp(elapsed, 0, Math.Min(claimed, MaxHeartbeatSeconds));
    }

    public static int Percent(int completed, int total) => total == 0 ? 0 : (int)Math.Round(100.0 * completed / total, MidpointRounding.ToZero);
}

public sealed record MaterialQuery
{
    public Guid? SubjectId { get; init; }

    [Range(1, 1_000_000)]
    public int? Page { get; init; }

    [Range(1, PageRequest.MaxPageSize)]
    public int? PageSize { get; init; }

    public PageRequest Paging => new() { Page = Page, PageSize = PageSize };
}
