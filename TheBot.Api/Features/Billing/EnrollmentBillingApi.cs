using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Features.Audit;
using TheBot.Api.Features.Enrollments;
using TheBot.Api.Features.Lessons;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Auth;
using TheBot.Api.Platform.Errors;
using TheBot.Api.Platform.Paging;

namespace TheBot.Api.Features.Billing;

public static class EnrollmentBillingApi
{
    public static IEndpointRouteBuilder MapEnrollmentBillingApi(this IEndpointRouteBuilder api)
    {
        var billing = api.MapGroup("/billing/enrollments").WithTags("Billing");
        billing.MapGet("/", ListAsync).RequireRoles(UserRole.Tutor, UserRole.Parent, UserRole.Admin)
            .WithName("ListEnrollmentBilling").WithSummary("Each enrollment's price, paid-until date, status and subscription (parents: their children's; tutors: their students')");
        billing.MapGet("/teaching", TeachingAsync).RequireRoles(UserRole.Teacher)
            .WithName("ListTeachingPaidStatus").WithSummary("Whether each of my students' active enrollments with me is paid (no amounts)");
        billing.MapPatch("/{id:guid}", UpdateAsync).RequireRoles(UserRole.Tutor, UserRole.Admin)
            .WithName("UpdateEnrollmentBilling").WithSummary("Change how many weeks one payment covers");
        billing.MapPut("/{id:guid}/price-override", SetOverrideAsync).RequireRoles(UserRole.Tutor)
            .WithName("SetEnrollmentPriceOverride").WithSummary("A price for this enrollment only (a discount), with the reason");
        billing.MapDelete("/{id:guid}/price-override", RemoveOverrideAsync).RequireRoles(UserRole.Tutor)
            .WithName("RemoveEnrollmentPriceOverride").WithSummary("Back to the subject's price");
        billing.MapPost("/{id:guid}/pay", BillingPaymentsApi.PayAsync).RequireRoles(UserRole.Parent)
            .WithName("PayEnrollment").WithSummary("Create or reuse the invoice for the next period and start paying it: returns the provider's confirmation page")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        billing.MapPut("/{id:guid}/subscription", BillingPaymentsApi.SubscribeAsync).RequireRoles(UserRole.Parent)
            .WithName("SubscribeEnrollment").WithSummary("Renew every N weeks; without a saved payment method yet, returns the payment that saves one")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        billing.MapDelete("/{id:guid}/subscription", BillingPaymentsApi.CancelSubscriptionAsync).RequireRoles(UserRole.Parent)
            .WithName("CancelEnrollmentSubscription").WithSummary("Stop renewing; the paid period runs to its end");
        api.MapGet("/billing/lessons-beyond-paid", LessonsBeyondPaidAsync).WithTags("Billing").RequireRoles(UserRole.Tutor)
            .WithName("ListLessonsBeyondPaidPeriod").WithSummary("My students' enrollments with lessons booked after their paid period");
        return api;
    }

    private static async Task<Ok<PagedResult<EnrollmentBillingResponse>>> ListAsync(
        [AsParameters] BillingEnrollmentQuery query, CurrentUser caller, TheBotDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var enrollments = EnrollmentAccess.Visible(db, caller).AsNoTracking().Where(e => e.Status == EnrollmentStatus.Active);
        enrollments = enrollments.FilteredBy(query.StudentId, studentId => e => e.StudentId == studentId);
        enrollments = enrollments.FilteredBy(query.SubjectId, subjectId => e => e.SubjectId == subjectId);
        var page = await enrollments
            .OrderBy(e => e.Student!.FullName).ThenBy(e => e.Subject!.Name).ThenBy(e => e.Id)
            .Select(e => new
            {
                e.Id,
                Student = new PersonRef(e.StudentId, e.Student!.FullName, e.Student.Email!),
                Subject = new EnrollmentSubject(e.SubjectId, e.Subject!.Name, e.Subject.Color),
                Teacher = new PersonRef(e.TeacherId, e.Teacher!.FullName, e.Teacher.Email!),
                e.PeriodWeeks,
                e.PaidUntil,
                Prices = new PriceCandidates(
                    db.EnrollmentPriceOverrides.Where(o => o.EnrollmentId == e.Id).Select(o => new BillingPrice(o.Amount, o.Currency, PriceSource.Override)).FirstOrDefault(),
                    db.SubjectPrices.Where(p => p.SubjectId == e.SubjectId && p.TeacherId == e.TeacherId).Select(p => new BillingPrice(p.Amount, p.Currency, PriceSource.Teacher)).FirstOrDefault(),
                    db.SubjectPrices.Where(p => p.SubjectId == e.SubjectId && p.TeacherId == null).Select(p => new BillingPrice(p.Amount, p.Currency, PriceSource.Subject)).FirstOrDefault()),
                Override = db.EnrollmentPriceOverrides.Where(o => o.EnrollmentId == e.Id)
                    .Select(o => new PriceOverrideResponse(o.Amount, o.Currency, o.Reason, o.SetAt)).FirstOrDefault(),
                Subscription = db.BillingSubscriptions.Where(s => s.EnrollmentId == e.Id)
                    .OrderBy(s => s.Status == SubscriptionStatus.Cancelled).ThenByDescending(s => s.CreatedAt)
                    .Select(s => new SubscriptionResponse(s.Id, s.EveryWeeks, s.Status, s.PaymentMethodId != null, s.CreatedAt, s.EndsOn)).FirstOrDefault(),
                OpenInvoiceId = db.BillingPeriods
                    .Where(p => p.EnrollmentId == e.Id && p.AppliedAt == null
                        && (p.Invoice!.Status == Invoices.InvoiceStatus.Sent || p.Invoice.Status == Invoices.InvoiceStatus.Viewed || p.Invoice.Status == Invoices.InvoiceStatus.Overdue))
                    .OrderBy(p => p.CreatedAt).Select(p => (Guid?)p.InvoiceId).FirstOrDefault(),
            })
            .ToPageAsync(query.Paging, ct);
        var today = BillingCalendar.Today(clock);
        return TypedResults.Ok(new PagedResult<EnrollmentBillingResponse>(
            [.. page.Items.Select(e => new EnrollmentBillingResponse(
                e.Id, e.Student, e.Subject, e.Teacher, e.PeriodWeeks, e.PaidUntil, BillingCalendar.StatusOf(e.PaidUntil, today),
                e.Prices.Winner, e.Override, e.Subscription, e.OpenInvoiceId))],
            page.Page, page.PageSize, page.TotalCount));
    }

    private static async Task<Ok<PagedResult<TeacherEnrollmentPaidResponse>>> TeachingAsync(
        [AsParameters] BillingEnrollmentQuery query, CurrentUser caller, TheBotDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var teacherId = caller.Id;
        var enrollments = db.Enrollments.AsNoTracking().Where(e => e.TeacherId == teacherId && e.Status == EnrollmentStatus.Active);
        enrollments = enrollments.FilteredBy(query.StudentId, studentId => e => e.StudentId == studentId);
        enrollments = enrollments.FilteredBy(query.SubjectId, subjectId => e => e.SubjectId == subjectId);
        var today = BillingCalendar.Today(clock);
        return TypedResults.Ok(await enrollments
            .OrderBy(e => e.Student!.FullName).ThenBy(e => e.Subject!.Name).ThenBy(e => e.Id)
            .Select(e => new TeacherEnrollmentPaidResponse(
                e.Id,
                new PersonRef(e.StudentId, e.Student!.FullName, e.Student.Email!),
                new EnrollmentSubject(e.SubjectId, e.Subject!.Name, e.Subject.Color),
                e.PaidUntil != null && e.PaidUntil >= today))
            .ToPageAsync(query.Paging, ct));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> UpdateAsync(
        Guid id, UpdateBillingSettingsRequest request, CurrentUser caller, TheBotDbContext db, CancellationToken ct)
    {
        // Tracked, so the audit log records the change with its before → after (AuditedEntities' enrollment rule).
        var enrollment = await EnrollmentAccess.Visible(db, caller).FirstOrDefaultAsync(e => e.Id == id, ct);
        if (enrollment is null)
        {
            return ApiProblems.NotFound("The enrollment");
        }

        enrollment.PeriodWeeks = request.PeriodWeeks!.Value;
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<PriceOverrideResponse>, ProblemHttpResult>> SetOverrideAsync(
        Guid id, SetPriceOverrideRequest request, CurrentUser caller, TheBotDbContext db, AuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        if (!await EnrollmentAccess.Visible(db, caller).AnyAsync(e => e.Id == id, ct))
        {
            return ApiProblems.NotFound("The enrollment");
        }

        var priceOverride = await db.EnrollmentPriceOverrides.FirstOrDefaultAsync(o => o.EnrollmentId == id, ct);
        var before = priceOverride is null ? null : new { priceOverride.Amount, priceOverride.Currency, priceOverride.Reason };
        if (priceOverride is null)
        {
            priceOverride = new EnrollmentPriceOverride { EnrollmentId = id, Reason = "" };
            db.EnrollmentPriceOverrides.Add(priceOverride);
        }

        priceOverride.Amount = decimal.Round(request.Amount!.Value, 2);
        priceOverride.Currency = request.Currency ?? "RUB";
        priceOverride.Reason = request.Reason.Trim();
        priceOverride.SetById = caller.Id;
        priceOverride.SetAt = clock.GetUtcNow();
        audit.Record(BillingAudit.Enrollment, id, await BillingAudit.EnrollmentLabelAsync(db, id, ct), BillingAudit.SetPriceOverride,
            AuditFieldChange.Of("priceOverride.amount", before?.Amount, priceOverride.Amount),
            AuditFieldChange.Of("priceOverride.currency", before?.Currency, priceOverride.Currency),
            AuditFieldChange.Of("priceOverride.reason", before?.Reason, priceOverride.Reason));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new PriceOverrideResponse(priceOverride.Amount, priceOverride.Currency, priceOverride.Reason, priceOverride.SetAt));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveOverrideAsync(
        Guid id, CurrentUser caller, TheBotDbContext db, AuditTrail audit, CancellationToken ct)
    {
        if (!await EnrollmentAccess.Visible(db, caller).AnyAsync(e => e.Id == id, ct))
        {
            return ApiProblems.NotFound("The enrollment");
        }

        var priceOverride = await db.EnrollmentPriceOverrides.FirstOrDefaultAsync(o => o.EnrollmentId == id, ct);
        if (priceOverride is null)
        {
            return ApiProblems.NotFound("The price override");
        }

        db.EnrollmentPriceOverrides.Remove(priceOverride);
        audit.Record(BillingAudit.Enrollment, id, await BillingAudit.EnrollmentLabelAsync(db, id, ct), BillingAudit.RemovePriceOverride,
            AuditFieldChange.Of("priceOverride.amount", priceOverride.Amount, null),
            AuditFieldChange.Of("priceOverride.currency", priceOverride.Currency, null),
            AuditFieldChange.Of("priceOverride.reason", priceOverride.Reason, null));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ApiProblems.NotFound("The price override");
        }

        return TypedResults.NoContent();
    }

    private static async Task<Ok<PagedResult<LessonsBeyondPaidResponse>>> LessonsBeyondPaidAsync(
        [AsParameters] PagingQuery query, CurrentUser caller, TheBotDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var tutorId = caller.Id;
        var now = clock.GetUtcNow();

        // The tutor's students' coming lessons in their enrolled subjects; a lesson is beyond the paid period when its day,
        // the centre's calendar, is after the paid-until date (or nothing is paid).
        var lessons = await db.Lessons.AsNoTracking()
            .Where(l => l.StartsAt >= now && (l.Status == LessonStatus.Pending || l.Status == LessonStatus.Confirmed)
                && db.StudentProfiles.Any(p => p.UserId == l.StudentId && p.TutorId == tutorId))
            .Join(db.Enrollments.Where(e => e.Status == EnrollmentStatus.Active),
                l => new { l.StudentId, l.SubjectId }, e => new { e.StudentId, e.SubjectId },
                (l, e) => new
                {
                    EnrollmentId = e.Id,
                    Student = new PersonRef(e.StudentId, e.Student!.FullName, e.Student.Email!),
                    Subject = new EnrollmentSubject(e.SubjectId, e.Subject!.Name, e.Subject.Color),
                    e.PaidUntil,
                    l.StartsAt,
                })
            .ToListAsync(ct);
        var beyond = lessons
            .Where(l => l.PaidUntil is not { } until
                || DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(l.StartsAt, Invoices.MarkOverdueInvoicesJob.CentreTimeZone).DateTime) > until)
            .GroupBy(l => l.EnrollmentId)
            .Select(g => new LessonsBeyondPaidResponse(g.Key, g.First().Student, g.First().Subject, g.First().PaidUntil, g.Count(), g.Min(l => l.StartsAt)))
            .OrderBy(r => r.FirstLessonAt).ThenBy(r => r.EnrollmentId)
            .ToList();
        var paging = query.Paging;
        return TypedResults.Ok(new PagedResult<LessonsBeyondPaidResponse>(
            [.. beyond.Skip(paging.Skip).Take(paging.Size)], paging.PageNumber, paging.Size, beyond.Count));
    }
}
