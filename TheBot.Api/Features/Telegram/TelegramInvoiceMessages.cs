using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types.ReplyMarkups;
using TheBot.Api.Data;
using TheBot.Api.Features.Invoices;
using TheBot.Api.Features.Notifications.Delivery;
using TheBot.Api.Features.Users;

namespace TheBot.Api.Features.Telegram;

/// <summary>
/// The bot's message about an invoice in the parent's chat: sent with the invoice (amount, purpose, due date, a Pay
/// button) and edited in place as the invoice's status changes (paid, overdue, cancelled), so the chat holds one
/// up-to-date message per invoice.
/// </summary>
public sealed class TelegramInvoiceMessage
{
    public Guid InvoiceId { get; set; }

    public Guid UserId { get; set; }

    public long ChatId { get; set; }

    public int MessageId { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class TelegramInvoiceMessageConfiguration : IEntityTypeConfiguration<TelegramInvoiceMessage>
{
    public void Configure(EntityTypeBuilder<TelegramInvoiceMessage> builder)
    {
        builder.ToTable("telegram_invoice_messages");
        builder.HasKey(m => new { m.InvoiceId, m.UserId });
        builder.HasOne<Invoice>().WithMany().HasForeignKey(m => m.InvoiceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>What the invoice message says and which button it carries, for a status, in the reader's language.</summary>
public static class TelegramInvoiceText
{
    private static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru-RU");

    public static bool Payable(InvoiceStatus status) => status is InvoiceStatus.Sent or InvoiceStatus.Viewed or InvoiceStatus.Overdue;

    public static (string Text, InlineKeyboardMarkup? Buttons) Compose(Invoice invoice, string language, string appBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        var russian = language == "ru";
        var amount = string.Create(CultureInfo.InvariantCulture, $"{invoice.Amount:0.00} {invoice.Currency}");
        var status = (invoice.Status, russian) switch
        {
            (InvoiceStatus.Paid, false) => "Paid ✓ Thank you!",
            (InvoiceStatus.Paid, true) => "Оплачен ✓ Спасибо!",
            (InvoiceStatus.Overdue, false) => "Overdue: please pay",
            (InvoiceStatus.Overdue, true) => "Просрочен: пожалуйста, оплатите",
            (InvoiceStatus.Cancelled, false) => "Cancelled: nothing to pay",
            (InvoiceStatus.Cancelled, true) => "Отменён: платить не нужно",
            (_, false) => "Awaiting payment",
            (_, true) => "Ожидает оплаты",
        };
        var text = russian
            ? string.Create(Russian, $"Счёт {invoice.DisplayNumber}\n{amount} за «{invoice.Description}»\nОплатить до {invoice.DueDate:dd.MM.yyyy}\nСтатус: {status}")
            : string.Create(CultureInfo.InvariantCulture, $"Invoice {invoice.DisplayNumber}\n{amount} for {invoice.Description}\nDue {invoice.DueDate:yyyy-MM-dd}\nStatus: {status}");
        var buttons = Payable(invoice.Status)
            ? new InlineKeyboardMarkup(InlineKeyboardButton.WithUrl(russian ? "Оплатить" : "Pay", $"{appBaseUrl.TrimEnd('/')}/invoices/{invoice.Id}"))
            : null;
        return (text, buttons);
    }
}

/// <summary>Edits the parent's invoice message after the invoice changed (best effort: a failure is logged, the change stands).</summary>
public sealed partial class TelegramInvoiceUpdates(
    TheBotDbContext db, TelegramBot bot, IOptions<DeliveryOptions> deliveries, TimeProvider clock, ILogger<TelegramInvoiceUpdates> logger)
    : IInvoiceChangeObserver
{
    public async Task ChangedAsync(Invoice invoice, CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        ArgumentNullException.ThrowIfNull(invoice);
        // Sent and viewed read the same ("awaiting payment"): only a change the parent should see is an edit.
        if (!bot.Enabled || invoice.Status is not (InvoiceStatus.Overdue or InvoiceStatus.Paid or InvoiceStatus.Cancelled))
        {
            return;
        }

        var messages = await (
            from m in db.TelegramInvoiceMessages.AsNoTracking()
            where m.InvoiceId == invoice.Id
            join c in db.TelegramChats on m.UserId equals c.UserId
            where c.ChatId == m.ChatId && c.BlockedAt == null
            join u in db.Users on m.UserId equals u.Id
            select new { m.UserId, m.ChatId, m.MessageId, u.Language }).ToListAsync(ct);
        foreach (var message in messages)
        {
            var (text, buttons) = TelegramInvoiceText.Compose(invoice, message.Language, deliveries.Value.AppBaseUrl?.ToString() ?? "http://localhost/");
            try
            {
                await bot.EditAsync(message.ChatId, message.MessageId, text, buttons, ct);
                var now = clock.GetUtcNow();
                await db.TelegramInvoiceMessages.Where(m => m.InvoiceId == invoice.Id && m.UserId == message.UserId)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.UpdatedAt, now), ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // The invoice changed either way; an unedited message is only out of date.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogEditFailed(ex, invoice.Id);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Editing the Telegram message about invoice {InvoiceId} failed")]
    private partial void LogEditFailed(Exception exception, Guid invoiceId);
}
