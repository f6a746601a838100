using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.RateLimiting;

namespace TheBot.Api.Features.Auth;

/// <summary>
/// Checks credentials with throttling and lockout. Every failure looks the same to the caller, so
/// the answers do not tell which emails have accounts.
/// </summary>
public sealed class SignInService(UserManager<User> users, SignInThrottle throttle, TimeProvider clock)
{
    private static readonly Lazy<string> DummyHash = new(() =>
        new PasswordHasher<User>().HashPassword(new User { FullName = "dummy" }, Guid.NewGuid().ToString()));

    public async Task<SignInResult> SignInAsync(string email, string password, string clientNetwork, CancellationToken cancellationToken)
    {
        if (await throttle.TryAttemptAsync(clientNetwork, email) is { } wait)
        {
            return SignInResult.Throttled(wait);
        }

        var normalized = users.NormalizeEmail(email.Trim());
        var user = await users.Users.Include(u => u.StudentProfile)
            .FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, cancellationToken);
        if (user is null || !user.IsActive)
        {
            // Spend the same time as a real check.
            users.PasswordHasher.VerifyHashedPassword(new User { FullName = "dummy" }, DummyHash.Value, password);
            return SignInResult.Failed;
        }

        if (await users.IsLockedOutAsync(user) && await users.GetLockoutEndDateAsync(user) is { } lockedUntil)
        {
            return SignInResult.Throttled(lockedUntil - clock.GetUtcNow());
        }

        if (!await users.CheckPasswordAsync(user, password))
        {
            await users.AccessFailedAsync(user);
            return SignInResult.Failed;
        }

        if (await users.GetAccessFailedCountAsync(user) > 0)
        {
            await users.ResetAccessFailedCountAsync(user);
        }

        return SignInResult.Success(user);
    }
}

public sealed record SignInResult(User? User, TimeSpan? RetryAfter)
{
    public static readonly SignInResult Failed = new(null, null);

    public static SignInResult Success(User user) => new(user, null);

    public static SignInResult Throttled(TimeSpan retryAfter) => new(null, retryAfter);
}
