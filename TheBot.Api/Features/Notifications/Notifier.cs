using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Platform.Realtime;
using TheBot.Realtime.Contracts;

namespace TheBot.Api.Features.Notifications;

/// <summary>
/// Stores notifications and delivers them live — what other features call:
/// <c>await notifier.NotifyAsync([parentId], NotificationTypes.Invoice, "Invoice sent", body, link, NotificationPriority.Normal, ct)</c>.
/// Each recipient's settings apply: a type they switched off is not stored; during their quiet hours
/// (in their time zone) it is stored but not pushed, unless urgent. Storage first, then events (best effort).
/// </summary>
public sealed class Notifier(TheBotDbContext db, IRealtimePublisher realtime, TimeProvider clock)
{
    /// <summary>Notifies the users; returns how many notifications were stored.</summary>
    public async Task<int> NotifyAsync(
        IReadOnlyCollection<Guid> userIds,
        string type,
        string title,
        string? body,
        string? link,
        NotificationPriority priority = NotificationPriority.Normal,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        if (userIds.Count == 0)
        {
            return 0;
        }

        var ids = userIds.Distinct().ToList();
        var recipients = await db.Users.AsNoTracking()
            .Where(u => ids.Contains(u.Id) && u.IsActive)
            .Select(u => new
            {
                u.Id,
                u.TimeZone,
                Settings = db.NotificationSettings.Where(s => s.UserId == u.Id)
                    .Select(s => new { s.DisabledTypes, s.QuietHoursStart, s.QuietHoursEnd }).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        var now = clock.GetUtcNow();
        var stored = new List<(Notification Notification, bool Live)>();
        foreach (var recipient in recipients)
        {
            if (recipient.Settings?.DisabledTypes.Contains(type) == true && priority != NotificationPriority.Urgent)
            {
                continue;
            }

            var quiet = priority != NotificationPriority.Urgent
                && QuietHours.Contains(recipient.Settings?.QuietHoursStart, recipient.Settings?.QuietHoursEnd, recipient.TimeZone, now);
            var notification = new Notification
            {
                Id = Guid.CreateVersion7(),
                UserId = recipient.Id,
                Type = type,
                Priority = priority,
                Title = Truncate(title, 200),
                Body = body is null ? null : Truncate(body, 4000),
                Link = link,
                CreatedAt = now,
            };
            db.Notifications.Add(notification);
            stored.Add((notification, !quiet));
        }

        if (stored.Count == 0)
        {
            return 0;
        }

        await db.SaveChangesAsync(cancellationToken);
        var publishing = new List<Task>(stored.Count);
        foreach (var (notification, live) in stored)
        {
            db.Entry(notification).State = EntityState.Detached;
            if (live)
            {
                publishing.Add(realtime.PublishAsync(NotificationEventNames.Notification, RealtimeAudience.ToUsers(notification.UserId), ToEvent(notification), cancellationToken));
            }
        }

        // Pipelined: a message to a 100-member room must not wait for 100 Redis round trips one after another.
        await Task.WhenAll(publishing);

        return stored.Count;
    }

    public static NotificationEvent ToEvent(Notification n)
    {
        ArgumentNullException.ThrowIfNull(n);
        return new(n.Id, n.Type, PriorityName(n.Priority), n.Title, n.Body, n.Link, n.CreatedAt);
    }

    public static string PriorityName(NotificationPriority priority) => priority switch
    {
        NotificationPriority.Low => "low",
        NotificationPriority.High => "high",
        NotificationPriority.Urgent => "urgent",
        _ => "normal",
    };

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}

/// <summary>Quiet hours in a user's own time zone; a window may wrap midnight (22:00–07:00).</summary>
public static class QuietHours
{
    public static bool Contains(TimeOnly? start, TimeOnly? end, string timeZone, DateTimeOffset now)
    {
        if (start is not { } from || end is not { } to || from == to)
        {
            return false;
        }

        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var found) ? found : TimeZoneInfo.Utc;
        var local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        return from < to ? local >= from && local < to : local >= from || local < to;
    }
}
