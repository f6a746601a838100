using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Features.Invoices;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Auth;
using TheBot.Api.Platform.Errors;

namespace TheBot.Api.Features.Billing;

/// <summary>Refunds recorded against paid invoices (a cancelled period); the revenue report subtracts them.</summary>
public static class RefundsApi
{
    public static IEndpointRouteBuilder MapRefundsApi(this IEndpointRouteBuilder api)
    {
        var refunds = api.MapGroup("/invoices/{id:guid}/refunds").WithTags("Billing");
        refunds.MapGet("/", ListAsync).RequireRoles(UserRole.Tutor, UserRole.Parent, UserRole.Admin)
            .WithName("ListInvoiceRefunds").WithSummary("Refunds recorded against an invoice");
        refunds.MapPost("/", CreateAsync).RequireRoles(UserRole.Tutor, UserRole.Admin)
            .WithName("RecordInvoiceRefund").WithSummary("Record a refund against a paid invoice (a cancelled period), with the reason")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return api;
    }

    private static async Task<Results<Ok<List<RefundResponse>>, ProblemHttpResult>> ListAsync(
        Guid id, CurrentUser caller, TheBotDbContext db, CancellationToken ct)
    {
        if (!await InvoiceAccess.Visible(db, caller).AnyAsync(i => i.Id == id, ct))
        {
            return ApiProblems.NotFound("The invoice");
        }

        return TypedResults.Ok(await db.InvoiceRefunds.AsNoTracking().Where(r => r.InvoiceId == id)
            .OrderBy(r => r.CreatedAt).ThenBy(r => r.Id)
            .Select(Projection(db))
            .ToListAsync(ct));
    }

    private static async Task<Results<Created<RefundResponse>, ProblemHttpResult>> CreateAsync(
        Guid id, CreateRefundRequest request, CurrentUser caller, TheBotDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var invoice = await InvoiceAccess.Visible(db, caller).AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (invoice is null || !InvoiceAccess.CanManage(invoice, caller))
        {
            return ApiProblems.NotFound("The invoice");
        }

        if (invoice.Status != InvoiceStatus.Paid)
        {
            return ApiProblems.Conflict("Only a paid invoice can be refunded.");
        }

        var amount = decimal.Round(request.Amount!.Value, 2);
        var refunded = await db.InvoiceRefunds.Where(r => r.InvoiceId == id).SumAsync(r => r.Amount, ct);
        if (refunded + amount > invoice.Amount)
        {
            return ApiProblems.Unprocessable($"Refunds cannot exceed the invoice's {invoice.Amount:0.00} {invoice.Currency}; {refunded:0.00} is already refunded.");
        }

        var refund = new InvoiceRefund
        {
            Id = Guid.CreateVersion7(),
            InvoiceId = id,
            Amount = amount,
            Reason = request.Reason.Trim(),
            CreatedById = caller.Id,
            CreatedAt = clock.GetUtcNow(),
        };
        db.InvoiceRefunds.Add(refund);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/invoices/{id}/refunds",
            await db.InvoiceRefunds.AsNoTracking().Where(r => r.Id == refund.Id).Select(Projection(db)).FirstAsync(ct));
    }

    private static System.Linq.Expressions.Expression<Func<InvoiceRefund, RefundResponse>> Projection(TheBotDbContext db) => r => new RefundResponse(
        r.Id, r.InvoiceId, r.Amount, r.Invoice!.Currency, r.Reason,
        db.Users.Where(u => u.Id == r.CreatedById).Select(u => new PersonRef(u.Id, u.FullName, u.Email!)).First(),
        r.CreatedAt);
}
