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
/// up-to-date message per invoice. <see cref="ShownStatus"/> is what the message says now: while it differs from the
/// invoice's, <see cref="TelegramInvoiceEditor"/> owes the chat an edit.
/// </summary>
public sealed class TelegramInvoiceMessage
{
    public Guid InvoiceId { get; set; }

    public Guid UserId { get; set; }

    public long ChatId { get; set; }

    public int MessageId { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The status the message shows (<see cref="TelegramInvoiceText.Shown"/>: viewed reads as sent).</summary>
    public InvoiceStatus ShownStatus { get; set; }

    /// <summary>Failed edits since the last success or invoice change; at <c>Deliveries:MaxAttempts</c> the editor gives up.</summary>
    public int EditAttempts { get; set; }

    /// <summary>When the next edit may be tried (after a failure, or while one is under way: a lease); null: at once.</summary>
    public DateTimeOffset? NextEditAt { get; set; }

    public string? LastError { get; set; }
}

internal sealed class TelegramInvoiceMessageConfiguration : IEntityTypeConfiguration<TelegramInvoiceMessage>
{
    public void Configure(EntityTypeBuilder<TelegramInvoiceMessage> builder)
    {
        builder.ToTable("telegram_invoice_messages");
        builder.HasKey(m => new { m.InvoiceId, m.UserId });
        builder.Property(m => m.ShownStatus).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.LastError).HasMaxLength(1000);
        builder.HasOne<Invoice>().WithMany().HasForeignKey(m => m.InvoiceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>What the invoice message says and which button it carries, for a status, in the reader's language.</summary>
public static class TelegramInvoiceText
{
    private static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru-RU");

    public static bool Payable(InvoiceStatus status) => status is InvoiceStatus.Sent or InvoiceStatus.Viewed or InvoiceStatus.Overdue;

    /// <summary>The status as the message tells it: sent and viewed read the same ("awaiting payment").</summary>
    public static InvoiceStatus Shown(InvoiceStatus status) => status == InvoiceStatus.Viewed ? InvoiceStatus.Sent : status;

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

/// <summary>
/// After an invoice changed: its messages get a fresh round of edit attempts (one given up on earlier is tried again).
/// The edit itself is <see cref="TelegramInvoiceEditor"/>'s, which finds every message whose status is behind.
/// </summary>
public sealed class TelegramInvoiceUpdates(TheBotDbContext db, TelegramBot bot) : IInvoiceChangeObserver
{
    public async Task ChangedAsync(Invoice invoice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        if (!bot.Enabled)
        {
            return;
        }

        await db.TelegramInvoiceMessages.Where(m => m.InvoiceId == invoice.Id && m.EditAttempts > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.EditAttempts, 0).SetProperty(m => m.NextEditAt, (DateTimeOffset?)null), cancellationToken);
    }
}
