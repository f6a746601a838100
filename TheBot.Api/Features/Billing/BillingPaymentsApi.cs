using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Features.Audit;
using TheBot.Api.Features.Enrollments;
using TheBot.Api.Features.Payments;
using TheBot.Api.Platform.Auth;
using TheBot.Api.Platform.Errors;

namespace TheBot.Api.Features.Billing;

/// <summary>A parent paying a child's subject and subscribing it: the handlers of <see cref="EnrollmentBillingApi"/>'s payment routes.</summary>
internal static class BillingPaymentsApi
{
    public static async Task<Results<Ok<PayEnrollmentResponse>, ProblemHttpResult>> PayAsync(
        Guid id, HttpContext http, CurrentUser caller, [AsParameters] BillingPaymentServices services, CancellationToken ct)
    {
        var (db, providers, _, _, _, _) = services;
        if (!await EnrollmentAccess.Visible(db, caller).AnyAsync(e => e.Id == id, ct))
        {
            return ApiProblems.NotFound("The enrollment");
        }

        if (providers.Active is null)
        {
            return PaymentProblems.NotConfigured();
        }

        var subscriptionId = await LiveSubscriptions(db, id).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct);
        return await StartAsync(http, caller, id, subscriptionId, services, savePaymentMethod: subscriptionId is not null, ct);
    }

    public static async Task<Results<Ok<SubscribeResponse>, ProblemHttpResult>> SubscribeAsync(
        Guid id, SubscribeRequest request, HttpContext http, CurrentUser caller, [AsParameters] BillingPaymentServices services, CancellationToken ct)
    {
        var (db, providers, _, _, clock, audit) = services;
        var enrollment = await EnrollmentAccess.Visible(db, caller).AsNoTracking().Where(e => e.Id == id)
            .Select(e => new { e.Status }).FirstOrDefaultAsync(ct);
        if (enrollment is null)
        {
            return ApiProblems.NotFound("The enrollment");
        }

        if (enrollment.Status != EnrollmentStatus.Active)
        {
            return ApiProblems.Conflict("Only an active enrollment can be subscribed.");
        }

        if (providers.Active is null)
        {
            return PaymentProblems.NotConfigured();
        }

        var subscription = await LiveSubscriptions(db, id).FirstOrDefaultAsync(ct);
        var before = subscription is null ? null : new { subscription.EveryWeeks, subscription.Status };
        if (subscription is null)
        {
            subscription = new BillingSubscription
            {
                Id = Guid.CreateVersion7(),
                EnrollmentId = id,
                ParentId = caller.Id,
                CreatedAt = clock.GetUtcNow(),
            };
            db.BillingSubscriptions.Add(subscription);
        }

        subscription.EveryWeeks = request.EveryWeeks!.Value;
        subscription.Status = SubscriptionStatus.Active;
        audit.Record(BillingAudit.Subscription, subscription.Id, await BillingAudit.EnrollmentLabelAsync(db, id, ct),
            before is null ? BillingAudit.Subscribe : BillingAudit.Update,
            AuditFieldChange.Of("everyWeeks", before?.EveryWeeks, subscription.EveryWeeks), AuditFieldChange.Of("status", before?.Status, subscription.Status));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return ApiProblems.Conflict("The enrollment was subscribed at the same moment; reload and try again.");
        }

        // Renewals charge a saved payment method: until there is one, the parent pays the next period once, saving it.
        PayEnrollmentResponse? payment = null;
        if (subscription.PaymentMethodId is null)
        {
            var started = await StartAsync(http, caller, id, subscription.Id, services, savePaymentMethod: true, ct);
            if (started.Result is Ok<PayEnrollmentResponse> ok)
            {
                payment = ok.Value;
            }
            else if (started.Result is ProblemHttpResult problem)
            {
                return problem;
            }
        }

        return TypedResults.Ok(new SubscribeResponse(ToResponse(subscription), payment));
    }

    public static async Task<Results<Ok<SubscriptionResponse>, ProblemHttpResult>> CancelSubscriptionAsync(
        Guid id, CurrentUser caller, TheBotDbContext db, AuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        var enrollment = await EnrollmentAccess.Visible(db, caller).AsNoTracking().Where(e => e.Id == id)
            .Select(e => new { e.PaidUntil }).FirstOrDefaultAsync(ct);
        var subscription = enrollment is null ? null : await LiveSubscriptions(db, id).FirstOrDefaultAsync(ct);
        if (enrollment is null || subscription is null)
        {
            return ApiProblems.NotFound("The subscription");
        }

        var now = clock.GetUtcNow();
        var statusBefore = subscription.Status;
        subscription.Status = SubscriptionStatus.Cancelled;
        subscription.CancelledAt = now;
        subscription.EndsOn = enrollment.PaidUntil;
        audit.Record(BillingAudit.Subscription, subscription.Id, await BillingAudit.EnrollmentLabelAsync(db, id, ct), BillingAudit.Cancel,
            AuditFieldChange.Of("status", statusBefore, subscription.Status), AuditFieldChange.Of("endsOn", null, subscription.EndsOn));
        await db.SubscriptionCharges
            .Where(c => c.SubscriptionId == subscription.Id && c.Status == ChargeStatus.Scheduled)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, ChargeStatus.NotCharged).SetProperty(c => c.NextAttemptAt, (DateTimeOffset?)null)
                .SetProperty(c => c.UpdatedAt, now), ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToResponse(subscription));
    }

    public static IQueryable<BillingSubscription> LiveSubscriptions(TheBotDbContext db, Guid enrollmentId) =>
        db.BillingSubscriptions.Where(s => s.EnrollmentId == enrollmentId && s.Status != SubscriptionStatus.Cancelled);

    private static SubscriptionResponse ToResponse(BillingSubscription s) =>
        new(s.Id, s.EveryWeeks, s.Status, s.PaymentMethodId is not null, s.CreatedAt, s.EndsOn);

    private static async Task<Results<Ok<PayEnrollmentResponse>, ProblemHttpResult>> StartAsync(
        HttpContext http, CurrentUser caller, Guid enrollmentId, Guid? subscriptionId, BillingPaymentServices services, bool savePaymentMethod, CancellationToken ct)
    {
        var (_, _, payments, periods, _, _) = services;
        var issued = await periods.OpenOrIssueAsync(enrollmentId, caller.Id, subscriptionId, ct);
        if (issued.Problem is { } problem)
        {
            return problem;
        }

        var invoice = issued.Invoice!;
        var payment = await payments.StartAsync(invoice, new Uri($"{http.Request.Scheme}://{http.Request.Host}/"), savePaymentMethod, ct);
        return TypedResults.Ok(new PayEnrollmentResponse(invoice.Id, invoice.Amount, invoice.Currency, payment.ConfirmationUrl!, payment.Id));
    }
}

/// <summary>What the paying handlers work with, bound as one parameter.</summary>
internal sealed record BillingPaymentServices(
    TheBotDbContext Db, PaymentProviders Providers, PaymentService Payments, PeriodInvoices Periods, TimeProvider Clock, AuditTrail Audit);

/// <summary>The subscription, and the payment to make when it has no saved payment method yet.</summary>
public sealed record SubscribeResponse(SubscriptionResponse Subscription, PayEnrollmentResponse? Payment);
