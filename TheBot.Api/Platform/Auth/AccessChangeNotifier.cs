using Microsoft.Extensions.Options;
using StackExchange.Redis;
using TheBot.Realtime.Contracts;
using TheBot.ServiceDefaults.Authentication;

namespace TheBot.Api.Platform.Auth;

/// <summary>
/// Tells every api replica and every realtime replica that a session was revoked or a user's role or
/// state changed (see <see cref="AccessChanges"/>): api replicas' <see cref="SessionAccessCache"/> stops
/// answering from memory at once; realtime closes the connections that no longer pass and refuses new ones.
/// </summary>
public sealed partial class AccessChangeNotifier(
    SessionAccessCache cache,
    IConnectionMultiplexer redis,
    IOptions<JwtOptions> jwt,
    ILogger<AccessChangeNotifier> logger) : BackgroundService
{
    private static readonly RedisChannel Channel = RedisChannel.Literal(AccessChanges.Channel);

    private TimeSpan KeyLifetime => AccessChanges.KeyLifetime(jwt.Value.AccessTokenLifetime);

    public async Task SessionRevokedAsync(Guid sessionId)
    {
        cache.ForgetSession(sessionId);
        await MarkAsync(db => db.StringSetAsync(AccessChanges.RevokedSessionKey(sessionId), 1, KeyLifetime));
        await PublishAsync(AccessChanges.SessionMessage(sessionId));
    }

    /// <summary>
    /// Several sessions of one user were revoked at once (logout everywhere, password change). Each is
    /// named, not the user, so that listeners end exactly those and keep a session the change spared.
    /// </summary>
    public async Task SessionsRevokedAsync(Guid userId, IReadOnlyCollection<Guid> sessionIds)
    {
        ArgumentNullException.ThrowIfNull(sessionIds);
        cache.ForgetUser(userId);
        if (sessionIds.Count == 0)
        {
            return;
        }

        await MarkAsync(db => Task.WhenAll(sessionIds.Select(id => db.StringSetAsync(AccessChanges.RevokedSessionKey(id), 1, KeyLifetime))));
        foreach (var sessionId in sessionIds)
        {
            await PublishAsync(AccessChanges.SessionMessage(sessionId));
        }
    }

    /// <summary>The user's role or profile changed: nothing ends, but cached answers are stale.</summary>
    public async Task UserChangedAsync(Guid userId)
    {
        cache.ForgetUser(userId);
        await PublishAsync(AccessChanges.UserMessage(userId));
    }

    /// <summary>The user was deactivated or reactivated.</summary>
    public async Task UserActiveChangedAsync(Guid userId, bool isActive)
    {
        cache.ForgetUser(userId);
        var key = AccessChanges.InactiveUserKey(userId);
        await MarkAsync(db => isActive ? db.KeyDeleteAsync(key) : db.StringSetAsync(key, 1, KeyLifetime));
        await PublishAsync(AccessChanges.UserMessage(userId));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var queue = await redis.GetSubscriber().SubscribeAsync(Channel);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var message = (string?)(await queue.ReadAsync(stoppingToken)).Message;
                if (AccessChanges.TryParse(message, out var id, out var isSession))
                {
                    if (isSession)
                    {
                        cache.ForgetSession(id);
                    }
                    else
                    {
                        cache.ForgetUser(id);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            await queue.UnsubscribeAsync();
        }
    }

    /// <summary>Writes what ended before the signal goes out, so that whoever acts on the signal finds it.</summary>
    private async Task MarkAsync(Func<IDatabase, Task> write)
    {
        try
        {
            await write(redis.GetDatabase());
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // Realtime then keeps such a connection until its token expires (at most the access-token lifetime).
            LogMarkFailed(ex);
        }
    }

    private async Task PublishAsync(string message)
    {
        try
        {
            await redis.GetSubscriber().PublishAsync(Channel, message);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // Other replicas then notice within the cache's one-minute lifetime.
            LogPublishFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell other replicas about an access change; they will notice within a minute")]
    private partial void LogPublishFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record an ended session or deactivated user in Redis; realtime keeps such connections until their tokens expire")]
    private partial void LogMarkFailed(Exception exception);
}
