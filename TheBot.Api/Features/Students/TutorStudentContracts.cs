using System.ComponentModel.DataAnnotations;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Paging;

namespace TheBot.Api.Features.Students;

public sealed record NewStudent(
    [property: Required, MinLength(1), MaxLength(200)] string FullName,
    [property: Required, EmailAddress, MaxLength(254)] string Email,
    [property: Phone, MaxLength(32)] string? Phone,
    [property: Range(1, 12)] int? Grade,
    [property: MaxLength(1000)] string? Goal);

/// <summary>The parent to create, or an existing parent account to link (by email).</summary>
public sealed record NewOrExistingParent(
    [property: MaxLength(200)] string? FullName,
    [property: Required, EmailAddress, MaxLength(254)] string Email,
    [property: Phone, MaxLength(32)] string? Phone);

public sealed record CreateStudentRequest([property: Required] NewStudent Student, [property: Required] NewOrExistingParent Parent);

/// <summary>Initial passwords are shown this once; hand them over and ask the people to change them.</summary>
public sealed record CreatedAccount(Guid Id, string Email, string FullName, string? InitialPassword, bool Existing);

public sealed record CreateStudentResponse(CreatedAccount Student, CreatedAccount Parent);

public sealed record TutorStudentItem(Guid Id, string FullName, string Email, int? Grade, string? Goal, bool IsActive, IReadOnlyList<PersonRef> Parents);

public sealed record TutorStudentQuery
{
    [MaxLength(100)]
    public string? Search { get; init; }

    [Range(1, 1_000_000)]
    public int? Page { get; init; }

    [Range(1, PageRequest.MaxPageSize)]
    public int? PageSize { get; init; }

    public PageRequest Paging => new() { Page = Page, PageSize = PageSize };
}
