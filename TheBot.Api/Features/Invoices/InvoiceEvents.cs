using TheBot.Api.Platform.Realtime;
using TheBot.Realtime.Contracts;

namespace TheBot.Api.Features.Invoices;

/// <summary>After an invoice changes (committed): the live event to its tutor and parent.</summary>
public sealed class InvoiceEvents(IRealtimePublisher realtime)
{
    public Task ChangedAsync(Invoice invoice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invoice);

        // A draft is the tutor's business only.
        var audience = invoice.Status == InvoiceStatus.Draft
            ? RealtimeAudience.ToUsers(invoice.TutorId)
            : RealtimeAudience.ToUsers(invoice.TutorId, invoice.ParentId);
        return realtime.PublishAsync(
            InvoiceEventNames.InvoiceChanged,
            audience,
            new InvoiceChangedEvent(invoice.Id, invoice.DisplayNumber, InvoiceWorkflow.Name(invoice.Status), invoice.Amount, invoice.Currency),
            cancellationToken);
    }
}
