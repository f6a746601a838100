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

public sealed record MaterialProgressRequest(bool? Completed);

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
    DateTimeOffset CreatedAt);

public sealed record MaterialProgressItem(Guid MaterialId, PersonRef Student, DateTimeOffset OpenedAt, DateTimeOffset? CompletedAt);

public sealed record MaterialQuery
{
    public Guid? SubjectId { get; init; }

    [Range(1, 1_000_000)]
    public int? Page { get; init; }

    [Range(1, PageRequest.MaxPageSize)]
    public int? PageSize { get; init; }

    public PageRequest Paging => new() { Page = Page, PageSize = PageSize };
}
