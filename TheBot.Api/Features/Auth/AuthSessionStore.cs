using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TheBot.Api.Data;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Auth;
using TheBot.ServiceDefaults.Authentication;

namespace TheBot.Api.Features.Auth;

/// <summary>Opens, rotates and ends device sessions (refresh tokens).</summary>
public sealed partial class AuthSessionStore(
    TheBotDbContext db,
    AccessChangeNotifier accessChanges,
    IOptions<JwtOptions> jwt,
    IOptions<SessionLifetimeOptions> lifetimes,
    TimeProvider clock,
    ILogger<AuthSessionStore> logger)
{
    /// <summary>How long the token just replaced still answers (with the same successor): racing tabs.</summary>
    public static readonly TimeSpan RotationGrace = TimeSpan.FromSeconds(30);

    private readonly byte[] _rotationKey = HKDF.DeriveKey(
        HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(jwt.Value.SigningKey), 32, info: "thebot refresh rotation"u8.ToArray());

    public async Task<StartedSession> StartAsync(User user, string? device, string? ipAddress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);

        var now = clock.GetUtcNow();
        var sessionId = Guid.CreateVersion7();
        var token = RefreshToken.Create(sessionId);
        var expiresAt = lifetimes.Value.ExpiryFor(now, now);
        db.AuthSessions.Add(new AuthSession
        {
            Id = sessionId,
            UserId = user.Id,
            CurrentTokenHash = token.Hash(),
            CreatedAt = now,
            LastSeenAt = now,
            ExpiresAt = expiresAt,
            Device = Shorten(device, 256),
            IpAddress = Shorten(ipAddress, 64),
        });
        await db.SaveChangesAsync(cancellationToken);
        return new StartedSession(token, expiresAt);
    }

    public async Task<RefreshOutcome> RefreshAsync(RefreshToken presented, string? ipAddress, CancellationToken cancellationToken)
    {
        var presentedHash = presented.Hash();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var now = clock.GetUtcNow();
            var session = await db.AuthSessions.Include(s => s.User)
                .FirstOrDefaultAsync(s => s.Id == presented.SessionId, cancellationToken);
            if (session?.User is null || !session.IsUsable(now) || !session.User.IsActive
                || session.CreatedAt + lifetimes.Value.SessionAbsoluteLifetime <= now)
            {
                return RefreshOutcome.Rejected;
            }

            var next = presented.Next(_rotationKey);
            if (RefreshToken.Matches(session.CurrentTokenHash, presentedHash))
            {
                session.PreviousTokenHash = session.CurrentTokenHash;
                session.CurrentTokenHash = next.Hash();
                session.RotatedAt = now;
                session.LastSeenAt = now;
                session.ExpiresAt = lifetimes.Value.ExpiryFor(session.CreatedAt, now);
                session.IpAddress = Shorten(ipAddress, 64);
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    return RefreshOutcome.Rotated(session.User, session, next);
                }
                catch (DbUpdateConcurrencyException)
                {
                    // Another request rotated it first; the next pass answers through the grace rule.
                    db.ChangeTracker.Clear();
                    continue;
                }
            }

            if (!RefreshToken.Matches(session.PreviousTokenHash, presentedHash))
            {
                // Not a token this session ever handed out as far as we can tell (a guess, a typo, or one
                // rotated long ago): a failed refresh. Ending the session here would let anyone who learns
                // a session id (it is in every access token) sign its owner out.
                LogUnknownSecret(session.Id);
                return RefreshOutcome.Rejected;
            }

            if (session.RotatedAt is { } rotatedAt && now - rotatedAt <= RotationGrace
                && RefreshToken.Matches(session.CurrentTokenHash, next.Hash()))
            {
                return RefreshOutcome.Rotated(session.User, session, next);
            }

            // The token just replaced came back after the grace: someone else holds a copy. End the whole session.
            session.RevokedAt = now;
            session.RevokedReason = "refresh-token-reuse";
            await db.SaveChangesAsync(cancellationToken);
            await accessChanges.SessionRevokedAsync(session.Id);
            LogReuse(session.Id, session.UserId);
            return RefreshOutcome.ReuseDetected;
        }

        return RefreshOutcome.Rejected;
    }

    /// <summary>The owner of the session a refresh token names, when the token is its current one.</summary>
    public async Task<Guid?> FindUserAsync(RefreshToken presented, CancellationToken cancellationToken)
    {
        var session = await db.AuthSessions.AsNoTracking()
            .Where(s => s.Id == presented.SessionId)
            .Select(s => new { s.UserId, s.CurrentTokenHash, s.PreviousTokenHash })
            .FirstOrDefaultAsync(cancellationToken);
        var hash = presented.Hash();
        return session is not null && (RefreshToken.Matches(session.CurrentTokenHash, hash) || RefreshToken.Matches(session.PreviousTokenHash, hash))
            ? session.UserId
            : null;
    }

    /// <summary>Ends one of the user's sessions; false when the user has no such open session.</summary>
    public async Task<bool> RevokeAsync(Guid userId, Guid sessionId, string reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var count = await db.AuthSessions
            .Where(s => s.Id == sessionId && s.UserId == userId && s.RevokedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.RevokedAt, now).SetProperty(s => s.RevokedReason, reason), cancellationToken);
        if (count > 0)
        {
            await accessChanges.SessionRevokedAsync(sessionId);
        }

        return count > 0;
    }

    /// <summary>Ends every open session of the user, except <paramref name="keepSessionId"/> when given.</summary>
    public async Task<int> RevokeAllAsync(Guid userId, Guid? keepSessionId, string reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var open = await db.AuthSessions
            .Where(s => s.UserId == userId && s.RevokedAt == null && s.Id != keepSessionId)
            .Select(s => s.Id)
            .ToListAsync(cancellationToken);
        var count = await db.AuthSessions
            .Where(s => open.Contains(s.Id) && s.RevokedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.RevokedAt, now).SetProperty(s => s.RevokedReason, reason), cancellationToken);
        await accessChanges.SessionsRevokedAsync(userId, open);
        return count;
    }

    public async Task<List<SessionResponse>> ListOpenAsync(Guid userId, Guid currentSessionId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await db.AuthSessions.AsNoTracking()
            .Where(s => s.UserId == userId && s.RevokedAt == null && s.ExpiresAt > now)
            .OrderByDescending(s => s.LastSeenAt)
            .Select(s => new SessionResponse(s.Id, s.Device, s.IpAddress, s.CreatedAt, s.LastSeenAt, s.Id == currentSessionId))
            .ToListAsync(cancellationToken);
    }

    private static string? Shorten(string? value, int max) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Length <= max ? value : value[..max];

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a refresh of session {SessionId}: the secret is neither its current nor its previous one")]
    private partial void LogUnknownSecret(Guid sessionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ended session {SessionId} of user {UserId}: its previous refresh token was presented again after the grace (a copy is in other hands)")]
    private partial void LogReuse(Guid sessionId, Guid userId);
}

/// <summary>A new session: its first refresh token and when it expires unless refreshed.</summary>
public sealed record StartedSession(RefreshToken Token, DateTimeOffset ExpiresAt);

public sealed record RefreshOutcome(RefreshOutcomeKind Kind, User? User, AuthSession? Session, RefreshToken? Token)
{
    public static readonly RefreshOutcome Rejected = new(RefreshOutcomeKind.Rejected, null, null, null);

    public static readonly RefreshOutcome ReuseDetected = new(RefreshOutcomeKind.ReuseDetected, null, null, null);

    public static RefreshOutcome Rotated(User user, AuthSession session, RefreshToken token) =>
        new(RefreshOutcomeKind.Rotated, user, session, token);
}

public enum RefreshOutcomeKind
{
    Rotated,
    Rejected,
    ReuseDetected,
}
