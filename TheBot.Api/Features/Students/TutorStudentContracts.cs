using System.ComponentModel.DataAnnotations;
using TheBot.Api.Features.ParentInvitations;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Paging;

namespace TheBot.Api.Features.Students;

public sealed record NewStudent(
    [property: Required, MinLength(1), MaxLength(200)] string FullName,
    [property: Required, EmailAddress, MaxLength(254)] string Email,
    [property: Phone, MaxLength(32)] string? Phone,
    [property: Range(1, 12)] int? Grade,
    [property: MaxLength(1000)] string? Goal);

/// <summary>
/// The parent to invite, by email: nobody is linked until the person behind it says yes (the name and
/// phone are used if a new account is made).
/// </summary>
public sealed record InvitedParent(
    [property: MaxLength(200)] string? FullName,
    [property: Required, EmailAddress, MaxLength(254)] string Email,
    [property: Phone, MaxLength(32)] string? Phone);

public sealed record CreateStudentRequest([property: Required] NewStudent Student, [property: Required] InvitedParent Parent);

/// <summary>Initial passwords are shown this once; hand them over and ask the people to change them.</summary>
public sealed record CreatedAccount(Guid Id, string Email, string FullName, string? InitialPassword, bool Existing);

/// <summary>The student's account, and the parent's invitation (the same whether or not the email has an account).</summary>
public sealed record CreateStudentResponse(CreatedAccount Student, ParentInvitationIssued Parent);

/// <summary>An invitation the tutor sent that is not (yet) a link: pending, declined or expired.</summary>
public sealed record TutorStudentInvitation(Guid Id, string Email, ParentInvitationStatus Status, DateTimeOffset ExpiresAt);

public sealed record TutorStudentItem(
    Guid Id, string FullName, string Email, int? Grade, string? Goal, bool IsActive, IReadOnlyList<PersonRef> Parents,
    IReadOnlyList<TutorStudentInvitation> Invitations, string? AvatarUrl);

public sealed record TutorStudentQuery
{
    [MaxLength(100)]
    public string? Search { get; init; }

    /// <summary>Only active (true) or only deactivated (false) students; all when left out.</summary>
    public bool? Active { get; init; }

    [Range(1, 1_000_000)]
    public int? Page { get; init; }

    [Range(1, PageRequest.MaxPageSize)]
    public int? PageSize { get; init; }

    public PageRequest Paging => new() { Page = Page, PageSize = PageSize };
}
