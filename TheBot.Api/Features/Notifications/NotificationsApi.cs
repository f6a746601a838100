using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Features.Notifications.Delivery;
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
            .WithName("UpdateNotificationSettings").WithSummary("Switch types off, choose the types e-mailed, pushed and sent to Telegram, set quiet hours (HH:mm, my time zone)");
        notifications.MapGet("/unsubscribe", UnsubscribePageAsync).AllowAnyone()
            .WithName("UnsubscribePage").WithSummary("The page an e-mail's unsubscribe link opens (no sign-in): one button stops that type of e-mail; a broken link is a page for browsers, problem details for other clients")
            .Produces(StatusCodes.Status200OK, contentType: "text/html");
        notifications.MapPost("/unsubscribe", UnsubscribeAsync).AllowAnyone()
            .WithName("Unsubscribe").WithSummary("Stop one type of e-mail with the signed token of its link (no sign-in; also RFC 8058 one-click)")
            .Produces(StatusCodes.Status200OK, contentType: "text/html");
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

    private static async Task<Ok<NotificationSettingsResponse>> GetSettingsAsync(
        CurrentUser caller, TheBotDbContext db, EmailChannel email, [FromServices] IEnumerable<INotificationChannel> channels, CancellationToken ct)
    {
        var me = caller.Id;
        var row = await db.Users.AsNoTracking().Where(u => u.Id == me)
            .Select(u => new
            {
                u.TimeZone,
                u.Role,
                u.Email,
                Settings = db.NotificationSettings.FirstOrDefault(s => s.UserId == me),
            })
            .FirstAsync(ct);
        return TypedResults.Ok(Response(row.Settings, row.Role, row.TimeZone, row.Email, email, PushFrom(channels), await TelegramFor(me, channels, ct)));
    }

    private static NotificationSettingsResponse Response(
        NotificationSettings? settings, UserRole role, string timeZone, string? address, EmailChannel email, INotificationChannel? push, INotificationChannel? telegram) =>
        new(
            settings?.DisabledTypes ?? [],
            Format(settings?.QuietHoursStart),
            Format(settings?.QuietHoursEnd),
            timeZone,
            email.Enabled ? EmailChannel.ChosenTypes(role, settings) : [],
            email.Enabled ? EmailChannel.SupportedTypes : [],
            settings?.EmailRefusedAddress is { } refused && settings.EmailRefusedAt is { } at
                && string.Equals(refused, address, StringComparison.OrdinalIgnoreCase)
                ? new EmailRefusalResponse(refused, at, settings.EmailRefusedReason)
                : null,
            push?.TypesChosenBy(role, settings) ?? [],
            push?.OfferedTypes ?? [],
            telegram?.TypesChosenBy(role, settings) ?? [],
            telegram?.OfferedTypes ?? []);

    /// <summary>
    /// The Web Push channel when it is configured (Features/Push provides it; found by name so that notifications need not
    /// know the feature). Offered whether or not this browser is subscribed yet: the settings are where one subscribes.
    /// </summary>
    private static INotificationChannel? PushFrom(IEnumerable<INotificationChannel> channels) =>
        channels.FirstOrDefault(c => c.Name == PushChannelName && c.Enabled);

    private const string PushChannelName = "push";

    /// <summary>The Telegram channel when it is configured and can reach the user (a linked chat that has not blocked the bot).</summary>
    private static async Task<INotificationChannel?> TelegramFor(Guid userId, IEnumerable<INotificationChannel> channels, CancellationToken ct)
    {
        var telegram = channels.FirstOrDefault(c => c.Name == TelegramChannelName && c.Enabled);
        return telegram is not null && (await telegram.ReachableAsync([userId], ct))?.Contains(userId) != false ? telegram : null;
    }

    /// <summary>The outbox channel that Features/Telegram provides (named, so that notifications need not know the feature).</summary>
    private const string TelegramChannelName = "telegram";

    private static async Task<Results<Ok<NotificationSettingsResponse>, ValidationProblem>> PutSettingsAsync(
        NotificationSettingsRequest request, CurrentUser caller, TheBotDbContext db, EmailChannel email, [FromServices] IEnumerable<INotificationChannel> channels, TimeProvider clock,
        CancellationToken ct)
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

        if (request.EmailTypes?.Any(t => !EmailChannel.SupportedTypes.Contains(t)) == true)
        {
            return ApiProblems.Invalid("emailTypes", $"E-mail can be had for these types only: {string.Join(", ", EmailChannel.SupportedTypes)}.");
        }

        var pushOffered = channels.FirstOrDefault(c => c.Name == PushChannelName)?.OfferedTypes ?? [];
        if (request.PushTypes?.Any(t => !pushOffered.Contains(t)) == true)
        {
            return ApiProblems.Invalid("pushTypes", $"Web Push can be had for these types only: {string.Join(", ", pushOffered)}.");
        }

        var telegramOffered = channels.FirstOrDefault(c => c.Name == TelegramChannelName)?.OfferedTypes ?? [];
        if (request.TelegramTypes?.Any(t => !telegramOffered.Contains(t)) == true)
        {
            return ApiProblems.Invalid("telegramTypes", $"Telegram messages can be had for these types only: {string.Join(", ", telegramOffered)}.");
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
        if (request.EmailTypes is { } emailTypes)
        {
            settings.EmailTypes = [.. emailTypes.Distinct(StringComparer.Ordinal)];
        }

        if (request.PushTypes is { } pushTypes)
        {
            settings.PushTypes = [.. pushTypes.Distinct(StringComparer.Ordinal)];
        }

        if (request.TelegramTypes is { } telegramTypes)
        {
            settings.TelegramTypes = [.. telegramTypes.Distinct(StringComparer.Ordinal)];
        }

        settings.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        var user = await db.Users.Where(u => u.Id == me).Select(u => new { u.TimeZone, u.Role, u.Email }).FirstAsync(ct);
        return TypedResults.Ok(Response(settings, user.Role, user.TimeZone, user.Email, email, PushFrom(channels), await TelegramFor(me, channels, ct)));
    }

    private static async Task<Results<ContentHttpResult, ValidationProblem>> UnsubscribePageAsync(
        string? token, HttpRequest httpRequest, UnsubscribeTokens tokens, TheBotDbContext db, CancellationToken ct)
    {
        if (!tokens.TryRead(token, out var request))
        {
            return InvalidLink(httpRequest);
        }

        var language = await db.Users.Where(u => u.Id == request.UserId).Select(u => u.Language).FirstOrDefaultAsync(ct);
        if (language is null)
        {
            return InvalidLink(httpRequest);
        }

        var russian = language == "ru";
        var type = NotificationTypeNames.Of(request.Type, russian);
        return Page(StatusCodes.Status200OK, russian,
            russian ? "Отписаться от писем" : "Unsubscribe",
            russian ? $"Больше не присылать письма «{type}»?" : $"Stop e-mails about “{type}”?",
            $"""<form method="post" action="?token={WebUtility.HtmlEncode(Uri.EscapeDataString(token!))}"><button type="submit">{(russian ? "Отписаться" : "Unsubscribe")}</button></form>""");
    }

    private static async Task<Results<ContentHttpResult, ValidationProblem>> UnsubscribeAsync(
        string? token, HttpRequest httpRequest, UnsubscribeTokens tokens, TheBotDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (!tokens.TryRead(token, out var request) || request.Channel != EmailChannel.ChannelName)
        {
            return InvalidLink(httpRequest);
        }

        var user = await db.Users.Where(u => u.Id == request.UserId).Select(u => new { u.Role, u.Language }).FirstOrDefaultAsync(ct);
        if (user is null)
        {
            return InvalidLink(httpRequest);
        }

        var settings = await db.NotificationSettings.FirstOrDefaultAsync(s => s.UserId == request.UserId, ct);
        if (settings is null)
        {
            settings = new NotificationSettings { UserId = request.UserId };
            db.NotificationSettings.Add(settings);
        }

        settings.EmailTypes = [.. EmailChannel.ChosenTypes(user.Role, settings).Where(t => t != request.Type)];
        settings.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);

        var russian = user.Language == "ru";
        var type = NotificationTypeNames.Of(request.Type, russian);
        return Page(StatusCodes.Status200OK, russian,
            russian ? "Вы отписались" : "Unsubscribed",
            russian ? $"Письма «{type}» больше не придут. Вернуть их можно в профиле, в настройках уведомлений." : $"You will get no more “{type}” e-mails. You can turn them back on in your profile's notification settings.",
            "");
    }

    /// <summary>
    /// A browser that followed a broken link gets a page saying so; any other client (a mail program's one-click POST,
    /// a script) gets problem details, like every other 400 of the API.
    /// </summary>
    private static Results<ContentHttpResult, ValidationProblem> InvalidLink(HttpRequest request)
    {
        const string English = "This unsubscribe link is not valid. Sign in and change your notification settings in your profile.";
        if (!request.GetTypedHeaders().Accept.Any(accept => accept.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase)))
        {
            return ApiProblems.Invalid("token", English);
        }

        return Page(StatusCodes.Status400BadRequest, russian: false,
            "Link not valid / Ссылка недействительна",
            English + " / Ссылка для отписки недействительна: войдите и измените настройки уведомлений в профиле.",
            "");
    }

    private static ContentHttpResult Page(int status, bool russian, string heading, string text, string form) => TypedResults.Content(
        $"""
        <!DOCTYPE html>
        <html lang="{(russian ? "ru" : "en")}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
        <title>{WebUtility.HtmlEncode(heading)}</title></head>
        <body style="font-family:sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem"><h1>{WebUtility.HtmlEncode(heading)}</h1><p>{WebUtility.HtmlEncode(text)}</p>{form}</body></html>
        """, "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);

    private static TimeOnly? Parse(string? hhmm) =>
        hhmm is null ? null : TimeOnly.ParseExact(hhmm, "HH:mm", CultureInfo.InvariantCulture);

    private static string? Format(TimeOnly? time) => time?.ToString("HH:mm", CultureInfo.InvariantCulture);
}
