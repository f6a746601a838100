using System.Collections.Concurrent;

namespace TheBot.Api.Platform.Auth;

/// <summary>
/// What every authenticated request needs to know beyond the token: is the session still open, is
/// the user still active, what is their role now. Answered from memory; entries live a minute at most
/// and are dropped at once when a session is revoked or a user changes (see <see cref="AccessChangeNotifier"/>).
/// </summary>
public sealed class SessionAccessCache(TimeProvider clock)
{
    private static readonly TimeSpan EntryLifetime = TimeSpan.FromSeconds(60);

    private readonly ConcurrentDictionary<Guid, (SessionAccess Access, long ExpiresAt)> _entries = new();

    /// <summary>The session's access from memory, or from <paramref name="load"/> (the database) when not known or stale.</summary>
    public async ValueTask<SessionAccess?> GetAsync(Guid sessionId, Func<Guid, CancellationToken, Task<SessionAccess?>> load, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(load);
        var now = clock.GetTimestamp();
        if (_entries.TryGetValue(sessionId, out var entry) && entry.ExpiresAt > now)
        {
            return entry.Access;
        }

        var access = await load(sessionId, cancellationToken);
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
