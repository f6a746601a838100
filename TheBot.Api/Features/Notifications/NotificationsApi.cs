using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Platform.Auth;
using TheBot.Api.Platform.Errors;
using TheBot.Api.Platform.Realtime;
using TheBot.Realtime.Contracts;

namespace TheBot.Api.Features.Notifications;

public static class NotificationsApi
{
    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder api)
    {
        var notifications = api.MapGroup("/notifications").WithTags("Notifications");
        notifications.MapGet("/", ListAsync).RequireSignedIn()
            .WithName("ListNotifications").WithSummary("My notifications: unread first, then newest first");
        notifications.MapPost("/{id:guid}/read", ReadAsync).RequireSignedIn()
            .WithName("MarkNotificationRead").WithSummary("Mark one notification read");
        notifications.MapPost("/read-all", ReadAllAsync).RequireSignedIn()
            .WithName("MarkAllNotificationsRead").WithSummary("Mark every notification read");
        notifications.MapPost("/{id:guid}/archive", ArchiveAsync).RequireSignedIn()
            .WithName("ArchiveNotification").WithSummary("Archive a notification (hidden from the default list)");
        notifications.MapGet("/settings", GetSettingsAsync).RequireSignedIn()
            .WithName("GetNotificationSettings").WithSummary("Types I switched off and my quiet hours");
        notifications.MapPut("/settings", PutSettingsAsync).RequireSignedIn()
            .WithName("UpdateNotificationSettings").WithSummary("Switch types off and set quiet hours (HH:mm, my time zone)");
        return api;
    }

    private static async Task<Ok<NotificationListResponse>> ListAsync(
        [AsParameters] NotificationQuery query, CurrentUser caller, TheBotDbContext db, CancellationToken ct)
    {
        var me = caller.Id;
        var archived = query.Archived == true;
        var mine = db.Notifications.AsNoTracking().Where(n => n.UserId == me && (archived ? n.ArchivedAt != null : n.ArchivedAt == null));
        var paging = query.Paging;
        var counts = await mine.GroupBy(_ => 1)
            .Select(g => new { Total = g.Count(), Unread = g.Count(n => n.ReadAt == null) })
            .FirstOrDefaultAsync(ct);
        var total = counts?.Total ?? 0;
        var items = total <= paging.Skip
            ? []
            : await mine
                .OrderBy(n => n.ReadAt == null ? 0 : 1).ThenByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
                .Skip(paging.Skip).Take(paging.Size)
                .Select(n => new NotificationResponse(n.Id, n.Type, n.Priority, n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt, n.ArchivedAt))
                .ToListAsync(ct);
        return TypedResults.Ok(new NotificationListResponse(
            items, paging.PageNumber, paging.Size, total, total == 0 ? 0 : (total + paging.Size - 1) / paging.Size, counts?.Unread ?? 0));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ReadAsync(
        Guid id, CurrentUser caller, TheBotDbContext db, IRealtimePublisher realtime, TimeProvider clock, CancellationToken ct)
    {
        var me = caller.Id;
        var now = clock.GetUtcNow();
        if (!await db.Notifications.AnyAsync(n => n.Id == id && n.UserId == me, ct))
        {
            return ApiProblems.NotFound("The notification");
        }

        var changed = await db.Notifications.Where(n => n.Id == id && n.UserId == me && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
        if (changed > 0)
        {
            await realtime.PublishAsync(NotificationEventNames.NotificationsRead, RealtimeAudience.ToUsers(me), new NotificationsReadEvent(id, now), ct);
        }

        return TypedResults.NoContent();
    }

    private static async Task<Ok<ReadAllResponse>> ReadAllAsync(
        CurrentUser caller, TheBotDbContext db, IRealtimePublisher realtime, TimeProvider clock, CancellationToken ct)
    {
        var me = caller.Id;
        var now = clock.GetUtcNow();
        var changed = await db.Notifications.Where(n => n.UserId == me && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
        if (changed > 0)
        {
            await realtime.PublishAsync(NotificationEventNames.NotificationsRead, RealtimeAudience.ToUsers(me), new NotificationsReadEvent(null, now), ct);
        }

        return TypedResults.Ok(new ReadAllResponse(changed));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ArchiveAsync(
        Guid id, CurrentUser caller, TheBotDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var me = caller.Id;
        var now = clock.GetUtcNow();
        var found = await db.Notifications.Where(n => n.Id == id && n.UserId == me)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ArchivedAt, n => n.ArchivedAt ?? now).SetProperty(n => n.ReadAt, n => n.ReadAt ?? now), ct);
        return found == 0 ? ApiProblems.NotFound("The notification") : TypedResults.NoContent();
    }

    private static async Task<Ok<NotificationSettingsResponse>> GetSettingsAsync(CurrentUser caller, TheBotDbContext db, CancellationToken ct)
    {
        var me = caller.Id;
        var row = await db.Users.AsNoTracking().Where(u => u.Id == me)
            .Select(u => new
            {
                u.TimeZone,
                Settings = db.NotificationSettings.Where(s => s.UserId == me).Select(s => new { s.DisabledTypes, s.QuietHoursStart, s.QuietHoursEnd }).FirstOrDefault(),
            })
            .FirstAsync(ct);
        return TypedResults.Ok(new NotificationSettingsResponse(
            row.Settings?.DisabledTypes ?? [], Format(row.Settings?.QuietHoursStart), Format(row.Settings?.QuietHoursEnd), row.TimeZone));
    }

    private static async Task<Results<Ok<NotificationSettingsResponse>, ValidationProblem>> PutSettingsAsync(
        NotificationSettingsRequest request, CurrentUser caller, TheBotDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var me = caller.Id;
        if ((request.QuietHoursStart is null) != (request.QuietHoursEnd is null))
        {
            return ApiProblems.Invalid("quietHoursEnd", "Give both ends of the quiet hours, or neither.");
        }

        if (request.DisabledTypes!.Any(t => string.IsNullOrWhiteSpace(t) || t.Length > 40))
        {
            return ApiProblems.Invalid("disabledTypes", "Each type is a name of at most 40 characters.");
        }

        var settings = await db.NotificationSettings.FirstOrDefaultAsync(s => s.UserId == me, ct);
        if (settings is null)
        {
            settings = new NotificationSettings { UserId = me };
            db.NotificationSettings.Add(settings);
        }

        settings.DisabledTypes = [.. request.DisabledTypes!.Select(t => t.Trim()).Distinct(StringComparer.Ordinal)];
        settings.QuietHoursStart = Parse(request.QuietHoursStart);
        settings.QuietHoursEnd = Parse(request.QuietHoursEnd);
        settings.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        var timeZone = await db.Users.Where(u => u.Id == me).Select(u => u.TimeZone).FirstAsync(ct);
        return TypedResults.Ok(new NotificationSettingsResponse(
            settings.DisabledTypes, Format(settings.QuietHoursStart), Format(settings.QuietHoursEnd), timeZone));
    }

    private static TimeOnly? Parse(string? hhmm) =>
        hhmm is null ? null : TimeOnly.ParseExact(hhmm, "HH:mm", CultureInfo.InvariantCulture);

    private static string? Format(TimeOnly? time) => time?.ToString("HH:mm", CultureInfo.InvariantCulture);
}
