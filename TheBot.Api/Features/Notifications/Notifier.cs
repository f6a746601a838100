using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Features.Notifications.Delivery;
using TheBot.Api.Platform.Auth;
using TheBot.Api.Platform.Realtime;
using TheBot.Api.Platform.Time;
using TheBot.Realtime.Contracts;

namespace TheBot.Api.Features.Notifications;

/// <summary>
/// Stores notifications and delivers them live — the one way features create them:
/// <c>await notifier.NotifyAsync([parentId], NotificationTypes.Invoice, "Invoice sent", body, link, NotificationPriority.Normal, ct)</c>.
/// Each recipient's settings apply: a type they switched off is not stored; during their quiet hours
/// (in their time zone) it is stored but not pushed, unless urgent. Storage first, then events (best effort).
/// <para>
/// A notification that must land with the change it tells of is staged instead: <see cref="StageAsync"/> before the
/// change's <c>SaveChangesAsync</c> (the rows go in that save: one transaction, one batch, nothing lost if the
/// change fails and nothing without it), <see cref="PublishStagedAsync"/> after it.
/// </para>
/// <para>
/// The same save writes the outbox (<see cref="NotificationDelivery"/>): a row per enabled channel
/// (<see cref="INotificationChannel"/>: e-mail, Web Push, Telegram) that the recipient wants the type on, due at once or, during their
/// quiet hours, when those end (urgent ones at once).
/// </para>
/// </summary>
public sealed class Notifier(TheBotDbContext db, IRealtimePublisher realtime, TimeProvider clock, IEnumerable<INotificationChannel> channels)
{
    private readonly List<(Notification Notification, bool Live)> _staged = [];

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
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        return await NotifyAsync(userIds, type, _ => new NotificationText(title, body, link), priority, cancellationToken);
    }

    /// <summary>Notifies the users, each in their own words (<see cref="NotificationRecipient.Say"/>); returns how many were stored.</summary>
    public async Task<int> NotifyAsync(
        IReadOnlyCollection<Guid> userIds,
        string type,
        Func<NotificationRecipient, NotificationText> text,
        NotificationPriority priority = NotificationPriority.Normal,
        CancellationToken cancellationToken = default)
    {
        var stored = await StageAsync(userIds, type, text, priority, cancellationToken);
        if (stored == 0)
        {
            return 0;
        }

        await db.SaveChangesAsync(cancellationToken);
        await PublishStagedAsync(cancellationToken);
        return stored;
    }

    /// <summary>
    /// Adds the users' notifications to the pending changes, each written for its recipient (language, time zone):
    /// saved by the caller's next <c>SaveChangesAsync</c>. One query reads every recipient and their settings.
    /// Returns how many were staged.
    /// </summary>
    public async Task<int> StageAsync(
        IReadOnlyCollection<Guid> userIds,
        string type,
        Func<NotificationRecipient, NotificationText> text,
        NotificationPriority priority = NotificationPriority.Normal,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
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
                u.Language,
                u.Role,
                u.Email,
                Settings = db.NotificationSettings.FirstOrDefault(s => s.UserId == u.Id),
            })
            .ToListAsync(cancellationToken);

        var now = clock.GetUtcNow();
        var outward = channels.Where(c => c.Enabled).ToList();
        var reachable = await ChannelReach.ReadAsync(outward, ids, cancellationToken);
        var staged = 0;
        foreach (var recipient in recipients)
        {
            if (recipient.Settings?.DisabledTypes.Contains(type) == true && priority != NotificationPriority.Urgent)
            {
                continue;
            }

            var quiet = priority != NotificationPriority.Urgent
                && QuietHours.Contains(recipient.Settings?.QuietHoursStart, recipient.Settings?.QuietHoursEnd, recipient.TimeZone, now);
            var (title, body, link) = text(new NotificationRecipient(recipient.Id, recipient.Role, recipient.Language, recipient.TimeZone));
            ArgumentException.ThrowIfNullOrWhiteSpace(title);
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
            _staged.Add((notification, !quiet));
            foreach (var channel in outward)
            {
                var decision = channel.Decide(new ChannelRecipient(recipient.Id, recipient.Role, recipient.Email, recipient.Settings, ChannelReach.Contains(reachable, channel, recipient.Id)), type);
                if (decision == ChannelDecision.Skip)
                {
                    continue;
                }

                db.NotificationDeliveries.Add(new NotificationDelivery
                {
                    Id = Guid.CreateVersion7(),
                    NotificationId = notification.Id,
                    UserId = recipient.Id,
                    Channel = channel.Name,
                    Status = decision == ChannelDecision.Send ? DeliveryStatus.Pending : DeliveryStatus.Suppressed,
                    LastError = decision == ChannelDecision.Send ? null : "The user cannot be reached on this channel (no address, or it was refused).",
                    NextAttemptAt = quiet
                        ? QuietHours.EndAfter(recipient.Settings!.QuietHoursStart!.Value, recipient.Settings.QuietHoursEnd!.Value, recipient.TimeZone, now)
                        : now,
                    CreatedAt = now,
                });
            }
            staged++;
        }

        return staged;
    }

    /// <summary>After the save that stored the staged notifications: pushes them live (not in quiet hours); forgets them.</summary>
    public async Task PublishStagedAsync(CancellationToken cancellationToken)
    {
        var publishing = new List<Task>(_staged.Count);
        foreach (var (notification, live) in _staged)
        {
            var entry = db.Entry(notification);
            if (entry.State != EntityState.Unchanged)
            {
                // Not saved (the change failed or was discarded): nothing to tell.
                continue;
            }

            entry.State = EntityState.Detached;
            foreach (var delivery in db.ChangeTracker.Entries<NotificationDelivery>().Where(d => d.Entity.NotificationId == notification.Id).ToList())
            {
                delivery.State = EntityState.Detached;
            }

            if (live)
            {
                publishing.Add(realtime.PublishAsync(NotificationEventNames.Notification, RealtimeAudience.ToUsers(notification.UserId), ToEvent(notification), cancellationToken));
            }
        }

        _staged.Clear();

        // Pipelined: a message to a 100-member room must not wait for 100 Redis round trips one after another.
        await Task.WhenAll(publishing);
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

/// <summary>Who a staged notification is written for: its text follows their language (ru, en) and time zone, its link their role's pages.</summary>
public sealed record NotificationRecipient(Guid UserId, UserRole Role, string Language, string TimeZone)
{
    public bool Russian => Language == "ru";

    /// <summary>A moment in the recipient's time zone, as they read it: "05.12 18:00" / "Dec 5, 18:00".</summary>
    public string Time(DateTimeOffset at)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        var local = TimeZoneInfo.ConvertTime(at, zone);
        return Russian
            ? local.ToString("d MMMM HH:mm", System.Globalization.CultureInfo.GetCultureInfo("ru-RU"))
            : local.ToString("MMM d, HH:mm", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The English or the Russian text, as the recipient reads.</summary>
    public NotificationText Say(NotificationText english, NotificationText russian) => Russian ? russian : english;
}

/// <summary>A notification's text for one recipient, and where it leads them (an app-relative link).</summary>
public sealed record NotificationText(string Title, string? Body, string? Link = null)
{
    /// <summary>The same text leading to <paramref name="link"/>.</summary>
    public NotificationText To(string? link) => this with { Link = link };
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

        var local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, UserTimeZone.Find(timeZone)).DateTime);
        return from < to ? local >= from && local < to : local >= from || local < to;
    }

    /// <summary>The first instant after <paramref name="now"/> at which the quiet hours end (local <paramref name="end"/> in the zone).</summary>
    public static DateTimeOffset EndAfter(TimeOnly start, TimeOnly end, string timeZone, DateTimeOffset now)
    {
        _ = start;
        var zone = UserTimeZone.Find(timeZone);
        var local = TimeZoneInfo.ConvertTime(now, zone).DateTime;
        var ending = local.Date + end.ToTimeSpan();
        if (ending <= local)
        {
            ending = ending.AddDays(1);
        }

        // An end skipped by a DST change comes a little later.
        while (zone.IsInvalidTime(ending))
        {
            ending = ending.AddMinutes(30);
        }

        return new DateTimeOffset(DateTime.SpecifyKind(ending, DateTimeKind.Unspecified), zone.GetUtcOffset(ending)).ToUniversalTime();
    }
}
