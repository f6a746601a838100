using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Features.Notifications.Delivery;
using TheBot.Api.Platform.Auth;

namespace TheBot.Api.Features.Notifications.Broadcasts;

/// <summary>
/// Broadcast recipients with their status over the app and every channel (<see cref="BroadcastRecipientStatus"/>),
/// worked out in the database (EXISTS on the outbox by notification), so that lists can filter and count by it.
/// </summary>
internal static class BroadcastRecipientRows
{
    /// <summary>The broadcasts' recipients counted by status, in one grouped query (the same rules as <see cref="Of"/>).</summary>
    public static Task<List<RecipientStatusCount>> CountAsync(TheBotDbContext db, Guid[] broadcastIds, CancellationToken ct) =>
        db.Database.SqlQuery<RecipientStatusCount>($"""
            SELECT r.broadcast_id, s.status, count(*)::int AS count
            FROM broadcast_recipients AS r
            CROSS JOIN LATERAL (SELECT CASE
                WHEN r.notification_id IS NULL THEN 'suppressed'
                WHEN EXISTS (SELECT 1 FROM notification_deliveries AS d WHERE d.notification_id = r.notification_id AND d.status = 'failed') THEN 'failed'
                WHEN EXISTS (SELECT 1 FROM notification_deliveries AS d WHERE d.notification_id = r.notification_id AND d.status = 'pending') THEN 'waiting'
                WHEN EXISTS (SELECT 1 FROM notification_deliveries AS d WHERE d.notification_id = r.notification_id AND d.status = 'sent') THEN 'sent'
                ELSE 'delivered' END AS status) AS s
            WHERE r.broadcast_id = ANY({broadcastIds})
            GROUP BY r.broadcast_id, s.status
            """).ToListAsync(ct);

    public static IQueryable<RecipientRow> Of(TheBotDbContext db) =>
        from r in db.BroadcastRecipients.AsNoTracking()
        join u in db.Users on r.UserId equals u.Id
        select new RecipientRow
        {
            BroadcastId = r.BroadcastId,
            UserId = r.UserId,
            FullName = u.FullName,
            Email = u.Email,
            Role = u.Role,
            NotificationId = r.NotificationId,
            ReadAt = db.Notifications.Where(n => n.Id == r.NotificationId).Select(n => n.ReadAt).FirstOrDefault(),
            Status = r.NotificationId == null ? BroadcastRecipientStatus.Suppressed
            : db.NotificationDeliveries.Any(d => d.NotificationId == r.NotificationId && d.Status == DeliveryStatus.Failed) ? BroadcastRecipientStatus.Failed
            : db.NotificationDeliveries.Any(d => d.NotificationId == r.NotificationId && d.Status == DeliveryStatus.Pending) ? BroadcastRecipientStatus.Waiting
            : db.NotificationDeliveries.Any(d => d.NotificationId == r.NotificationId && d.Status == DeliveryStatus.Sent) ? BroadcastRecipientStatus.Sent
            : BroadcastRecipientStatus.Delivered,
        };
}

internal sealed record RecipientStatusCount(Guid BroadcastId, string Status, int Count);

/// <summary>Set by member (not a constructor), so that EF can filter and sort on it.</summary>
internal sealed class RecipientRow
{
    public Guid BroadcastId { get; init; }

    public Guid UserId { get; init; }

    public required string FullName { get; init; }

    public string? Email { get; init; }

    public UserRole Role { get; init; }

    public Guid? NotificationId { get; init; }

    public DateTimeOffset? ReadAt { get; init; }

    public required string Status { get; init; }
}
