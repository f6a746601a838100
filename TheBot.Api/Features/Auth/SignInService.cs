using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.RateLimiting;

namespace TheBot.Api.Features.Auth;

/// <summary>
/// Checks credentials. Every failure — unknown email, wrong password, deactivated account, an account others
/// are guessing at — does the same work (one verification of a hash made by the app's hasher with its settings)
/// and gets the same answer, so answers do not tell which emails have accounts. Guessing is slowed per (account,
/// client network) by <see cref="SignInThrottle"/>; accounts are never locked, so nobody can lock the owner out.
/// </summary>
public sealed class SignInService(UserManager<User> users, SignInThrottle throttle)
{
    private static readonly User DecoyOwner = new() { FullName = "decoy" };
    private static string? _decoyHash;

    public async Task<SignInResult> SignInAsync(string email, string password, string clientNetwork, CancellationToken cancellationToken)
    {
        if (await throttle.TryAttemptAsync(clientNetwork, email) is { } wait)
        {
            return SignInResult.Throttled(wait);
        }

        var normalized = users.NormalizeEmail(email.Trim());
        var user = await users.Users.Include(u => u.StudentProfile)
            .FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, cancellationToken);
        if (user is not { IsActive: true, PasswordHash: not null })
        {
            users.PasswordHasher.VerifyHashedPassword(DecoyOwner, DecoyHash(users.PasswordHasher), password);
            return SignInResult.Failed;
        }

        // One verification, as above; it also upgrades a hash made with older settings.
        if (!await users.CheckPasswordAsync(user, password))
        {
            return SignInResult.Failed;
        }

        await throttle.SucceededAsync(clientNetwork, email);
        return SignInResult.Success(user);
    }

    /// <summary>A hash of a random password made once by the app's own hasher, so that verifying it costs what verifying a real one costs.</summary>
    private static string DecoyHash(IPasswordHasher<User> hasher) =>
        LazyInitializer.EnsureInitialized(ref _decoyHash, () => hasher.HashPassword(DecoyOwner, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
}

public sealed record SignInResult(User? User, TimeSpan? RetryAfter)
{
    public static readonly SignInResult Failed = new(null, null);

    public static SignInResult Success(User user) => new(user, null);

    public static SignInResult Throttled(TimeSpan retryAfter) => new(null, retryAfter);
}
