using System.ComponentModel.DataAnnotations;
using TheBot.Api.Platform.Auth;
using TheBot.Api.Platform.Paging;
using TheBot.Api.Platform.Validation;

namespace TheBot.Api.Features.Users;

public sealed record AdminUserQuery
{
    /// <summary>Only users with this role (student, teacher, tutor, parent, admin).</summary>
    [EnumName<UserRole>]
    public string? Role { get; init; }

    public UserRole? RoleFilter => UserRoleNames.TryParse(Role, out var role) ? role : null;

    /// <summary>Part of the name or email.</summary>
    [MaxLength(100)]
    public string? Search { get; init; }

    /// <summary>Only active (true) or deactivated (false) users.</summary>
    public bool? Active { get; init; }

    [Range(1, 1_000_000)]
    public int? Page { get; init; }

    [Range(1, PageRequest.MaxPageSize)]
    public int? PageSize { get; init; }

    public PageRequest Paging => new() { Page = Page, PageSize = PageSize };
}

public sealed record AdminUserListItem(Guid Id, string Email, string FullName, UserRole Role, bool IsActive, DateTimeOffset CreatedAt, string? AvatarUrl);

public sealed record AdminUserDetails(
    Guid Id,
    string Email,
    string FullName,
    UserRole Role,
    string? Phone,
    string TimeZone,
    string Language,
    bool IsActive,
    DateTimeOffset CreatedAt,
    StudentDetails? Student,
    IReadOnlyList<PersonRef> Children,
    string? Bio);

public sealed record StudentDetails(int? Grade, string? Goal, PersonRef? Tutor, IReadOnlyList<PersonRef> Parents);

public sealed record PersonRef(Guid Id, string FullName, string Email);

public sealed record CreateUserRequest(
    [property: Required, EmailAddress, MaxLength(254)] string Email,
    [property: Required, MinLength(1), MaxLength(200)] string FullName,
    [property: Required] UserRole? Role,
    [property: Phone, MaxLength(32)] string? Phone,
    [property: MinLength(8), MaxLength(128)] string? Password);

/// <summary>The new user, and their one-time initial password when none was given (shown once).</summary>
public sealed record CreatedUserResponse(AdminUserDetails User, string? InitialPassword);

public sealed record UpdateUserRequest(
    [property: MinLength(1), MaxLength(200)] string? FullName,
    [property: Phone, MaxLength(32)] string? Phone,
    UserRole? Role,
    bool? IsActive,
    [property: MaxLength(64)] string? TimeZone,
    [property: RegularExpression("^(ru|en)$", ErrorMessage = "Language must be 'ru' or 'en'.")] string? Language,
    [property: Range(1, 12)] int? Grade,
    [property: MaxLength(1000)] string? Goal,
    Guid? TutorId,
    [property: MaxLength(4000)] string? Bio);

public sealed record LinkParentRequest([property: Required] Guid? ParentId);

public sealed record ResetPasswordResponse(string TemporaryPassword);
