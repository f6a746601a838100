using System.ComponentModel.DataAnnotations;
using TheBot.Api.Platform.Paging;

namespace TheBot.Api.Features.Subjects;

public sealed record SubjectResponse(Guid Id, string Name, string? Description, string Color, bool IsActive);

public sealed record CreateSubjectRequest(
    [property: Required, MinLength(1), MaxLength(100)] string Name,
    [property: MaxLength(2000)] string? Description,
    [property: RegularExpression("^#[0-9A-Fa-f]{6}$", ErrorMessage = "Color must look like #1A2B3C.")] string? Color);

public sealed record UpdateSubjectRequest(
    [property: MinLength(1), MaxLength(100)] string? Name,
    [property: MaxLength(2000)] string? Description,
    [property: RegularExpression("^#[0-9A-Fa-f]{6}$", ErrorMessage = "Color must look like #1A2B3C.")] string? Color,
    bool? IsActive);

public sealed record SubjectQuery
{
    /// <summary>Include deactivated subjects (admins only see them).</summary>
    public bool? IncludeInactive { get; init; }

    /// <summary>Part of the name, any case.</summary>
    [MaxLength(100)]
    public string? Search { get; init; }

    [Range(1, 1_000_000)]
    public int? Page { get; init; }

    [Range(1, PageRequest.MaxPageSize)]
    public int? PageSize { get; init; }

    public PageRequest Paging => new() { Page = Page, PageSize = PageSize ?? PageRequest.MaxPageSize };
}

/// <summary>The subjects the signed-in teacher teaches (replaces the whole set).</summary>
public sealed record SetTeacherSubjectsRequest([property: Required, MaxLength(50)] IReadOnlyList<Guid>? SubjectIds);

public sealed record TeacherRef(Guid Id, string FullName, string Email);
