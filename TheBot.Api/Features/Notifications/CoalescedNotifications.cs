using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Platform.Realtime;
using TheBot.Realtime.Contracts;

namespace TheBot.Api.Features.Notifications;

/// <summary>
/// Notifications that stand for a stream of events ("new messages in room X"): at most one row per user and
/// <see cref="Notification.CoalesceKey"/>, raised again in place (unread, unarchived, newest text) only once its
/// user has read or archived it. A user whose row is still unread costs nothing: a busy room writes no row and
/// takes no lock per message. Settings apply as for <see cref="Notifier"/>: a type switched off is not raised,
/// quiet hours keep it from being pushed.
/// </summary>
public sealed class CoalescedNotifications(TheBotDbContext db, IRealtimePublisher realtime)
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

        var publishing = raised
            .Where(r => !QuietHours.Contains(r.QuietHoursStart, r.QuietHoursEnd, r.TimeZone, now))
            .Select(r => realtime.PublishAsync(NotificationEventNames.Notification, RealtimeAudience.ToUsers(r.UserId),
                new NotificationEvent(r.Id, type, Notifier.PriorityName(NotificationPriority.Normal), title, body, link, now), ct));
        await Task.WhenAll(publishing);
        return raised.Count;
    }

    /// <summary>The user has seen what the notification stands for (e.g. read the room): it is read.</summary>
    public Task<int> ReadAsync(Guid userId, string key, DateTimeOffset now, CancellationToken ct) =>
        db.Notifications.Where(n => n.UserId == userId && n.CoalesceKey == key && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    private sealed record RaisedNotification(Guid Id, Guid UserId, string TimeZone, TimeOnly? QuietHoursStart, TimeOnly? QuietHoursEnd);
}
