using System.ComponentModel.DataAnnotations;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Auth;
using TheBot.Api.Platform.Paging;
using TheBot.Api.Platform.Validation;

namespace TheBot.Api.Features.Applications;

/// <param name="ParentFullName">A student's parent who wants an account too (with <paramref name="ParentEmail"/>): approved as a student, both are created and linked.</param>
/// <param name="Language">The family's language (<c>en</c> or <c>ru</c>, the default): their accounts' and the sign-in e-mail's.</param>
public sealed record SubmitApplicationRequest(
    [property: Required, MinLength(1), MaxLength(200)] string FullName,
    [property: Required, EmailAddress, MaxLength(254)] string Email,
    [property: Phone, MaxLength(32)] string? Phone,
    [property: Required] UserRole? DesiredRole,
    [property: MaxLength(2000)] string? Message,
    [property: MaxLength(200)] string? ParentFullName = null,
    [property: EmailAddress, MaxLength(254)] string? ParentEmail = null,
    [property: RegularExpression("^(en|ru)$")] string? Language = null);

/// <summary>Keep the tracking token: it is the only way to follow the application.</summary>
public sealed record SubmittedApplicationResponse(string TrackingToken, ApplicationStatus Status);

public sealed record ApplicationStatusResponse(
    ApplicationStatus Status, string FullName, UserRole DesiredRole, DateTimeOffset CreatedAt, DateTimeOffset? DecidedAt, string? DecisionNote);

public sealed record AdminApplicationItem(
    Guid Id, string FullName, string Email, string? Phone, UserRole DesiredRole, string? Message, ApplicationStatus Status,
    DateTimeOffset CreatedAt, DateTimeOffset? DecidedAt, string? DecisionNote, Guid? CreatedUserId,
    string? ParentFullName, string? ParentEmail, Guid? CreatedParentId, string Language);

public sealed record AdminApplicationQuery
{
    /// <summary>pending, approved or rejected.</summary>
    [EnumName<ApplicationStatus>]
    public string? Status { get; init; }

    public ApplicationStatus? StatusFilter => WireName.Parse<ApplicationStatus>(Status);

    [Range(1, 1_000_000)]
    public int? Page { get; init; }

    [Range(1, PageRequest.MaxPageSize)]
    public int? PageSize { get; init; }

    public PageRequest Paging => new() { Page = Page, PageSize = PageSize };
}

/// <summary>Approve as the desired role, or as another one.</summary>
public sealed record ApproveApplicationRequest(UserRole? Role, [property: MaxLength(1000)] string? Note);

public sealed record RejectApplicationRequest([property: MaxLength(1000)] string? Note);

/// <summary>
/// The accounts the approval created, with their initial passwords (shown this once; also e-mailed to each of them):
/// the applicant's, and when a student's application named a parent, the parent's (<see cref="Parent"/>), linked.
/// </summary>
public sealed record ApprovedApplicationResponse(Guid UserId, string Email, UserRole Role, string InitialPassword, ApprovedAccount? Parent);

public sealed record ApprovedAccount(Guid UserId, string FullName, string Email, UserRole Role, string InitialPassword);
