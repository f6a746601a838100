using System.Globalization;
using TheBot.Api.Features.Notifications;
using TheBot.Api.Platform.Realtime;
using TheBot.Api.Platform.Validation;
using TheBot.Realtime.Contracts;

namespace TheBot.Api.Features.Invoices;

/// <summary>
/// After an invoice changes (committed): the live event to its tutor and parent, and the notification
/// the change calls for — the parent when it is sent, the tutor when it is paid — and the other features that follow
/// invoices (<see cref="IInvoiceChangeObserver"/>: Telegram's invoice message). Overdue reminders come
/// from <see cref="MarkOverdueInvoicesJob"/>, once a day.
/// </summary>
public sealed class InvoiceEvents(IRealtimePublisher realtime, Notifier notifier, IEnumerable<IInvoiceChangeObserver> observers)
{
    public async Task ChangedAsync(Invoice invoice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invoice);

        // A draft is the tutor's business only.
        var audience = invoice.Status == InvoiceStatus.Draft
            ? RealtimeAudience.ToUsers(invoice.TutorId)
            : RealtimeAudience.ToUsers(invoice.TutorId, invoice.ParentId);
        await realtime.PublishAsync(
            InvoiceEventNames.InvoiceChanged,
            audience,
            new InvoiceChangedEvent(invoice.Id, invoice.DisplayNumber, WireName.Of(invoice.Status), invoice.Amount, invoice.Currency),
            cancellationToken);

        switch (invoice.Status)
        {
            case InvoiceStatus.Sent:
                await notifier.NotifyAsync(
                    [invoice.ParentId], NotificationTypes.Invoice, r => r.Say(
                        new($"New invoice {invoice.DisplayNumber}",
                            string.Create(CultureInfo.InvariantCulture, $"{invoice.Amount:0.00} {invoice.Currency} for {invoice.Description}, due {invoice.DueDate:yyyy-MM-dd}")),
                        new($"Новый счёт {invoice.DisplayNumber}",
                            string.Create(Russian, $"{invoice.Amount:0.00} {invoice.Currency} за «{invoice.Description}», оплатить до {invoice.DueDate:dd.MM.yyyy}"))).To(Link(invoice)),
                    NotificationPriority.High, cancellationToken);
                break;
            case InvoiceStatus.Paid:
                await notifier.NotifyAsync(
                    [invoice.TutorId], NotificationTypes.Invoice, r => r.Say(
                        new($"Invoice {invoice.DisplayNumber} paid",
                            string.Create(CultureInfo.InvariantCulture, $"{invoice.Amount:0.00} {invoice.Currency} received for {invoice.Description}")),
                        new($"Счёт {invoice.DisplayNumber} оплачен",
                            string.Create(Russian, $"Получено {invoice.Amount:0.00} {invoice.Currency} за «{invoice.Description}»"))).To(Link(invoice)),
                    NotificationPriority.Normal, cancellationToken);
                break;
        }

        // E.g. the parent's invoice message in Telegram follows the status (paid, overdue, cancelled).
        foreach (var observer in observers)
        {
            await observer.ChangedAsync(invoice, cancellationToken);
        }
    }

    /// <summary>The daily reminder to the parent of an overdue invoice.</summary>
    public Task<int> OverdueReminderAsync(Invoice invoice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        return notifier.NotifyAsync(
            [invoice.ParentId], NotificationTypes.Invoice, r => r.Say(
                new($"Invoice {invoice.DisplayNumber} is overdue",
                    string.Create(CultureInfo.InvariantCulture, $"{invoice.Amount:0.00} {invoice.Currency} for {invoice.Description} was due {invoice.DueDate:yyyy-MM-dd}")),
                new($"Счёт {invoice.DisplayNumber} просрочен",
                    string.Create(Russian, $"{invoice.Amount:0.00} {invoice.Currency} за «{invoice.Description}»: срок оплаты был {invoice.DueDate:dd.MM.yyyy}"))).To(Link(invoice)),
            NotificationPriority.High, cancellationToken);
    }

    private static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru-RU");

    private static string Link(Invoice invoice) => $"/invoices/{invoice.Id}";
}

/// <summary>Another feature that follows invoices after each committed change (best effort: it must not throw for its own failures).</summary>
public interface IInvoiceChangeObserver
{
    Task ChangedAsync(Invoice invoice, CancellationToken cancellationToken);
}
