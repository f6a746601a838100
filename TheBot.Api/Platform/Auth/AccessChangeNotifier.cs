using StackExchange.Redis;

namespace TheBot.Api.Platform.Auth;

/// <summary>
/// Tells every api replica that a session was revoked or a user's role or state changed, so that
/// their <see cref="SessionAccessCache"/> stops answering from memory at once.
/// </summary>
public sealed partial class AccessChangeNotifier(
    SessionAccessCache cache,
    IConnectionMultiplexer redis,
    ILogger<AccessChangeNotifier> logger) : BackgroundService
{
    private static readonly RedisChannel Channel = RedisChannel.Literal("thebot:auth:access-changed");

    public async Task SessionRevokedAsync(Guid sessionId)
    {
        cache.ForgetSession(sessionId);
        await PublishAsync($"s:{sessionId:N}");
    }

    public async Task UserChangedAsync(Guid userId)
    {
        cache.ForgetUser(userId);
        await PublishAsync($"u:{userId:N}");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var queue = await redis.GetSubscriber().SubscribeAsync(Channel);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var message = (string?)(await queue.ReadAsync(stoppingToken)).Message;
                if (message is { Length: 34 } && Guid.TryParseExact(message.AsSpan(2), "N", out var id))
                {
                    if (message[0] == 's')
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

    private async Task PublishAsync(string message)
    {
        try
        {
            await redis.GetSubscriber().PublishAsync(Channel, message);
        }
        catch (RedisException ex)
        {
            // Other replicas then notice within the cache's one-minute lifetime.
            LogPublishFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell other replicas about an access change; they will notice within a minute")]
    private partial void LogPublishFailed(Exception exception);
}
