using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TheBot.Api.Data;
using TheBot.Api.Features.Notifications.Delivery;
using TheBot.Api.Platform.Realtime;
using TheBot.Realtime.Contracts;

namespace TheBot.Api.Features.Notifications;

/// <summary>
/// Notifications that stand for a stream of events ("new messages in room X"): at most one row per user and
/// <see cref="Notification.CoalesceKey"/>, raised again in place (unread, unarchived, newest text) only once its
/// user has read or archived it. A user whose row is still unread costs nothing: a busy room writes no row and
/// takes no lock per message. Settings apply as for <see cref="Notifier"/>: a type switched off is not raised,
/// quiet hours keep it from being pushed.
/// <para>
/// Each raise also queues the notification on the channels the user wants the type on (one outbox row per
/// notification and channel, made due again by the next raise): e-mail only after
/// <see cref="DeliveryOptions.ChatEmailDelay"/>, and not at all if it was read by then.
/// </para>
/// </summary>
public sealed class CoalescedNotifications(
    TheBotDbContext db, IRealtimePublisher realtime, IEnumerable<INotificationChannel> channels, IOptions<DeliveryOptions> deliveryOptions)
{
    /// <summary>Raises the users' notification under <paramref name="key"/> in one statement; returns how many were raised.</summary>
    public async Task<int> RaiseAsync(
        IReadOnlyCollection<Guid> userIds, string type, string key, string title, string? body, string? link, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        if (userIds.Count == 0)
        {
            return 0;
        }

        var ids = userIds.Distinct().ToArray();
        var priority = NotificationPriority.Normal.ToString();
        title = Truncate(title, 200);
        body = body is null ? null : Truncate(body, 4000);
        // Users in id order, so that two raises for one room take row locks in the same order.
        var raised = await db.Database.SqlQuery<RaisedNotification>($"""
            WITH raised AS (
                INSERT INTO notifications AS n (id, user_id, type, priority, title, body, link, created_at, coalesce_key)
                SELECT gen_random_uuid(), u.id, {type}, {priority}, {title}, {body}, {link}, {now}, {key}
                FROM users AS u
                WHERE u.id = ANY({ids}) AND u.is_active
                  AND NOT EXISTS (SELECT 1 FROM notification_settings AS s WHERE s.user_id = u.id AND {type} = ANY(s.disabled_types))
                  AND NOT EXISTS (SELECT 1 FROM notifications AS x
                                  WHERE x.user_id = u.id AND x.coalesce_key = {key} AND x.read_at IS NULL AND x.archived_at IS NULL)
                ORDER BY u.id
                ON CONFLICT (user_id, coalesce_key) WHERE coalesce_key IS NOT NULL
                DO UPDATE SET title = excluded.title, body = excluded.body, created_at = excluded.created_at, read_at = NULL, archived_at = NULL
                RETURNING n.id, n.user_id)
            SELECT raised.id, raised.user_id, u.time_zone, s.quiet_hours_start, s.quiet_hours_end
            FROM raised
            JOIN users AS u ON u.id = raised.user_id
            LEFT JOIN notification_settings AS s ON s.user_id = raised.user_id
            """).ToListAsync(ct);

        await QueueDeliveriesAsync(raised, type, now, ct);

        var publishing = raised
            .Where(r => !QuietHours.Contains(r.QuietHoursStart, r.QuietHoursEnd, r.TimeZone, now))
            .Select(r => realtime.PublishAsync(NotificationEventNames.Notification, RealtimeAudience.ToUsers(r.UserId),
                new NotificationEvent(r.Id, type, Notifier.PriorityName(NotificationPriority.Normal), title, body, link, now), ct));
        await Task.WhenAll(publishing);
        return raised.Count;
    }

    private async Task QueueDeliveriesAsync(List<RaisedNotification> raised, string type, DateTimeOffset now, CancellationToken ct)
    {
        var outward = channels.Where(c => c.Enabled).ToList();
        if (raised.Count == 0 || outward.Count == 0)
        {
            return;
        }

        var userIds = raised.Select(r => r.UserId).ToList();
        var recipients = await db.Users.AsNoTracking()
            .Where(u => userIds.Contains(u.Id))
            .Select(u => new
            {
                u.Id,
                u.Role,
                u.Email,
                Settings = db.NotificationSettings.FirstOrDefault(s => s.UserId == u.Id),
            })
            .ToDictionaryAsync(u => u.Id, ct);
        var reachable = await ChannelReach.ReadAsync(outward, userIds, ct);
        var notificationIds = raised.Select(r => r.Id).ToList();
        var earlier = await db.NotificationDeliveries
            .Where(d => notificationIds.Contains(d.NotificationId))
            .ToListAsync(ct);

        foreach (var notification in raised)
        {
            if (!recipients.TryGetValue(notification.UserId, out var recipient))
            {
                continue;
            }

            var quiet = QuietHours.Contains(notification.QuietHoursStart, notification.QuietHoursEnd, notification.TimeZone, now);
            foreach (var channel in outward)
            {
                var decision = channel.Decide(new ChannelRecipient(recipient.Id, recipient.Role, recipient.Email, recipient.Settings, ChannelReach.Contains(reachable, channel, recipient.Id)), type);
                if (decision == ChannelDecision.Skip)
                {
                    continue;
                }

                var due = quiet
                    ? QuietHours.EndAfter(notification.QuietHoursStart!.Value, notification.QuietHoursEnd!.Value, notification.TimeZone, now)
                    : now;
                if (channel.Name == EmailChannel.ChannelName && due < now + deliveryOptions.Value.ChatEmailDelay)
                {
                    due = now + deliveryOptions.Value.ChatEmailDelay;
                }

                var status = decision == ChannelDecision.Send ? DeliveryStatus.Pending : DeliveryStatus.Suppressed;
                var error = decision == ChannelDecision.Send ? null : "The user cannot be reached on this channel (no address, or it was refused).";
                var row = earlier.Find(d => d.NotificationId == notification.Id && d.Channel == channel.Name);
                if (row is null)
                {
                    db.NotificationDeliveries.Add(new NotificationDelivery
                    {
                        Id = Guid.CreateVersion7(),
                        NotificationId = notification.Id,
                        UserId = notification.UserId,
                        Channel = channel.Name,
                        Status = status,
                        LastError = error,
                        NextAttemptAt = due,
                        CreatedAt = now,
                    });
                }
                else if (row.Status != DeliveryStatus.Pending)
                {
                    // The last raise's delivery is done (sent, or read in time): this raise is a new occasion.
                    row.Status = status;
                    row.LastError = error;
                    row.Attempts = 0;
                    row.SentAt = null;
                    row.NextAttemptAt = due;
                }
            }
        }

        await db.SaveChangesAsync(ct);
        foreach (var entry in db.ChangeTracker.Entries<NotificationDelivery>().ToList())
        {
            entry.State = EntityState.Detached;
        }
    }

    /// <summary>The user has seen what the notification stands for (e.g. read the room): it is read.</summary>
    public Task<int> ReadAsync(Guid userId, string key, DateTimeOffset now, CancellationToken ct) =>
        db.Notifications.Where(n => n.UserId == userId && n.CoalesceKey == key && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    private sealed record RaisedNotification(Guid Id, Guid UserId, string TimeZone, TimeOnly? QuietHoursStart, TimeOnly? QuietHoursEnd);
}
