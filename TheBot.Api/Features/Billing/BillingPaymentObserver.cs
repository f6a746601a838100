using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Features.Audit;
using TheBot.Api.Features.Invoices;
using TheBot.Api.Features.Payments;

namespace TheBot.Api.Features.Billing;

/// <summary>
/// When a period's invoice is paid: the enrollment's paid-until date moves one period on, from the later of it and today.
/// This runs inside the payment's transaction with the invoice's row locked, and the period is marked applied, so duplicate
/// notifications extend nothing twice. A method the provider saved with the payment is kept for the subscription's renewals.
/// The audit log records the extension as TheBot's own step (a provider's notification has no signed-in user), in the same save.
/// </summary>
public sealed class BillingPaymentObserver(TheBotDbContext db, AuditTrail audit, TimeProvider clock) : IPaymentObserver
{
    public async Task SucceededAsync(Payment payment, Invoice invoice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payment);
        ArgumentNullException.ThrowIfNull(invoice);

        var period = await db.BillingPeriods.FirstOrDefaultAsync(p => p.InvoiceId == invoice.Id, cancellationToken);
        if (period is null || period.AppliedAt is not null)
        {
            return;
        }

        // Two periods of one enrollment paid at the same moment must not both start from the same date.
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM enrollments WHERE id = {period.EnrollmentId} FOR UPDATE", cancellationToken);
        var enrollment = await db.Enrollments.FirstAsync(e => e.Id == period.EnrollmentId, cancellationToken);
        await db.Entry(enrollment).ReloadAsync(cancellationToken);
        var paidUntilBefore = enrollment.PaidUntil;
        enrollment.PaidUntil = BillingCalendar.Extend(enrollment.PaidUntil, BillingCalendar.Today(clock), period.Weeks);
        period.AppliedAt = clock.GetUtcNow();
        period.PaidUntil = enrollment.PaidUntil;
        audit.RecordSystem(BillingAudit.Enrollment, enrollment.Id, await BillingAudit.EnrollmentLabelAsync(db, enrollment.Id, cancellationToken),
            BillingAudit.PaymentConfirmed,
            AuditFieldChange.Of("paidUntil", paidUntilBefore, enrollment.PaidUntil), AuditFieldChange.Of("invoice", null, invoice.DisplayNumber),
            AuditFieldChange.Of("amount", null, payment.Amount));

        var charges = await db.SubscriptionCharges
            .Where(c => c.InvoiceId == invoice.Id && c.Status == ChargeStatus.Scheduled)
            .ToListAsync(cancellationToken);
        foreach (var charge in charges)
        {
            charge.Status = charge.Attempts > 0 ? ChargeStatus.Succeeded : ChargeStatus.NotCharged;
            charge.NextAttemptAt = null;
            charge.UpdatedAt = clock.GetUtcNow();
        }

        if (payment.SavedPaymentMethodId is { } method)
        {
            var subscription = await db.BillingSubscriptions
                .FirstOrDefaultAsync(s => s.EnrollmentId == period.EnrollmentId && s.Status != SubscriptionStatus.Cancelled, cancellationToken);
            if (subscription is not null)
            {
                subscription.PaymentMethodId = method;
                subscription.PaymentProvider = payment.Provider;
                subscription.Status = SubscriptionStatus.Active;
            }
        }
    }

    public void Committed()
    {
        // Nothing to do after the commit: the enrollment's change is in the same transaction as the payment.
    }
}
