using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Telegram.Bot.Exceptions;
using TheBot.Api.Data;
using TheBot.Api.Features.Invoices;
using TheBot.Api.Features.Notifications.Delivery;
using TheBot.ServiceDefaults.Telemetry;

namespace TheBot.Api.Features.Telegram;

/// <summary>
/// Keeps the invoice messages in parents' chats up to date, on every api replica: every
/// <see cref="DeliveryOptions.PollInterval"/> it claims the messages whose shown status is behind their invoice's
/// (<c>FOR UPDATE SKIP LOCKED</c> and a lease, as the outbox does: one replica edits a message, a dead one's claim
/// runs out) and edits them. An edit that fails is retried with the outbox's backoff, or after Telegram's
/// <c>retry_after</c>; a blocked chat is marked and left; after <see cref="DeliveryOptions.MaxAttempts"/> it waits
/// for the invoice's next change. Because the work is found from the data, a change is never lost to a crash or to
/// Telegram being down when it happened.
/// </summary>
public sealed partial class TelegramInvoiceEditor(
    IServiceScopeFactory scopes, TelegramBot bot, IOptions<DeliveryOptions> options, TimeProvider clock, ILogger<TelegramInvoiceEditor> logger)
    : BackgroundService
{
    private const int BatchSize = 50;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!bot.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                claimed = await EditDueAsync(stoppingToken);
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

            if (claimed < BatchSize)
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

    /// <summary>Claims and edits one batch; returns how many messages it claimed.</summary>
    public async Task<int> EditDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TheBotDbContext>();
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var leaseEnd = now + settings.Lease;
        List<ClaimedEdit> claimed;
        using (UntracedWork.Begin("telegram invoice editor poll"))
        {
            // A small table (one row per invoice a linked parent was sent) joined on its key: cheap to scan each poll.
            claimed = await db.Database.SqlQuery<ClaimedEdit>($"""
                UPDATE telegram_invoice_messages AS m
                SET edit_attempts = m.edit_attempts + 1, next_edit_at = {leaseEnd}
                FROM (SELECT tm.invoice_id, tm.user_id
                      FROM telegram_invoice_messages tm
                      JOIN invoices i ON i.id = tm.invoice_id
                      JOIN telegram_chats c ON c.user_id = tm.user_id AND c.chat_id = tm.chat_id AND c.blocked_at IS NULL
                      WHERE (CASE WHEN i.status = 'Viewed' THEN 'Sent' ELSE i.status END) <> tm.shown_status
                        AND (tm.next_edit_at IS NULL OR tm.next_edit_at <= {now})
                        AND tm.edit_attempts < {settings.MaxAttempts}
                      ORDER BY tm.updated_at
                      LIMIT {BatchSize}
                      FOR UPDATE OF tm SKIP LOCKED) AS due
                WHERE m.invoice_id = due.invoice_id AND m.user_id = due.user_id
                RETURNING m.invoice_id, m.user_id, m.chat_id, m.message_id, m.edit_attempts
                """).ToListAsync(ct);
        }

        if (claimed.Count == 0)
        {
            return 0;
        }

        var invoiceIds = claimed.Select(c => c.InvoiceId).Distinct().ToList();
        var invoices = await db.Invoices.AsNoTracking().Where(i => invoiceIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        var userIds = claimed.Select(c => c.UserId).Distinct().ToList();
        var languages = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Language, ct);
        var appBaseUrl = settings.AppBaseUrl?.ToString() ?? "http://localhost/";
        foreach (var edit in claimed)
        {
            var invoice = invoices[edit.InvoiceId];
            var (text, buttons) = TelegramInvoiceText.Compose(invoice, languages.GetValueOrDefault(edit.UserId, "ru"), appBaseUrl);
            var message = db.TelegramInvoiceMessages.Where(m => m.InvoiceId == edit.InvoiceId && m.UserId == edit.UserId);
            var shown = TelegramInvoiceText.Shown(invoice.Status);
            try
            {
                await bot.EditAsync(edit.ChatId, edit.MessageId, text, buttons, ct);
                await MarkShownAsync(message, shown, ct);
            }
            catch (ApiRequestException ex) when (ex.ErrorCode == 400 && ex.Message.Contains("not modified", StringComparison.OrdinalIgnoreCase))
            {
                await MarkShownAsync(message, shown, ct);
            }
            catch (ApiRequestException ex) when (ex.ErrorCode == 400 && ex.Message.Contains("not found", StringComparison.OrdinalIgnoreCase))
            {
                // The user deleted the message: there is nothing left to edit.
                await MarkShownAsync(message, shown, ct);
                LogMessageGone(edit.InvoiceId, edit.UserId);
            }
            catch (ApiRequestException ex) when (ex.ErrorCode == 429)
            {
                var next = clock.GetUtcNow() + TimeSpan.FromSeconds(Math.Max(1, ex.Parameters?.RetryAfter ?? 1));
                await RetryLaterAsync(message, next, $"429 {ex.Message}", ct);
            }
            catch (ApiRequestException ex) when (TelegramBot.IsBlocked(ex))
            {
                await TelegramChatBlocking.MarkAsync(db, edit.UserId, edit.ChatId, $"{ex.ErrorCode} {ex.Message}", clock.GetUtcNow(), ct);
                await RetryLaterAsync(message, null, $"{ex.ErrorCode} {ex.Message}", ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // Network, timeout, Telegram's 5xx or another refusal: tried again with backoff.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogEditFailed(ex, edit.InvoiceId, edit.EditAttempts);
                var error = ex is ApiRequestException api ? $"{api.ErrorCode} {api.Message}" : $"{ex.GetType().Name}: {ex.Message}";
                await RetryLaterAsync(message, clock.GetUtcNow() + settings.RetryDelayAfter(edit.EditAttempts), error, ct);
            }
        }

        return claimed.Count;
    }

    private async Task MarkShownAsync(IQueryable<TelegramInvoiceMessage> message, InvoiceStatus shown, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await message.ExecuteUpdateAsync(s => s
            .SetProperty(m => m.ShownStatus, shown)
            .SetProperty(m => m.EditAttempts, 0)
            .SetProperty(m => m.NextEditAt, (DateTimeOffset?)null)
            .SetProperty(m => m.LastError, (string?)null)
            .SetProperty(m => m.UpdatedAt, now), ct);
    }

    private static async Task RetryLaterAsync(IQueryable<TelegramInvoiceMessage> message, DateTimeOffset? next, string error, CancellationToken ct)
    {
        var stored = error.Length > 1000 ? error[..1000] : error;
        await message.ExecuteUpdateAsync(s => s.SetProperty(m => m.NextEditAt, next).SetProperty(m => m.LastError, stored), ct);
    }

    private sealed record ClaimedEdit(Guid InvoiceId, Guid UserId, long ChatId, int MessageId, int EditAttempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling for Telegram invoice messages to edit failed")]
    private partial void LogPollFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Editing the Telegram message about invoice {InvoiceId} failed (attempt {Attempt}); it is retried")]
    private partial void LogEditFailed(Exception exception, Guid invoiceId, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "The Telegram message about invoice {InvoiceId} for user {UserId} is gone; not edited")]
    private partial void LogMessageGone(Guid invoiceId, Guid userId);
}
