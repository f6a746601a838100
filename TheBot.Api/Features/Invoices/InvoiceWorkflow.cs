using TheBot.Api.Platform.Validation;
using TheBot.Api.Platform.Workflow;
using static TheBot.Api.Features.Invoices.InvoiceStatus;

namespace TheBot.Api.Features.Invoices;

/// <summary>
/// The invoice state machine: draft → sent → viewed → paid, overdue when sent or viewed past the due
/// date, cancelled from any unpaid state. Every transition is written to the history.
/// </summary>
public static class InvoiceWorkflow
{
    private static readonly Transitions<InvoiceStatus> Allowed = new Transitions<InvoiceStatus>()
        .Allow(Sent, from: Draft)
        .Allow(Viewed, from: Sent)
        .Allow(Overdue, from: [Sent, Viewed])
        .Allow(Paid, from: [Sent, Viewed, Overdue])
        .Allow(Cancelled, from: [Draft, Sent, Viewed, Overdue]);

    public static bool CanPay(Invoice invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        return Allowed.Permits(invoice.Status, Paid);
    }

    public static TransitionResult Send(Invoice invoice, Guid actorId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        if (!Allowed.Permits(invoice.Status, Sent))
        {
            return TransitionResult.NotAllowed($"Only a draft can be sent; this invoice is {WireName.Of(invoice.Status)}.");
        }

        invoice.SentAt = now;
        return Move(invoice, Sent, actorId, now);
    }

    /// <summary>The parent opened it. Repeating is harmless; an overdue invoice stays overdue.</summary>
    public static TransitionResult MarkViewed(Invoice invoice, Guid actorId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        if (Allowed.Permits(invoice.Status, Viewed))
        {
            invoice.ViewedAt = now;
            return Move(invoice, Viewed, actorId, now);
        }

        if (invoice.Status is Overdue or Viewed or Paid)
        {
            invoice.ViewedAt ??= now;
            return TransitionResult.Unchanged;
        }

        return TransitionResult.NotAllowed($"A {WireName.Of(invoice.Status)} invoice cannot be viewed.");
    }

    public static TransitionResult MarkOverdue(Invoice invoice, DateOnly today, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        return Allowed.Permits(invoice.Status, Overdue) && invoice.DueDate < today
            ? Move(invoice, Overdue, actorId: null, now, "past due")
            : TransitionResult.Unchanged;
    }

    public static TransitionResult MarkPaid(Invoice invoice, DateTimeOffset now, string note)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        if (!Allowed.Permits(invoice.Status, Paid))
        {
            return TransitionResult.NotAllowed($"A {WireName.Of(invoice.Status)} invoice cannot be paid.");
        }

        invoice.PaidAt = now;
        return Move(invoice, Paid, actorId: null, now, note);
    }

    public static TransitionResult Cancel(Invoice invoice, Guid actorId, DateTimeOffset now, string? reason)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        if (!Allowed.Permits(invoice.Status, Cancelled))
        {
            return TransitionResult.NotAllowed($"A {WireName.Of(invoice.Status)} invoice cannot be cancelled.");
        }

        invoice.CancelledAt = now;
        return Move(invoice, Cancelled, actorId, now, reason);
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
