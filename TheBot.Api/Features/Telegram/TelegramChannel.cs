using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.ReplyMarkups;
using TheBot.Api.Data;
using TheBot.Api.Features.Notifications;
using TheBot.Api.Features.Notifications.Delivery;
using TheBot.Api.Platform.Auth;
using TheBot.Realtime.Contracts;

namespace TheBot.Api.Features.Telegram;

/// <summary>
/// Notifications as messages from the bot in the recipient's linked chat: the title, the body (already in their
/// language) and a link to the thing in the app; for an invoice the parent can pay, the invoice message with a Pay
/// button (<see cref="TelegramInvoiceMessage"/>), edited later as the invoice changes. Telegram's 429 is retried after its <c>retry_after</c>; a 403 (the
/// user blocked the bot) marks the chat blocked, so nothing more is sent to it until they link again (the profile
/// shows it); other refusals fail the delivery, network and server failures are retried with the outbox's backoff.
/// </summary>
public sealed partial class TelegramChannel(
    TelegramBot bot, IServiceScopeFactory scopes, IOptions<DeliveryOptions> deliveries, TimeProvider clock, ILogger<TelegramChannel> logger)
    : INotificationChannel
{
    public const string ChannelName = "telegram";

    /// <summary>Telegram's limit for a message's text.</summary>
    private const int MaxText = 4096;

    /// <summary>The types a Telegram message can be had for: those an e-mail can (chat messages are coalesced outside the outbox).</summary>
    public static IReadOnlyList<string> SupportedTypes => EmailChannel.SupportedTypes;

    /// <summary>What a linked user gets in Telegram until they choose: parents invoices, grades and lesson changes; everyone the centre's broadcasts.</summary>
    public static IReadOnlyList<string> DefaultTypes(UserRole role) => role switch
    {
        UserRole.Parent =>
        [
            NotificationTypes.Invoice, NotificationTypes.Grade, NotificationTypes.LessonBooked, NotificationTypes.LessonMoved,
            NotificationTypes.LessonCancelled, NotificationTypes.Broadcast,
        ],
        UserRole.Student =>
        [
            NotificationTypes.LessonReminder, NotificationTypes.LessonMoved, NotificationTypes.LessonCancelled, NotificationTypes.Assignment,
            NotificationTypes.Grade, NotificationTypes.Broadcast,
        ],
        UserRole.Tutor => [NotificationTypes.Invoice, NotificationTypes.ApplicationDecided, NotificationTypes.Broadcast],
        _ => [NotificationTypes.ApplicationDecided, NotificationTypes.Broadcast],
    };

    /// <summary>The types the user gets in Telegram: their choice, or their role's defaults.</summary>
    public static IReadOnlyList<string> ChosenTypes(UserRole role, NotificationSettings? settings) => settings?.TelegramTypes ?? DefaultTypes(role);

    public string Name => ChannelName;

    public bool Enabled => bot.Enabled;

    public ChannelDecision Decide(ChannelRecipient recipient, string type)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        return recipient.Reachable && SupportedTypes.Contains(type) && ChosenTypes(recipient.Role, recipient.Settings).Contains(type)
            ? ChannelDecision.Send
            : ChannelDecision.Skip;
    }

    IReadOnlyList<string> INotificationChannel.OfferedTypes => SupportedTypes;

    IReadOnlyList<string> INotificationChannel.TypesChosenBy(UserRole role, NotificationSettings? settings) => ChosenTypes(role, settings);

    /// <summary>Those of the users with a linked chat that has not blocked the bot.</summary>
    public async Task<IReadOnlySet<Guid>?> ReachableAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TheBotDbContext>();
        var ids = userIds.ToList();
        return (await db.TelegramChats.AsNoTracking().Where(c => ids.Contains(c.UserId) && c.BlockedAt == null)
            .Select(c => c.UserId).ToListAsync(cancellationToken)).ToHashSet();
    }

    public async Task<DeliveryOutcome> SendAsync(OutgoingNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TheBotDbContext>();
        var chat = await db.TelegramChats.AsNoTracking().Where(c => c.UserId == notification.UserId)
            .Select(c => new { c.ChatId, c.BlockedAt }).FirstOrDefaultAsync(cancellationToken);
        if (chat is null)
        {
            return DeliveryOutcome.Suppressed("The user unlinked Telegram.");
        }

        if (chat.BlockedAt is not null)
        {
            return DeliveryOutcome.Suppressed("The user blocked the bot.");
        }

        // An invoice the parent can pay: the invoice message with a Pay button, remembered so that it is edited as the invoice changes.
        var invoice = notification.Type == NotificationTypes.Invoice && InvoiceIdOf(notification.Link) is { } invoiceId
            ? await db.Invoices.AsNoTracking().FirstOrDefaultAsync(i => i.Id == invoiceId && i.ParentId == notification.UserId, cancellationToken)
            : null;
        if (invoice is not null && !TelegramInvoiceText.Payable(invoice.Status))
        {
            invoice = null;
        }

        var (text, buttons) = invoice is null
            ? (Compose(notification), (InlineKeyboardMarkup?)null)
            : TelegramInvoiceText.Compose(invoice, notification.Language, AppBaseUrl);
        try
        {
            var messageId = await bot.SendAsync(chat.ChatId, text, buttons, cancellationToken);
            if (invoice is not null)
            {
                var now = clock.GetUtcNow();
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO telegram_invoice_messages (invoice_id, user_id, chat_id, message_id, updated_at, shown_status, edit_attempts)
                    VALUES ({invoice.Id}, {notification.UserId}, {chat.ChatId}, {messageId}, {now}, {TelegramInvoiceText.Shown(invoice.Status).ToString()}, 0)
                    ON CONFLICT (invoice_id, user_id) DO UPDATE
                    SET chat_id = excluded.chat_id, message_id = excluded.message_id, updated_at = excluded.updated_at,
                        shown_status = excluded.shown_status, edit_attempts = 0, next_edit_at = NULL, last_error = NULL
                    """, CancellationToken.None);
            }

            return DeliveryOutcome.Sent;
        }
        catch (ApiRequestException ex) when (ex.ErrorCode == 429)
        {
            var wait = TimeSpan.FromSeconds(Math.Max(1, ex.Parameters?.RetryAfter ?? 1));
            return DeliveryOutcome.Retry($"429 {ex.Message}", wait);
        }
        catch (ApiRequestException ex) when (TelegramBot.IsBlocked(ex))
        {
            var reason = $"{ex.ErrorCode} {ex.Message}";
            await TelegramChatBlocking.MarkAsync(db, notification.UserId, chat.ChatId, reason, clock.GetUtcNow(), cancellationToken);
            LogBlocked(notification.UserId, reason);
            return DeliveryOutcome.Failed(reason);
        }
        catch (ApiRequestException ex) when (ex.ErrorCode is >= 400 and < 500)
        {
            return DeliveryOutcome.Failed($"{ex.ErrorCode} {ex.Message}");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Anything else (network, timeout, Telegram's 5xx) is passing: retried with backoff.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogSendFailed(ex, notification.DeliveryId);
            return DeliveryOutcome.Retry(ex is ApiRequestException api ? $"{api.ErrorCode} {api.Message}" : $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    private string AppBaseUrl => deliveries.Value.AppBaseUrl?.ToString() ?? "http://localhost/";

    /// <summary>The invoice a notification's link (<c>/invoices/{id}</c>) points at.</summary>
    private static Guid? InvoiceIdOf(string? link) =>
        link is { } path && path.StartsWith("/invoices/", StringComparison.Ordinal) && Guid.TryParse(path["/invoices/".Length..], out var id) ? id : null;

    /// <summary>The message for one notification: title, body, and the link into the app, in the recipient's language.</summary>
    public string Compose(OutgoingNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var baseUrl = AppBaseUrl.TrimEnd('/');
        var link = notification.Link is { Length: > 0 } relative && relative.StartsWith('/') ? baseUrl + relative : baseUrl + "/";
        var open = notification.Language == "ru" ? "Открыть в TheBot" : "Open in TheBot";
        var tail = $"\n\n{open}: {link}";
        var text = new StringBuilder(notification.Title);
        if (!string.IsNullOrWhiteSpace(notification.Body))
        {
            text.Append("\n\n").Append(notification.Body);
        }

        var head = text.Length + tail.Length > MaxText ? text.ToString(0, MaxText - tail.Length - 1) + "…" : text.ToString();
        return head + tail;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "User {UserId} blocked the bot ({Reason}); nothing more goes to their chat until they link again")]
    private partial void LogBlocked(Guid userId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending Telegram delivery {DeliveryId} failed; it is retried")]
    private partial void LogSendFailed(Exception exception, Guid deliveryId);
}
