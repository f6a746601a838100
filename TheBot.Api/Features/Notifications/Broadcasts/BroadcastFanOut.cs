using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TheBot.Api.Data;
using TheBot.Api.Features.Notifications.Delivery;
using TheBot.Realtime.Contracts;
using TheBot.ServiceDefaults.Telemetry;

namespace TheBot.Api.Features.Notifications.Broadcasts;

/// <summary>
/// A hint to this replica's <see cref="BroadcastFanOut"/> that a broadcast is due now, so that it need not wait for its
/// next poll. Losing it loses nothing: the broadcast row is the work, and the next poll finds it.
/// </summary>
public sealed class BroadcastWakeUp
{
    private readonly Channel<bool> _signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Nudge() => _signal.Writer.TryWrite(true);

    /// <summary>Waits for a nudge or <paramref name="interval"/>, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan interval, TimeProvider clock, CancellationToken ct)
    {
        using var timeout = new CancellationTokenSource(interval, clock);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            await _signal.Reader.ReadAsync(either.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // The interval is up: poll.
        }
    }
}

/// <summary>
/// Fans broadcasts out on every api replica, driven by the <c>broadcasts</c> table: each poll
/// (<see cref="DeliveryOptions.PollInterval"/>, or at once when this replica took the request) claims one due pending
/// broadcast (<c>FOR UPDATE SKIP LOCKED</c> and a lease, <see cref="DeliveryOptions.Lease"/>: no two replicas take one),
/// stores it for its audience in chunks — each chunk one transaction of the notifications, their outbox rows and a
/// <see cref="BroadcastRecipient"/> per person — and marks it completed. The (broadcast, user) key makes the work
/// resumable: after a crash or a restart the broadcast is due again when the lease ends, and the fan-out carries on
/// with those not yet done, without doubling anyone's.
/// </summary>
public sealed partial class BroadcastFanOut(
    BroadcastWakeUp wakeUp, IServiceScopeFactory scopes, IOptions<DeliveryOptions> options, TimeProvider clock, ILogger<BroadcastFanOut> logger)
    : BackgroundService
{
    /// <summary>People per transaction: a broadcast to 10,000 is 20 short transactions, not one long one.</summary>
    public const int ChunkSize = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await RunOnceAsync(stoppingToken))
                {
                    // Another one may be due.
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The database may be down; the claimed broadcast is due again when its lease ends.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogFailed(ex);
            }

            try
            {
                await wakeUp.WaitAsync(options.Value.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Claims one due broadcast and fans it out; false when none was due.</summary>
    public async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        if (await ClaimAsync(ct) is not { } id)
        {
            return false;
        }

        await FanOutAsync(id, ct);
        return true;
    }

    /// <summary>Takes one due pending broadcast for <see cref="DeliveryOptions.Lease"/>; null when none is due (or all are taken).</summary>
    public async Task<Guid?> ClaimAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TheBotDbContext>();
        var now = clock.GetUtcNow();
        var leaseEnd = now + options.Value.Lease;
        using (UntracedWork.Begin("broadcast fan-out poll"))
        {
            var claimed = await db.Database.SqlQuery<ClaimedBroadcast>($"""
                UPDATE broadcasts AS b
                SET claimed_until = {leaseEnd}
                FROM (SELECT id FROM broadcasts
                      WHERE completed_at IS NULL AND cancelled_at IS NULL AND send_at <= {now}
                        AND (claimed_until IS NULL OR claimed_until <= {now})
                      ORDER BY send_at
                      LIMIT 1
                      FOR UPDATE SKIP LOCKED) AS due
                WHERE b.id = due.id
                RETURNING b.id
                """).ToListAsync(ct);
            return claimed.Count == 0 ? null : claimed[0].Id;
        }
    }

    /// <summary>Stores the claimed broadcast for everyone of its audience not yet done, chunk by chunk; then marks it completed.</summary>
    public async Task FanOutAsync(Guid id, CancellationToken ct)
    {
        Broadcast broadcast;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TheBotDbContext>();
            broadcast = await db.Broadcasts.AsNoTracking().FirstAsync(b => b.Id == id, ct);
        }

        while (await FanOutChunkAsync(broadcast, ct) > 0)
        {
            // The next chunk: those still without a recipient row.
        }

        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TheBotDbContext>();
            var now = clock.GetUtcNow();
            var reached = await db.BroadcastRecipients.CountAsync(r => r.BroadcastId == id && r.NotificationId != null, ct);
            await db.Broadcasts.Where(b => b.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.RecipientCount, reached).SetProperty(b => b.CompletedAt, now).SetProperty(b => b.ClaimedUntil, (DateTimeOffset?)null), ct);
            LogDone(id, reached);
        }
    }

    private async Task<int> FanOutChunkAsync(Broadcast broadcast, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TheBotDbContext>();
        var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
        var chunk = await BroadcastAudiences.Of(db, broadcast)
            .Where(u => !db.BroadcastRecipients.Any(r => r.BroadcastId == broadcast.Id && r.UserId == u))
            .OrderBy(u => u)
            .Take(ChunkSize)
            .ToListAsync(ct);
        if (chunk.Count == 0)
        {
            return 0;
        }

        await notifier.StageAsync(chunk, NotificationTypes.Broadcast, _ => new NotificationText(broadcast.Title, broadcast.Body, broadcast.Link), broadcast.Priority, ct);
        // The scope is this chunk's: every notification it tracks as added is one the notifier just staged.
        var staged = db.ChangeTracker.Entries<Notification>().Where(e => e.State == EntityState.Added).ToDictionary(e => e.Entity.UserId, e => e.Entity.Id);
        var now = clock.GetUtcNow();
        foreach (var userId in chunk)
        {
            db.BroadcastRecipients.Add(new BroadcastRecipient
            {
                BroadcastId = broadcast.Id,
                UserId = userId,
                NotificationId = staged.TryGetValue(userId, out var notificationId) ? notificationId : null,
                CreatedAt = now,
            });
        }

        // A replica that lost its lease (and so its broadcast) to another fails here on the (broadcast, user) key: nobody is doubled.
        await db.SaveChangesAsync(ct);
        await notifier.PublishStagedAsync(ct);
        var leaseEnd = clock.GetUtcNow() + options.Value.Lease;
        await db.Broadcasts.Where(b => b.Id == broadcast.Id).ExecuteUpdateAsync(s => s.SetProperty(b => b.ClaimedUntil, leaseEnd), ct);
        return chunk.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Broadcast {Id} stored for {Count} recipients")]
    private partial void LogDone(Guid id, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "A broadcast could not be fanned out; it is taken up again when its lease ends")]
    private partial void LogFailed(Exception exception);

    private sealed record ClaimedBroadcast(Guid Id);
}
