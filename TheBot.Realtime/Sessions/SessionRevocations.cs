using StackExchange.Redis;
using TheBot.Realtime.Contracts;

namespace TheBot.Realtime.Sessions;

/// <summary>
/// Whether api has ended a session or deactivated a user, read from the Redis keys api writes before it
/// signals the change (<see cref="AccessChanges"/>). Realtime has no database: these keys are how it
/// learns that a still-unexpired access token no longer speaks for anyone.
/// </summary>
public sealed class SessionRevocations(IConnectionMultiplexer redis)
{
    public async Task<bool> HasEndedAsync(Guid sessionId, Guid userId) =>
        await redis.GetDatabase().KeyExistsAsync([AccessChanges.RevokedSessionKey(sessionId), AccessChanges.InactiveUserKey(userId)]) > 0;
}
