using TheBot.Api.Platform.Validation;

namespace TheBot.Api.Features.Invoices;

/// <summary>
/// The invoice state machine: draft → sent → viewed → paid, overdue when sent or viewed past the due
/// date, cancelled from any unpaid state. Every transition is written to the history.
/// </summary>
public static class InvoiceWorkflow
{
    public static TransitionResult Send(Invoice invoice, Guid actorId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        if (invoice.Status != InvoiceStatus.Draft)
        {
            return TransitionResult.Refused($"Only a draft can be sent; this invoice is {WireName.Of(invoice.Status)}.");
        }

        invoice.SentAt = now;
        return Move(invoice, InvoiceStatus.Sent, actorId, now);
    }

    /// <summary>The parent opened it. Repeating is harmless; an overdue invoice stays overdue.</summary>
    public static TransitionResult MarkViewed(Invoice invoice, Guid actorId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        switch (invoice.Status)
        {
            case InvoiceStatus.Sent:
                invoice.ViewedAt = now;
                return Move(invoice, InvoiceStatus.Viewed, actorId, now);
            case InvoiceStatus.Overdue or InvoiceStatus.Viewed or InvoiceStatus.Paid:
                invoice.ViewedAt ??= now;
                return TransitionResult.Unchanged;
            default:
                return TransitionResult.Refused($"A {WireName.Of(invoice.Status)} invoice cannot be viewed.");
        }
    }

    public static TransitionResult MarkOverdue(Invoice invoice, DateOnly today, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        return invoice.Status is InvoiceStatus.Sent or InvoiceStatus.Viewed && invoice.DueDate < today
            ? Move(invoice, InvoiceStatus.Overdue, actorId: null, now, "past due")
            : TransitionResult.Unchanged;
    }

    public static TransitionResult MarkPaid(Invoice invoice, DateTimeOffset now, string note)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        if (!invoice.IsPayable)
        {
            return TransitionResult.Refused($"A {WireName.Of(invoice.Status)} invoice cannot be paid.");
        }

        invoice.PaidAt = now;
        return Move(invoice, InvoiceStatus.Paid, actorId: null, now, note);
    }

    public static TransitionResult Cancel(Invoice invoice, Guid actorId, DateTimeOffset now, string? reason)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        if (invoice.Status is InvoiceStatus.Paid or InvoiceStatus.Cancelled)
        {
            return TransitionResult.Refused($"A {WireName.Of(invoice.Status)} invoice cannot be cancelled.");
        }

        invoice.CancelledAt = now;
        return Move(invoice, InvoiceStatus.Cancelled, actorId, now, reason);
    }

    private static TransitionResult Move(Invoice invoice, InvoiceStatus to, Guid? actorId, DateTimeOffset now, string? note = null)
    {
        // No id: EF gives one and so knows the entry is new (a preset key on an entity reached through
        // a tracked invoice would be taken for an existing row).
        invoice.History.Add(new InvoiceStatusChange
        {
            InvoiceId = invoice.Id,
            From = invoice.Status,
            To = to,
            ActorId = actorId,
            At = now,
            Note = note,
        });
        invoice.Status = to;
        return TransitionResult.Changed;
    }
}

public sealed record TransitionResult(bool Succeeded, bool StatusChanged, string? Error)
{
    public static readonly TransitionResult Changed = new(true, true, null);

    public static readonly TransitionResult Unchanged = new(true, false, null);

    public static TransitionResult Refused(string error) => new(false, false, error);
}
