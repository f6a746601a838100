using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TheBot.Api.Data;
using TheBot.Api.Features.Notifications.Delivery;
using TheBot.Api.Features.Users;

namespace TheBot.Api.Features.Auth;

/// <summary>
/// Password reset by e-mailed link. Asking stores a request (only its token's hash) for an active account with that
/// address and leaves the e-mail to <see cref="PasswordResetMailer"/>; the caller learns nothing either way. Using a
/// link sets the new password once, voids the user's other links and ends every session of theirs.
/// </summary>
public sealed partial class PasswordResets(
    TheBotDbContext db,
    UserManager<User> users,
    AuthSessionStore sessions,
    PasswordResetTokens tokens,
    PasswordResetMailer mailer,
    SmtpTransport smtp,
    IOptions<PasswordResetOptions> options,
    TimeProvider clock,
    ILogger<PasswordResets> logger)
{
    public async Task RequestAsync(string email, CancellationToken cancellationToken)
    {
        if (!smtp.Enabled)
        {
            LogEmailOff();
            return;
        }

        var normalized = users.NormalizeEmail(email.Trim());
        var userId = await db.Users.AsNoTracking()
            .Where(u => u.NormalizedEmail == normalized && u.IsActive)
            .Select(u => (Guid?)u.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (userId is null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7();
        db.PasswordResetRequests.Add(new PasswordResetRequest
        {
            Id = id,
            UserId = userId.Value,
            TokenHash = tokens.HashFor(id),
            CreatedAt = now,
            ExpiresAt = now + options.Value.LinkLifetime,
            MailStatus = PasswordResetMailStatus.Pending,
            MailNextAttemptAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        mailer.Wake();
    }

    public async Task<PasswordResetOutcome> ConfirmAsync(string token, string newPassword, CancellationToken cancellationToken)
    {
        if (!PasswordResetTokens.TryRead(token, out var requestId, out var secretHash))
        {
            return PasswordResetOutcome.Unknown;
        }

        var request = await db.PasswordResetRequests.AsNoTracking()
            .Where(r => r.Id == requestId)
            .Select(r => new { r.UserId, r.TokenHash, r.UsedAt, r.ExpiresAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (request is null || !RefreshToken.Matches(request.TokenHash, secretHash) || request.UsedAt is not null)
        {
            return PasswordResetOutcome.Unknown;
        }

        var now = clock.GetUtcNow();
        if (request.ExpiresAt <= now)
        {
            return PasswordResetOutcome.Expired;
        }

        var user = await users.FindByIdAsync(request.UserId.ToString());
        if (user is not { IsActive: true })
        {
            return PasswordResetOutcome.Unknown;
        }

        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            var checkedPassword = await validator.ValidateAsync(users, user, newPassword);
            errors.AddRange(checkedPassword.Errors);
        }

        if (errors.Count > 0)
        {
            return PasswordResetOutcome.Invalid(UserAccounts.ToErrors(IdentityResult.Failed([.. errors]), passwordField: "newPassword"));
        }

        // Claimed before the password changes: of two uses racing, one wins.
        var claimed = await db.PasswordResetRequests
            .Where(r => r.Id == requestId && r.UsedAt == null && r.ExpiresAt > now)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.UsedAt, now), cancellationToken);
        if (claimed == 0)
        {
            return PasswordResetOutcome.Unknown;
        }

        user.PasswordHash = users.PasswordHasher.HashPassword(user, newPassword);
        var updated = await users.UpdateSecurityStampAsync(user);
        if (!updated.Succeeded)
        {
            throw new InvalidOperationException("The new password could not be stored: " + string.Join("; ", updated.Errors.Select(e => e.Description)));
        }

        // The user's other links die with this one.
        await db.PasswordResetRequests
            .Where(r => r.UserId == user.Id && r.UsedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.UsedAt, now), cancellationToken);
        await sessions.RevokeAllAsync(user.Id, keepSessionId: null, "password-reset-link", cancellationToken);
        LogReset(user.Id);
        return PasswordResetOutcome.Done;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A password reset link was asked for, but e-mail is not configured (no SMTP server): no link is sent. An admin can reset the password instead.")]
    private partial void LogEmailOff();

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} set a new password through a reset link; their sessions were ended")]
    private partial void LogReset(Guid userId);
}

public enum PasswordResetResult
{
    Done,

    /// <summary>Not a link we gave out, or already used (or voided by another).</summary>
    Unknown,

    Expired,

    /// <summary>The new password breaks the password rules.</summary>
    Invalid,
}

public sealed record PasswordResetOutcome(PasswordResetResult Result, IDictionary<string, string[]>? Errors = null)
{
    public static readonly PasswordResetOutcome Done = new(PasswordResetResult.Done);

    public static readonly PasswordResetOutcome Unknown = new(PasswordResetResult.Unknown);

    public static readonly PasswordResetOutcome Expired = new(PasswordResetResult.Expired);

    public static PasswordResetOutcome Invalid(IDictionary<string, string[]> errors) => new(PasswordResetResult.Invalid, errors);
}
