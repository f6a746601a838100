using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Features.Audit;
using TheBot.Api.Features.Enrollments;
using TheBot.Api.Features.Invoices;
using TheBot.Api.Features.Notifications;
using TheBot.Api.Features.Payments;
using TheBot.Api.Platform.Jobs;
using TheBot.Realtime.Contracts;

namespace TheBot.Api.Features.Billing;

/// <summary>
/// Hourly: issues each active subscription's next period <see cref="BillingCalendar.DueWindowDays"/> days before the paid
/// period ends (one <see cref="SubscriptionCharge"/> per subscription and period: the database refuses a second), then
/// charges the saved payment method of every charge that is due. An attempt is claimed by a conditional update, so
/// no two runs make the same attempt; each attempt's idempotence key is <c>sub-{subscription}-{period}-{attempt}</c>.
/// A declined charge tells the parent and the tutor and is tried again a day later, then three days later; after the
/// third decline the subscription is past due. The audit log records each step as TheBot's own (<see cref="AuditActor.System"/>):
/// the period's invoice issued (by <see cref="PeriodInvoices"/>), each charge that succeeded or failed, and the past-due subscription.
/// </summary>
public sealed partial class RenewSubscriptionsJob(
    TheBotDbContext db,
    PeriodInvoices periods,
    PaymentService payments,
    PaymentProviders providers,
    Notifier notifier,
    AuditTrail audit,
    TimeProvider clock,
    ILogger<RenewSubscriptionsJob> logger) : IScheduledJob
{
    public const int MaxAttempts = 3;

    /// <summary>After the first failed attempt, the next one day later; after the second, three days later.</summary>
    public static readonly TimeSpan[] RetryDelays = [TimeSpan.FromDays(1), TimeSpan.FromDays(3)];

    public static string Name => "renew-subscriptions";

    public static string Description => "Issue subscriptions' next periods ahead of time and charge their saved payment methods, with retries";

    public static JobSchedule Schedule => JobSchedule.Every(TimeSpan.FromHours(1));

    public async Task<JobResult> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        var issued = await IssueAsync(cancellationToken);
        var (charged, declined) = providers.Active is null ? (0, 0) : await ChargeAsync(cancellationToken);
        return JobResult.Of("subscriptionsRenewed", $"{issued} period(s) issued, {charged} charged, {declined} declined",
            ("issued", issued), ("charged", charged), ("declined", declined));
    }

    private async Task<int> IssueAsync(CancellationToken cancellationToken)
    {
        var horizon = BillingCalendar.Today(clock).AddDays(BillingCalendar.DueWindowDays);
        var due = await db.BillingSubscriptions.AsNoTracking()
            .Where(s => s.Status == SubscriptionStatus.Active && s.Enrollment!.Status == EnrollmentStatus.Active
                && s.Enrollment.PaidUntil != null && s.Enrollment.PaidUntil <= horizon
                && !db.SubscriptionCharges.Any(c => c.SubscriptionId == s.Id && c.PeriodStart == s.Enrollment.PaidUntil))
            .OrderBy(s => s.Enrollment!.PaidUntil).ThenBy(s => s.Id)
            .Select(s => new { s.Id, s.EnrollmentId, s.ParentId, s.PaymentMethodId, PeriodStart = s.Enrollment!.PaidUntil!.Value })
            .ToListAsync(cancellationToken);
        var issued = 0;
        foreach (var subscription in due)
        {
            var period = await periods.OpenOrIssueAsync(subscription.EnrollmentId, subscription.ParentId, subscription.Id, cancellationToken);
            if (period.Invoice is not { } invoice)
            {
                LogNotIssued(subscription.Id, period.Problem?.ProblemDetails.Detail);
                continue;
            }

            var now = clock.GetUtcNow();
            var status = subscription.PaymentMethodId is null ? ChargeStatus.NotCharged : ChargeStatus.Scheduled;
            DateTimeOffset? nextAttempt = subscription.PaymentMethodId is null ? null : now;
            issued += await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO subscription_charges (id, subscription_id, period_start, invoice_id, status, attempts, next_attempt_at, created_at, updated_at)
                VALUES ({Guid.CreateVersion7()}, {subscription.Id}, {subscription.PeriodStart}, {invoice.Id}, {status.ToString()}, 0, {nextAttempt}, {now}, {now})
                ON CONFLICT (subscription_id, period_start) DO NOTHING
                """, cancellationToken);
        }

        return issued;
    }

    private async Task<(int Charged, int Declined)> ChargeAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await db.SubscriptionCharges.AsNoTracking()
            .Where(c => c.Status == ChargeStatus.Scheduled && c.NextAttemptAt <= now)
            .OrderBy(c => c.NextAttemptAt).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.SubscriptionId, c.PeriodStart, c.InvoiceId, c.Attempts, c.Subscription!.PaymentMethodId, c.Subscription.ParentId })
            .ToListAsync(cancellationToken);
        var (charged, declined) = (0, 0);
        foreach (var charge in due)
        {
            var invoice = await db.Invoices.AsNoTracking().FirstAsync(i => i.Id == charge.InvoiceId, cancellationToken);
            if (!invoice.IsPayable || charge.PaymentMethodId is not { } method)
            {
                // Paid by hand meanwhile (the payment's observer has settled the charge), or cancelled.
                await SettleAsync(charge.Id, invoice.Status == InvoiceStatus.Paid ? ChargeStatus.Succeeded : ChargeStatus.NotCharged, null, cancellationToken);
                continue;
            }

            // A charge the provider has not decided yet: ask again rather than charge a second time.
            var pending = await db.Payments.AsNoTracking()
                .Where(p => p.InvoiceId == invoice.Id && p.Status == PaymentStatus.Pending)
                .Select(p => new { p.Provider, p.ProviderPaymentId })
                .ToListAsync(cancellationToken);
            if (pending.Count > 0)
            {
                foreach (var payment in pending)
                {
                    await payments.HandleNotificationAsync(payment.Provider, payment.ProviderPaymentId, cancellationToken);
                }

                continue;
            }

            var attempt = charge.Attempts + 1;
            if (attempt > MaxAttempts)
            {
                await GiveUpAsync(charge.Id, charge.SubscriptionId, invoice, charge.ParentId, null, cancellationToken);
                continue;
            }

            // The claim: only the run whose update finds the attempt count unchanged makes this attempt.
            var retryAt = now + RetryDelays[Math.Min(attempt - 1, RetryDelays.Length - 1)];
            var claimed = await db.SubscriptionCharges
                .Where(c => c.Id == charge.Id && c.Status == ChargeStatus.Scheduled && c.Attempts == charge.Attempts)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.Attempts, attempt).SetProperty(c => c.NextAttemptAt, retryAt).SetProperty(c => c.UpdatedAt, now), cancellationToken);
            if (claimed == 0)
            {
                continue;
            }

            var key = string.Create(CultureInfo.InvariantCulture, $"sub-{charge.SubscriptionId:N}-{charge.PeriodStart:yyyyMMdd}-{attempt}");
            string? error;
            var succeeded = false;
            try
            {
                var result = await payments.ChargeSavedMethodAsync(invoice, method, key, cancellationToken);
                succeeded = result.Status == PaymentStatus.Succeeded;
                error = result.Status switch
                {
                    PaymentStatus.Succeeded or PaymentStatus.Pending => null,
                    _ => result.CancellationReason ?? "declined",
                };
            }
            catch (Exception e) when (e is PaymentProviderException or HttpRequestException)
            {
                error = e.Message.Length <= 200 ? e.Message : e.Message[..200];
            }

            if (error is null)
            {
                if (succeeded)
                {
                    await RecordAsync(charge.SubscriptionId, invoice, BillingAudit.ChargeSucceeded, cancellationToken,
                        AuditFieldChange.Of("attempt", null, attempt), AuditFieldChange.Of("amount", null, invoice.Amount));
                }

                charged++;
                continue;
            }

            declined++;
            LogDeclined(charge.SubscriptionId, attempt, error);
            await RecordAsync(charge.SubscriptionId, invoice, BillingAudit.ChargeFailed, cancellationToken,
                AuditFieldChange.Of("attempt", null, attempt), AuditFieldChange.Of("error", null, error),
                AuditFieldChange.Of("nextAttemptAt", null, attempt >= MaxAttempts ? null : retryAt));
            if (attempt >= MaxAttempts)
            {
                await GiveUpAsync(charge.Id, charge.SubscriptionId, invoice, charge.ParentId, error, cancellationToken);
            }
            else
            {
                await db.SubscriptionCharges.Where(c => c.Id == charge.Id)
                    .ExecuteUpdateAsync(u => u.SetProperty(c => c.LastError, error), cancellationToken);
                await TellAsync(invoice, charge.ParentId, retryAt, cancellationToken);
            }
        }

        return (charged, declined);
    }

    private async Task GiveUpAsync(Guid chargeId, Guid subscriptionId, Invoice invoice, Guid parentId, string? error, CancellationToken cancellationToken)
    {
        await SettleAsync(chargeId, ChargeStatus.Failed, error, cancellationToken);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var pastDue = await db.BillingSubscriptions.Where(s => s.Id == subscriptionId && s.Status == SubscriptionStatus.Active)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, SubscriptionStatus.PastDue), cancellationToken);
            if (pastDue > 0)
            {
                await RecordAsync(subscriptionId, invoice, BillingAudit.PastDue, cancellationToken,
                    AuditFieldChange.Of("status", SubscriptionStatus.Active, SubscriptionStatus.PastDue));
            }

            await transaction.CommitAsync(cancellationToken);
        }

        await TellAsync(invoice, parentId, retryAt: null, cancellationToken);
    }

    /// <summary>One of the job's steps in the audit log, as TheBot itself, saved now (the step's own write is set-based or the provider's).</summary>
    private async Task RecordAsync(Guid subscriptionId, Invoice invoice, string action, CancellationToken cancellationToken, params IReadOnlyList<AuditFieldChange> changes)
    {
        audit.RecordSystem(BillingAudit.Subscription, subscriptionId, BillingAudit.InvoiceLabel(invoice), action,
            [AuditFieldChange.Of("invoice", null, invoice.DisplayNumber), .. changes]);
        await db.SaveChangesAsync(cancellationToken);
    }

    private Task<int> SettleAsync(Guid chargeId, ChargeStatus status, string? error, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return db.SubscriptionCharges.Where(c => c.Id == chargeId && c.Status == ChargeStatus.Scheduled)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, status).SetProperty(c => c.NextAttemptAt, (DateTimeOffset?)null)
                .SetProperty(c => c.LastError, c => error ?? c.LastError).SetProperty(c => c.UpdatedAt, now), cancellationToken);
    }

    /// <summary>The parent and the tutor hear of a declined renewal: when it is tried again, or that it will not be.</summary>
    private Task<int> TellAsync(Invoice invoice, Guid parentId, DateTimeOffset? retryAt, CancellationToken cancellationToken) =>
        notifier.NotifyAsync(
            [parentId, invoice.TutorId], NotificationTypes.Invoice, r => r.Say(
                retryAt is { } at
                    ? new($"Renewal {invoice.DisplayNumber} was declined",
                        string.Create(CultureInfo.InvariantCulture, $"{invoice.Amount:0.00} {invoice.Currency} for {invoice.Description}; we will try again {r.Time(at)}"))
                    : new($"Renewal {invoice.DisplayNumber} failed",
                        string.Create(CultureInfo.InvariantCulture, $"{invoice.Amount:0.00} {invoice.Currency} for {invoice.Description} was declined three times; the subscription is past due. Pay the invoice by hand.")),
                retryAt is { } again
                    ? new($"Продление {invoice.DisplayNumber} отклонено",
                        string.Create(Russian, $"{invoice.Amount:0.00} {invoice.Currency} за «{invoice.Description}»; попробуем снова {r.Time(again)}"))
                    : new($"Продление {invoice.DisplayNumber} не удалось",
                        string.Create(Russian, $"{invoice.Amount:0.00} {invoice.Currency} за «{invoice.Description}»: три отказа, подписка приостановлена. Оплатите счёт вручную."))
                ).To($"/invoices/{invoice.Id}"),
            NotificationPriority.High, cancellationToken);

    private static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru-RU");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscription {SubscriptionId}: the next period was not issued: {Reason}")]
    private partial void LogNotIssued(Guid subscriptionId, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscription {SubscriptionId}: attempt {Attempt} declined: {Error}")]
    private partial void LogDeclined(Guid subscriptionId, int attempt, string error);
}
