using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Features.Users;

namespace TheBot.Api.Platform.Auth;

/// <summary>
/// What every authenticated request needs to know beyond the token: is the session still open, is
/// the user still active, what is their role now. Answered from memory; entries live a minute at most
/// and are dropped at once when a session is revoked or a user changes (see <see cref="AccessChangeNotifier"/>).
/// </summary>
public sealed class SessionAccessCache(TimeProvider clock)
{
    private static readonly TimeSpan EntryLifetime = TimeSpan.FromSeconds(60);

    private static readonly Func<TheBotDbContext, Guid, CancellationToken, Task<SessionAccess?>> LoadQuery =
        EF.CompileAsyncQuery((TheBotDbContext db, Guid sessionId, CancellationToken _) =>
            db.AuthSessions
                .Where(s => s.Id == sessionId)
                .Select(s => new SessionAccess(s.UserId, s.User!.Role, s.User.IsActive && s.RevokedAt == null, s.ExpiresAt))
                .FirstOrDefault());

    private readonly ConcurrentDictionary<Guid, (SessionAccess Access, long ExpiresAt)> _entries = new();

    public async ValueTask<SessionAccess?> GetAsync(Guid sessionId, TheBotDbContext db, CancellationToken cancellationToken)
    {
        var now = clock.GetTimestamp();
        if (_entries.TryGetValue(sessionId, out var entry) && entry.ExpiresAt > now)
        {
            return entry.Access;
        }

        var access = await LoadQuery(db, sessionId, cancellationToken);
        if (access is not null)
        {
            _entries[sessionId] = (access, now + (long)(EntryLifetime.TotalSeconds * clock.TimestampFrequency));
        }

        if (_entries.Count > 50_000)
        {
            PurgeExpired(now);
        }

        return access;
    }

    public void ForgetSession(Guid sessionId) => _entries.TryRemove(sessionId, out _);

    public void ForgetUser(Guid userId)
    {
        foreach (var (sessionId, entry) in _entries)
        {
            if (entry.Access.UserId == userId)
            {
                _entries.TryRemove(sessionId, out _);
            }
        }
    }

    private void PurgeExpired(long now)
    {
        foreach (var (sessionId, entry) in _entries)
        {
            if (entry.ExpiresAt <= now)
            {
                _entries.TryRemove(sessionId, out _);
            }
        }
    }
}

public sealed record SessionAccess(Guid UserId, UserRole Role, bool IsOpen, DateTimeOffset ExpiresAt);
