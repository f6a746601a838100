using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Features.Audit;
using TheBot.Api.Features.Enrollments;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Auth;
using TheBot.Api.Platform.Errors;
using TheBot.Api.Platform.Paging;

namespace TheBot.Api.Features.Billing;

public static class PricesApi
{
    public static IEndpointRouteBuilder MapPricesApi(this IEndpointRouteBuilder api)
    {
        var prices = api.MapGroup("/billing/prices").WithTags("Billing");
        prices.MapGet("/", ListAsync).RequireRoles(UserRole.Tutor, UserRole.Admin)
            .WithName("ListPrices").WithSummary("Subject prices: centre-wide and per teacher");
        prices.MapPut("/", SetAsync).RequireRoles(UserRole.Tutor, UserRole.Admin)
            .WithName("SetPrice").WithSummary("Set the price of one period of a subject, optionally with one teacher (that price wins)")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        prices.MapDelete("/{id:guid}", DeleteAsync).RequireRoles(UserRole.Tutor, UserRole.Admin)
            .WithName("DeletePrice").WithSummary("Remove a price");
        return api;
    }

    private static async Task<Ok<PagedResult<PriceResponse>>> ListAsync(
        [AsParameters] PriceQuery query, TheBotDbContext db, CancellationToken ct)
    {
        var prices = db.SubjectPrices.AsNoTracking();
        prices = prices.FilteredBy(query.SubjectId, subjectId => p => p.SubjectId == subjectId);
        prices = prices.FilteredBy(query.TeacherId, teacherId => p => p.TeacherId == teacherId);
        return TypedResults.Ok(await prices
            .OrderBy(p => p.Subject!.Name).ThenBy(p => p.TeacherId != null).ThenBy(p => p.Teacher!.FullName).ThenBy(p => p.Id)
            .Select(Projection)
            .ToPageAsync(query.Paging, ct));
    }

    private static async Task<Results<Ok<PriceResponse>, ValidationProblem, ProblemHttpResult>> SetAsync(
        SetPriceRequest request, CurrentUser caller, TheBotDbContext db, AuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        var subjectId = request.SubjectId!.Value;
        if (!await db.Subjects.AnyAsync(s => s.Id == subjectId, ct))
        {
            return ApiProblems.Invalid("subjectId", "No subject has this id.");
        }

        if (request.TeacherId is { } teacherId
            && !await db.TeacherSubjects.AnyAsync(ts => ts.TeacherId == teacherId && ts.SubjectId == subjectId, ct))
        {
            return ApiProblems.Unprocessable("This teacher does not teach this subject.");
        }

        var price = await db.SubjectPrices.FirstOrDefaultAsync(p => p.SubjectId == subjectId && p.TeacherId == request.TeacherId, ct);
        var created = price is null;
        if (price is null)
        {
            price = new SubjectPrice { Id = Guid.CreateVersion7(), SubjectId = subjectId, TeacherId = request.TeacherId };
            db.SubjectPrices.Add(price);
        }

        var (amountBefore, currencyBefore) = created ? ((decimal?)null, (string?)null) : (price.Amount, price.Currency);
        price.Amount = decimal.Round(request.Amount!.Value, 2);
        price.Currency = request.Currency ?? "RUB";
        price.SetById = caller.Id;
        price.UpdatedAt = clock.GetUtcNow();
        audit.Record(BillingAudit.Price, price.Id, await BillingAudit.PriceLabelAsync(db, subjectId, price.TeacherId, ct),
            created ? BillingAudit.Create : BillingAudit.Update,
            AuditFieldChange.Of("amount", amountBefore, price.Amount), AuditFieldChange.Of("currency", currencyBefore, price.Currency));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await db.SubjectPrices.AsNoTracking().Where(p => p.Id == price.Id).Select(Projection).FirstAsync(ct));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, TheBotDbContext db, AuditTrail audit, CancellationToken ct)
    {
        var price = await db.SubjectPrices.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (price is null)
        {
            return ApiProblems.NotFound("The price");
        }

        db.SubjectPrices.Remove(price);
        audit.Record(BillingAudit.Price, price.Id, await BillingAudit.PriceLabelAsync(db, price.SubjectId, price.TeacherId, ct), BillingAudit.Delete,
            AuditFieldChange.Of("amount", price.Amount, null), AuditFieldChange.Of("currency", price.Currency, null));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ApiProblems.NotFound("The price");
        }

        return TypedResults.NoContent();
    }

    private static readonly System.Linq.Expressions.Expression<Func<SubjectPrice, PriceResponse>> Projection = p => new PriceResponse(
        p.Id,
        new EnrollmentSubject(p.SubjectId, p.Subject!.Name, p.Subject.Color),
        p.TeacherId == null ? null : new PersonRef(p.Teacher!.Id, p.Teacher.FullName, p.Teacher.Email!),
        p.Amount,
        p.Currency,
        p.UpdatedAt);
}
