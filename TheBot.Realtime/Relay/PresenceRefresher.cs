using StackExchange.Redis;
using Microsoft.Extensions.Options;
using TheBot.Realtime.Hubs;

namespace TheBot.Realtime.Relay;

/// <summary>Refreshes presence entries; on shutdown closes this replica's connections so clients reconnect elsewhere.</summary>
internal sealed partial class PresenceRefresher(
    PresenceTracker presence,
    ConnectionRegistry registry,
    IOptions<RealtimeLimits> limits,
    ILogger<PresenceRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(limits.Value.PresenceRefresh);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await presence.RefreshAsync();
                }
                catch (Exception ex) when (ex is RedisException or TimeoutException)
                {
                    LogRefreshFailed(ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Graceful drain: each connection is closed (OnDisconnectedAsync cleans presence and "viewing"
        // counters); clients with automatic reconnect come back through the front door to a live replica.
        var open = registry.All();
        LogDraining(open.Count);
        foreach (var connection in open)
        {
            connection.Context.Abort();
        }

        await base.StopAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not refresh presence")]
    private partial void LogRefreshFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Draining {Count} connections")]
    private partial void LogDraining(int count);
}
