using System.ComponentModel.DataAnnotations;
using TheBot.Api.Features.Auth;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Paging;

namespace TheBot.Api.Features.ParentInvitations;

/// <summary>
/// The same for every email, whether or not an account has it: the code is handed to the parent (a new
/// parent redeems it to make their account; an existing one accepts in the app and needs no code).
/// </summary>
public sealed record ParentInvitationIssued(Guid InvitationId, string Email, string? FullName, string Code, DateTimeOffset ExpiresAt);

/// <summary>An invitation as the invited parent sees it.</summary>
public sealed record ParentInvitationResponse(
    Guid Id, PersonRef Student, PersonRef InvitedBy, ParentInvitationStatus Status, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? RespondedAt);

/// <summary>A new parent makes their account from the code the tutor handed over.</summary>
public sealed record RedeemParentInvitationRequest(
    [property: Required, MinLength(20), MaxLength(100)] string? Code,
    [property: MaxLength(200)] string? FullName,
    [property: Required, MinLength(PasswordPolicy.MinimumLength), MaxLength(PasswordPolicy.MaximumLength)] string? Password);

public sealed record RedeemedParentInvitation(string Email);

public sealed record ParentInvitationQuery
{
    [Range(1, 1_000_000)]
    public int? Page { get; init; }

    [Range(1, PageRequest.MaxPageSize)]
    public int? PageSize { get; init; }

    public PageRequest Paging => new() { Page = Page, PageSize = PageSize };
}
