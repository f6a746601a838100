using System.Data;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Features.Audit;
using TheBot.Api.Features.Enrollments;
using TheBot.Api.Features.Invoices;
using TheBot.Api.Platform.Errors;

namespace TheBot.Api.Features.Billing;

/// <summary>
/// The invoice for an enrollment's next period: the open one if there is one (a second click, or the renewal job after
/// the parent's click, reuses it), else a new one, sent to the parent at once, for the enrollment's price. The enrollment's
/// row is locked while deciding, so two concurrent calls make one invoice.
/// </summary>
public sealed class PeriodInvoices(TheBotDbContext db, InvoiceEvents events, AuditTrail audit, TimeProvider clock)
{
    public async Task<PeriodInvoice> OpenOrIssueAsync(Guid enrollmentId, Guid parentId, Guid? subscriptionId, CancellationToken cancellationToken)
    {
        Invoice invoice;
        await using (var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken))
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM enrollments WHERE id = {enrollmentId} FOR UPDATE", cancellationToken);
            var open = await OpenInvoiceOf(db, enrollmentId).FirstOrDefaultAsync(i => i.ParentId == parentId, cancellationToken);
            if (open is not null)
            {
                // The parent's click (or the renewal job) reuses the open invoice: recorded, by whoever asked.
                audit.RecordAsCallerOrSystem(BillingAudit.Invoice, open.Id, BillingAudit.InvoiceLabel(open), BillingAudit.Reuse);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return new PeriodInvoice(open, Created: false, null);
            }

            var enrollment = await db.Enrollments.AsNoTracking()
                .Where(e => e.Id == enrollmentId)
                .Select(e => new
                {
                    e.StudentId,
                    e.Status,
                    e.PeriodWeeks,
                    e.PaidUntil,
                    Subject = e.Subject!.Name,
                    TutorId = db.StudentProfiles.Where(p => p.UserId == e.StudentId).Select(p => p.TutorId).FirstOrDefault(),
                })
                .FirstOrDefaultAsync(cancellationToken);
            if (enrollment is null)
            {
                return new PeriodInvoice(null, false, ApiProblems.NotFound("The enrollment"));
            }

            if (enrollment.Status != EnrollmentStatus.Active)
            {
                return new PeriodInvoice(null, false, ApiProblems.Conflict("Only an active enrollment can be paid for."));
            }

            if (enrollment.TutorId is not { } tutorId)
            {
                return new PeriodInvoice(null, false, ApiProblems.Unprocessable("The student has no tutor to bill them."));
            }

            if (await BillingPrices.OfAsync(db, enrollmentId, cancellationToken) is not { } price)
            {
                return new PeriodInvoice(null, false, ApiProblems.Unprocessable("No price is set for this subject yet; the tutor sets it."));
            }

            // A subscription renews every N weeks: its period is N weeks, priced pro rata to the enrollment's period.
            var weeks = subscriptionId is { } sid
                ? await db.BillingSubscriptions.Where(s => s.Id == sid).Select(s => s.EveryWeeks).FirstAsync(cancellationToken)
                : enrollment.PeriodWeeks;
            var amount = weeks == enrollment.PeriodWeeks ? price.Amount : decimal.Round(price.Amount * weeks / enrollment.PeriodWeeks, 2);
            if (amount <= 0)
            {
                return new PeriodInvoice(null, false, ApiProblems.Unprocessable("The period's price rounds to nothing."));
            }

            var now = clock.GetUtcNow();
            var today = BillingCalendar.Today(clock);
            var from = enrollment.PaidUntil is { } until && until >= today ? until.AddDays(1) : today;
            invoice = new Invoice
            {
                Id = Guid.CreateVersion7(),
                TutorId = tutorId,
                ParentId = parentId,
                StudentId = enrollment.StudentId,
                EnrollmentId = enrollmentId,
                Amount = amount,
                Currency = price.Currency,
                Description = string.Create(CultureInfo.InvariantCulture,
                    $"{enrollment.Subject}: {weeks} week(s) from {from:yyyy-MM-dd}"),
                DueDate = from > today ? from.AddDays(-1) : today,
                CreatedAt = now,
            };
            invoice.History.Add(new InvoiceStatusChange { Id = Guid.CreateVersion7(), InvoiceId = invoice.Id, To = InvoiceStatus.Draft, ActorId = parentId, At = now, Note = "billing period" });
            InvoiceWorkflow.Send(invoice, parentId, now);
            db.Invoices.Add(invoice);
            db.BillingPeriods.Add(new BillingPeriod
            {
                Id = Guid.CreateVersion7(),
                EnrollmentId = enrollmentId,
                InvoiceId = invoice.Id,
                SubscriptionId = subscriptionId,
                Weeks = weeks,
                CreatedAt = now,
            });
            audit.RecordAsCallerOrSystem(BillingAudit.Invoice, invoice.Id, BillingAudit.InvoiceLabel(invoice), BillingAudit.Issue,
                AuditFieldChange.Of("amount", null, invoice.Amount), AuditFieldChange.Of("currency", null, invoice.Currency),
                AuditFieldChange.Of("status", null, invoice.Status), AuditFieldChange.Of("weeks", null, weeks),
                AuditFieldChange.Of("subscription", null, subscriptionId));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await events.ChangedAsync(invoice, cancellationToken);
        return new PeriodInvoice(invoice, Created: true, null);
    }

    /// <summary>The enrollment's period invoices still waiting to be paid.</summary>
    public static IQueryable<Invoice> OpenInvoiceOf(TheBotDbContext db, Guid enrollmentId)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.BillingPeriods
            .Where(p => p.EnrollmentId == enrollmentId && p.AppliedAt == null)
            .Select(p => p.Invoice!)
            .Where(i => i.Status == InvoiceStatus.Sent || i.Status == InvoiceStatus.Viewed || i.Status == InvoiceStatus.Overdue)
            .OrderBy(i => i.CreatedAt);
    }
}

/// <summary>The period's invoice, whether it was made now, or why there is none.</summary>
public sealed record PeriodInvoice(Invoice? Invoice, bool Created, ProblemHttpResult? Problem);
