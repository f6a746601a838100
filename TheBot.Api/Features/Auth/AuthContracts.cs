using System.ComponentModel.DataAnnotations;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Auth;

namespace TheBot.Api.Features.Auth;

public sealed record LoginRequest(
    [property: Required, EmailAddress, MaxLength(254)] string Email,
    [property: Required, MaxLength(PasswordPolicy.MaximumLength)] string Password);

/// <summary>The access token (send it as <c>Authorization: Bearer …</c>) and who signed in.</summary>
public sealed record LoginResponse(string AccessToken, DateTimeOffset ExpiresAt, UserSummary User);

/// <summary>Who signed in, with the preferences every page needs from the start (language, time zone) and their picture's address.</summary>
public sealed record UserSummary(Guid Id, string Email, string FullName, UserRole Role, string Language, string TimeZone, string? AvatarUrl);

public sealed record MeResponse(
    Guid Id,
    string Email,
    string FullName,
    UserRole Role,
    string? Phone,
    string TimeZone,
    string Language,
    DateTimeOffset CreatedAt);

public sealed record UpdateMeRequest(
    [property: MaxLength(200), MinLength(1)] string? FullName,
    [property: Phone, MaxLength(32)] string? Phone,
    [property: MaxLength(64)] string? TimeZone,
    [property: RegularExpression("^(ru|en)$", ErrorMessage = "Language must be 'ru' or 'en'.")] string? Language);

public sealed record ChangePasswordRequest(
    [property: Required, MaxLength(PasswordPolicy.MaximumLength)] string CurrentPassword,
    [property: Required, MinLength(PasswordPolicy.MinimumLength), MaxLength(PasswordPolicy.MaximumLength)] string NewPassword);

/// <summary>One signed-in device.</summary>
public sealed record SessionResponse(Guid Id, string? Device, string? IpAddress, DateTimeOffset CreatedAt, DateTimeOffset LastSeenAt, bool Current);
