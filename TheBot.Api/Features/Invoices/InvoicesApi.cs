using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Auth;
using TheBot.Api.Platform.Errors;
using TheBot.Api.Platform.Paging;
using TheBot.Api.Platform.Workflow;
using TheBot.Api.Platform.Validation;

namespace TheBot.Api.Features.Invoices;

public static class InvoicesApi
{
    public static IEndpointRouteBuilder MapInvoicesApi(this IEndpointRouteBuilder api)
    {
        var invoices = api.MapGroup("/invoices").WithTags("Invoices");
        invoices.MapGet("/", ListAsync).RequireRoles(UserRole.Tutor, UserRole.Parent, UserRole.Admin)
            .WithName("ListInvoices").WithSummary("Invoices: a tutor's own, those addressed to a parent, or all for admins");
        invoices.MapPost("/", CreateAsync).RequireRoles(UserRole.Tutor)
            .WithName("CreateInvoice").WithSummary("Draft an invoice to a parent of one of my students")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        invoices.MapGet("/statistics", StatisticsAsync).RequireRoles(UserRole.Tutor, UserRole.Admin)
            .WithName("GetInvoiceStatistics").WithSummary("Outstanding and overdue totals, and what was paid this month");
        invoices.MapGet("/export", ExportAsync).RequireRoles(UserRole.Tutor, UserRole.Admin)
            .WithName("ExportInvoices").WithSummary("The invoices as an Excel workbook (.xlsx)")
            .Produces(StatusCodes.Status200OK, contentType: InvoiceExport.ContentType);
        invoices.MapGet("/{id:guid}", GetAsync).RequireRoles(UserRole.Tutor, UserRole.Parent, UserRole.Admin)
            .WithName("GetInvoice").WithSummary("One invoice");
        invoices.MapPatch("/{id:guid}", UpdateAsync).RequireRoles(UserRole.Tutor, UserRole.Admin)
            .WithName("UpdateInvoice").WithSummary("Change a draft's amount, description or due date")
            .ProducesProblem(StatusCodes.Status409Conflict);
        invoices.MapGet("/{id:guid}/history", HistoryAsync).RequireRoles(UserRole.Tutor, UserRole.Parent, UserRole.Admin)
            .WithName("GetInvoiceHistory").WithSummary("Every status change: who, when, from → to");
        invoices.MapPost("/{id:guid}/send", SendAsync).RequireRoles(UserRole.Tutor, UserRole.Admin)
            .WithName("SendInvoice").WithSummary("Send a draft to the parent").ProducesProblem(StatusCodes.Status409Conflict);
        invoices.MapPost("/{id:guid}/cancel", CancelAsync).RequireRoles(UserRole.Tutor, UserRole.Admin)
            .WithName("CancelInvoice").WithSummary("Cancel an unpaid invoice").ProducesProblem(StatusCodes.Status409Conflict);
        invoices.MapPost("/{id:guid}/viewed", ViewedAsync).RequireRoles(UserRole.Parent)
            .WithName("MarkInvoiceViewed").WithSummary("The parent has opened the invoice").ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<Ok<PagedResult<InvoiceResponse>>> ListAsync(
        [AsParameters] InvoiceQuery query, CurrentUser caller, TheBotDbContext db, CancellationToken ct)
    {
        var invoices = InvoiceAccess.Visible(db, caller).AsNoTracking();
        invoices = invoices.FilteredBy(query.StatusFilter, status => i => i.Status == status);
        invoices = invoices.FilteredBy(query.StudentId, studentId => i => i.StudentId == studentId);
        invoices = invoices.FilteredBy(query.ParentId, parentId => i => i.ParentId == parentId);

        return TypedResults.Ok(await invoices
            .OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id)
            .Select(InvoiceAccess.Projection)
            .ToPageAsync(query.Paging, ct));
    }

    private static async Task<Results<Ok<InvoiceResponse>, ProblemHttpResult>> GetAsync(
        Guid id, CurrentUser caller, TheBotDbContext db, CancellationToken ct) =>
        await InvoiceAccess.Visible(db, caller).AsNoTracking().Where(i => i.Id == id).Select(InvoiceAccess.Projection).FirstOrDefaultAsync(ct)
            is { } invoice ? TypedResults.Ok(invoice) : ApiProblems.NotFound("The invoice");

    private static async Task<Results<Created<InvoiceResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateInvoiceRequest request, CurrentUser caller, TheBotDbContext db, InvoiceEvents events, TimeProvider clock, CancellationToken ct)
    {
        var tutorId = caller.Id;
        var studentId = request.StudentId!.Value;
        var parentId = request.ParentId!.Value;
        if (!await db.StudentProfiles.AnyAsync(p => p.UserId == studentId && p.TutorId == tutorId, ct))
        {
            return ApiProblems.Invalid("studentId", "This is not one of your students.");
        }

        if (!await db.StudentParents.AnyAsync(sp => sp.StudentId == studentId && sp.ParentId == parentId, ct))
        {
            return ApiProblems.Invalid("parentId", "This person is not a parent of the student.");
        }

        if (request.EnrollmentId is { } enrollmentId && !await db.Enrollments.AnyAsync(e => e.Id == enrollmentId && e.StudentId == studentId, ct))
        {
            return ApiProblems.Invalid("enrollmentId", "This enrollment is not the student's.");
        }

        if (request.DueDate!.Value < DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
        {
            return ApiProblems.Invalid("dueDate", "The due date cannot be in the past.");
        }

        var now = clock.GetUtcNow();
        var invoice = new Invoice
        {
            Id = Guid.CreateVersion7(),
            TutorId = tutorId,
            ParentId = parentId,
            StudentId = studentId,
            EnrollmentId = request.EnrollmentId,
            Amount = decimal.Round(request.Amount!.Value, 2),
            Currency = request.Currency ?? "RUB",
            Description = request.Description.Trim(),
            DueDate = request.DueDate.Value,
            CreatedAt = now,
        };
        invoice.History.Add(new InvoiceStatusChange { Id = Guid.CreateVersion7(), InvoiceId = invoice.Id, To = InvoiceStatus.Draft, ActorId = tutorId, At = now });
        db.Invoices.Add(invoice);
        await db.SaveChangesAsync(ct);
        await events.ChangedAsync(invoice, ct);

        var response = await db.Invoices.AsNoTracking().Where(i => i.Id == invoice.Id).Select(InvoiceAccess.Projection).FirstAsync(ct);
        return TypedResults.Created($"/api/invoices/{invoice.Id}", response);
    }

    private static async Task<Results<Ok<InvoiceResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, UpdateInvoiceRequest request, CurrentUser caller, [AsParameters] InvoiceServices services, CancellationToken ct)
    {
        var (db, events, clock) = services;
        var invoice = await InvoiceAccess.Visible(db, caller).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (invoice is null)
        {
            return ApiProblems.NotFound("The invoice");
        }

        if (invoice.Status != InvoiceStatus.Draft)
        {
            return ApiProblems.Conflict($"Only drafts can be changed; this invoice is {WireName.Of(invoice.Status)}.");
        }

        if (request.DueDate is { } due && due < DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
        {
            return ApiProblems.Invalid("dueDate", "The due date cannot be in the past.");
        }

        invoice.Amount = request.Amount is { } amount ? decimal.Round(amount, 2) : invoice.Amount;
        invoice.Currency = request.Currency ?? invoice.Currency;
        invoice.Description = request.Description?.Trim() ?? invoice.Description;
        invoice.DueDate = request.DueDate ?? invoice.DueDate;
        await db.SaveChangesAsync(ct);
        await events.ChangedAsync(invoice, ct);
        return TypedResults.Ok(await db.Invoices.AsNoTracking().Where(i => i.Id == id).Select(InvoiceAccess.Projection).FirstAsync(ct));
    }

    private static async Task<Results<Ok<List<InvoiceHistoryItem>>, ProblemHttpResult>> HistoryAsync(
        Guid id, CurrentUser caller, TheBotDbContext db, CancellationToken ct)
    {
        if (!await InvoiceAccess.Visible(db, caller).AnyAsync(i => i.Id == id, ct))
        {
            return ApiProblems.NotFound("The invoice");
        }

        return TypedResults.Ok(await db.InvoiceStatusHistory.AsNoTracking()
            .Where(h => h.InvoiceId == id)
            .OrderBy(h => h.At).ThenBy(h => h.Id)
            .Select(h => new InvoiceHistoryItem(
                h.From, h.To,
                h.ActorId == null ? null : db.Users.Where(u => u.Id == h.ActorId).Select(u => new PersonRef(u.Id, u.FullName, u.Email!)).FirstOrDefault(),
                h.At, h.Note))
            .ToListAsync(ct));
    }

    private static Task<Results<Ok<InvoiceResponse>, ProblemHttpResult>> SendAsync(
        Guid id, CurrentUser caller, [AsParameters] InvoiceServices services, CancellationToken ct) =>
        TransitionAsync(id, caller, services, manage: true, (invoice, now) => InvoiceWorkflow.Send(invoice, caller.Id, now), ct);

    private static Task<Results<Ok<InvoiceResponse>, ProblemHttpResult>> CancelAsync(
        Guid id, CancelInvoiceRequest? request, CurrentUser caller, [AsParameters] InvoiceServices services, CancellationToken ct) =>
        TransitionAsync(id, caller, services, manage: true, (invoice, now) => InvoiceWorkflow.Cancel(invoice, caller.Id, now, request?.Reason), ct);

    private static Task<Results<Ok<InvoiceResponse>, ProblemHttpResult>> ViewedAsync(
        Guid id, CurrentUser caller, [AsParameters] InvoiceServices services, CancellationToken ct) =>
        TransitionAsync(id, caller, services, manage: false, (invoice, now) => InvoiceWorkflow.MarkViewed(invoice, caller.Id, now), ct);

    private static async Task<Ok<InvoiceStatistics>> StatisticsAsync(CurrentUser caller, TheBotDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var monthStart = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero);
        var rows = await InvoiceAccess.Visible(db, caller).AsNoTracking()
            .GroupBy(i => i.Currency)
            .Select(g => new
            {
                Currency = g.Key,
                Outstanding = g.Where(i => i.Status == InvoiceStatus.Sent || i.Status == InvoiceStatus.Viewed || i.Status == InvoiceStatus.Overdue).Sum(i => i.Amount),
                Overdue = g.Where(i => i.Status == InvoiceStatus.Overdue).Sum(i => i.Amount),
                Paid = g.Where(i => i.Status == InvoiceStatus.Paid && i.PaidAt >= monthStart).Sum(i => i.Amount),
                Drafts = g.Count(i => i.Status == InvoiceStatus.Draft),
                OutstandingCount = g.Count(i => i.Status == InvoiceStatus.Sent || i.Status == InvoiceStatus.Viewed || i.Status == InvoiceStatus.Overdue),
                OverdueCount = g.Count(i => i.Status == InvoiceStatus.Overdue),
                PaidCount = g.Count(i => i.Status == InvoiceStatus.Paid && i.PaidAt >= monthStart),
            })
            .ToListAsync(ct);
        return TypedResults.Ok(new InvoiceStatistics(
            rows.OrderBy(r => r.Currency, StringComparer.Ordinal).Select(r => new CurrencyTotals(r.Currency, r.Outstanding, r.Overdue, r.Paid)).ToList(),
            rows.Sum(r => r.Drafts), rows.Sum(r => r.OutstandingCount), rows.Sum(r => r.OverdueCount), rows.Sum(r => r.PaidCount)));
    }

    private static Task ExportAsync(HttpContext http, CurrentUser caller, TheBotDbContext db, CancellationToken ct) =>
        InvoiceExport.WriteAsync(http, InvoiceAccess.Visible(db, caller), ct);

    /// <summary>Loads the invoice the caller may act on, runs one workflow step, saves and tells the people concerned.</summary>
    private static async Task<Results<Ok<InvoiceResponse>, ProblemHttpResult>> TransitionAsync(
        Guid id, CurrentUser caller, InvoiceServices services, bool manage, Func<Invoice, DateTimeOffset, TransitionResult> step, CancellationToken ct)
    {
        var (db, events, clock) = services;
        var invoice = await InvoiceAccess.Visible(db, caller).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (invoice is null || (manage && !InvoiceAccess.CanManage(invoice, caller)))
        {
            return ApiProblems.NotFound("The invoice");
        }

        var result = step(invoice, clock.GetUtcNow());
        if (result.Problem() is { } problem)
        {
            return problem;
        }

        await db.SaveChangesAsync(ct);
        if (result.StatusChanged)
        {
            await events.ChangedAsync(invoice, ct);
        }

        return TypedResults.Ok(await db.Invoices.AsNoTracking().Where(i => i.Id == id).Select(InvoiceAccess.Projection).FirstAsync(ct));
    }
}

/// <summary>What the invoice handlers work with, bound as one parameter.</summary>
internal sealed record InvoiceServices(TheBotDbContext Db, InvoiceEvents Events, TimeProvider Clock);
