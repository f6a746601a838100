using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TheBot.Api.Data;
using TheBot.Realtime.Contracts;
using TheBot.ServiceDefaults.Telemetry;

namespace TheBot.Api.Features.Notifications.Delivery;

/// <summary>
/// Works the outbox on every api replica: every <see cref="DeliveryOptions.PollInterval"/> it claims due pending
/// deliveries (<c>FOR UPDATE SKIP LOCKED</c>: two replicas never claim one row) and leases them
/// (<see cref="DeliveryOptions.Lease"/>, the attempt counted), sends each through its channel, and records the
/// outcome — sent; retried after <see cref="DeliveryOptions.RetryBaseDelay"/> doubled per failure (or as long as the far side asked); failed for good
/// after <see cref="DeliveryOptions.MaxAttempts"/> or on a permanent refusal (a refused address is remembered in the
/// user's settings and gets no more e-mail). A replica that dies mid-send leaves its rows due again when the lease ends.
/// </summary>
public sealed partial class DeliverySender(
    IServiceScopeFactory scopes,
    IEnumerable<INotificationChannel> channels,
    IOptions<DeliveryOptions> options,
    TimeProvider clock,
    ILogger<DeliverySender> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var enabled = channels.Where(c => c.Enabled).ToDictionary(c => c.Name, StringComparer.Ordinal);
        if (enabled.Count == 0)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                claimed = await SendDueAsync(enabled, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The database may be down; the next poll tries again.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogPollFailed(ex);
            }

            if (claimed < options.Value.BatchSize)
            {
                try
                {
                    await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Claims and sends one batch; returns how many deliveries it claimed.</summary>
    public async Task<int> SendDueAsync(IReadOnlyDictionary<string, INotificationChannel> enabled, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(enabled);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TheBotDbContext>();
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var leaseEnd = now + settings.Lease;
        var names = enabled.Keys.ToArray();
        List<ClaimedDelivery> claimed;
        using (UntracedWork.Begin("delivery-sender poll"))
        {
            claimed = await db.Database.SqlQuery<ClaimedDelivery>($"""
                UPDATE notification_deliveries AS d
                SET attempts = d.attempts + 1, next_attempt_at = {leaseEnd}
                FROM (SELECT id FROM notification_deliveries
                      WHERE status = 'pending' AND next_attempt_at <= {now} AND channel = ANY({names})
                      ORDER BY next_attempt_at
                      LIMIT {settings.BatchSize}
                      FOR UPDATE SKIP LOCKED) AS due
                WHERE d.id = due.id
                RETURNING d.id, d.attempts
                """).ToListAsync(ct);
        }

        if (claimed.Count == 0)
        {
            return 0;
        }

        var ids = claimed.Select(c => c.Id).ToList();
        var rows = await (
            from d in db.NotificationDeliveries.AsNoTracking()
            where ids.Contains(d.Id)
            join n in db.Notifications on d.NotificationId equals n.Id
            join u in db.Users on d.UserId equals u.Id
            select new
            {
                d.Id,
                d.Channel,
                d.Attempts,
                Notification = new { n.Id, n.Type, n.Title, n.Body, n.Link, n.ReadAt },
                User = new { u.Id, u.FullName, u.Email, u.Language, u.Role, u.IsActive },
                Settings = db.NotificationSettings.FirstOrDefault(s => s.UserId == u.Id),
            }).ToListAsync(ct);
        var reachable = await ChannelReach.ReadAsync(
            [.. rows.Select(r => enabled[r.Channel]).Distinct()], [.. rows.Select(r => r.User.Id).Distinct()], ct);

        foreach (var row in rows)
        {
            var channel = enabled[row.Channel];
            DeliveryOutcome outcome;
            if (!row.User.IsActive)
            {
                outcome = DeliveryOutcome.Suppressed("The account is deactivated.");
            }
            else if (row.Notification.Type == NotificationTypes.ChatMessage && row.Notification.ReadAt is not null)
            {
                outcome = DeliveryOutcome.Suppressed("Read in the app before it went out.");
            }
            else if (channel.Decide(new ChannelRecipient(row.User.Id, row.User.Role, row.User.Email, row.Settings, ChannelReach.Contains(reachable, channel, row.User.Id)), row.Notification.Type) is var decision
                     && decision != ChannelDecision.Send)
            {
                outcome = DeliveryOutcome.Suppressed(decision == ChannelDecision.Skip
                    ? "The user no longer wants this type on this channel."
                    : "The address was refused earlier.");
            }
            else
            {
                outcome = await channel.SendAsync(
                    new OutgoingNotification(row.Id, row.Notification.Id, row.Notification.Type, row.Notification.Title, row.Notification.Body,
                        row.Notification.Link, row.User.Id, row.User.FullName, row.User.Email, row.User.Language),
                    ct);
            }

            await RecordAsync(db, row.Id, row.Attempts, row.User.Id, row.User.Email, outcome, ct);
        }

        return claimed.Count;
    }

    private async Task RecordAsync(
        TheBotDbContext db, Guid id, int attempts, Guid userId, string? address, DeliveryOutcome outcome, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var error = outcome.Error is { Length: > 1000 } longError ? longError[..1000] : outcome.Error;
        var mine = db.NotificationDeliveries.Where(d => d.Id == id && d.Attempts == attempts && d.Status == DeliveryStatus.Pending);
        switch (outcome.Result)
        {
            case DeliveryResult.Sent:
                await mine.ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeliveryStatus.Sent).SetProperty(d => d.SentAt, now).SetProperty(d => d.LastError, (string?)null), ct);
                break;
            case DeliveryResult.Retry when attempts < options.Value.MaxAttempts:
                // The far side's own wait (Telegram's retry_after) when it gave one, else the backoff.
                var next = now + (outcome.RetryAfter ?? options.Value.RetryDelayAfter(attempts));
                await mine.ExecuteUpdateAsync(s => s.SetProperty(d => d.NextAttemptAt, next).SetProperty(d => d.LastError, error), ct);
                break;
            case DeliveryResult.Suppressed:
                await mine.ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeliveryStatus.Suppressed).SetProperty(d => d.LastError, error), ct);
                break;
            case DeliveryResult.AddressRefused:
                await mine.ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeliveryStatus.Failed).SetProperty(d => d.LastError, error), ct);
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO notification_settings AS s (user_id, disabled_types, email_refused_address, email_refused_at, email_refused_reason, updated_at)
                    VALUES ({userId}, ARRAY[]::text[], {address}, {now}, {error}, {now})
                    ON CONFLICT (user_id) DO UPDATE
                    SET email_refused_address = excluded.email_refused_address, email_refused_at = excluded.email_refused_at,
                        email_refused_reason = excluded.email_refused_reason
                    """, ct);
                LogAddressRefused(userId, error);
                break;
            default:
                // Failed, or a passing failure once too often: given up.
                await mine.ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeliveryStatus.Failed).SetProperty(d => d.LastError, error), ct);
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The delivery sender's poll failed; it tries again at the next one")]
    private partial void LogPollFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The mail server refused user {UserId}'s address for good ({Error}); no more e-mail goes to it")]
    private partial void LogAddressRefused(Guid userId, string? error);

    private sealed record ClaimedDelivery(Guid Id, int Attempts);
}
