using TheBot.Api.Features.Users;

namespace TheBot.Api.Features.Auth;

/// <summary>A deactivated account, or one whose password an admin reset, keeps no open session.</summary>
public sealed class SessionsFollowAccounts(AuthSessionStore sessions) : IAccountChangeFollower
{
    public Task DeactivatedAsync(Guid userId, CancellationToken ct) =>
        sessions.RevokeAllAsync(userId, keepSessionId: null, "deactivated", ct);

    public Task PasswordResetAsync(Guid userId, CancellationToken ct) =>
        sessions.RevokeAllAsync(userId, keepSessionId: null, "password-reset", ct);
}
