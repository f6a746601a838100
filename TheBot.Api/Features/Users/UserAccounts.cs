using Microsoft.AspNetCore.Identity;
using TheBot.Api.Features.Auth;
using TheBot.Api.Platform.Auth;

namespace TheBot.Api.Features.Users;

/// <summary>Creates people with the profile their role needs, and changes roles and state safely.</summary>
public sealed class UserAccounts(UserManager<User> users, AccessChangeNotifier accessChanges, TimeProvider clock)
{
    /// <summary>
    /// Creates a user (not saved if the password or email is refused). When no password is given a
    /// one-time initial password is generated and returned.
    /// </summary>
    public async Task<CreateUserOutcome> CreateAsync(NewUser request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();

        var user = new User
        {
            Id = Guid.CreateVersion7(),
            UserName = request.Email.Trim(),
            Email = request.Email.Trim(),
            EmailConfirmed = true,
            FullName = request.FullName.Trim(),
            PhoneNumber = string.IsNullOrWhiteSpace(request.Phone) ? null : request.Phone.Trim(),
            Role = request.Role,
            TimeZone = request.TimeZone ?? User.DefaultTimeZone,
            Language = request.Language ?? "ru",
            CreatedAt = clock.GetUtcNow(),
        };
        AttachProfile(user);

        var initialPassword = request.Password is null ? InitialPassword.Create() : null;
        var result = await users.CreateAsync(user, request.Password ?? initialPassword!);
        return result.Succeeded
            ? new CreateUserOutcome(user, initialPassword, null)
            : new CreateUserOutcome(null, null, ToErrors(result));
    }

    /// <summary>Changes the role; the profile for the new role is added, rights change on the next request.</summary>
    public async Task ChangeRoleAsync(User user, UserRole role)
    {
        ArgumentNullException.ThrowIfNull(user);

        user.Role = role;
        AttachProfile(user);
        await accessChanges.UserChangedAsync(user.Id);
    }

    public static void AttachProfile(User user)
    {
        ArgumentNullException.ThrowIfNull(user);

        switch (user.Role)
        {
            case UserRole.Student:
                user.StudentProfile ??= new StudentProfile { UserId = user.Id };
                break;
            case UserRole.Teacher:
                user.TeacherProfile ??= new TeacherProfile { UserId = user.Id };
                break;
            case UserRole.Tutor:
                user.TutorProfile ??= new TutorProfile { UserId = user.Id };
                break;
        }
    }

    /// <summary>Identity's errors as validation errors keyed by the request field they concern.</summary>
    public static Dictionary<string, string[]> ToErrors(IdentityResult result, string passwordField = "password")
    {
        ArgumentNullException.ThrowIfNull(result);

        return result.Errors
            .GroupBy(e => e.Code switch
            {
                _ when e.Code.StartsWith("Password", StringComparison.Ordinal) => passwordField,
                "DuplicateUserName" or "DuplicateEmail" or "InvalidEmail" or "InvalidUserName" => "email",
                _ => "user",
            })
            .ToDictionary(g => g.Key, g => g.Select(e => e.Description).Distinct().ToArray());
    }
}

public sealed record NewUser(
    string Email,
    string FullName,
    UserRole Role,
    string? Phone = null,
    string? Password = null,
    string? TimeZone = null,
    string? Language = null);

public sealed record CreateUserOutcome(User? User, string? InitialPassword, Dictionary<string, string[]>? Errors)
{
    public bool Succeeded => User is not null;
}
