using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;

namespace TheBot.Api.Features.Billing;

/// <summary>Where an enrollment's price came from: the tutor's override, the teacher's price for the subject, or the subject's.</summary>
public enum PriceSource
{
    Override,
    Teacher,
    Subject,
}

public sealed record BillingPrice(decimal Amount, string Currency, PriceSource Source);

/// <summary>The price of one period of an enrollment: the override wins, then the teacher's price, then the subject's.</summary>
public static class BillingPrices
{
    public static async Task<BillingPrice?> OfAsync(TheBotDbContext db, Guid enrollmentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var candidates = await db.Enrollments.AsNoTracking()
            .Where(e => e.Id == enrollmentId)
            .Select(e => new PriceCandidates(
                db.EnrollmentPriceOverrides.Where(o => o.EnrollmentId == e.Id).Select(o => new BillingPrice(o.Amount, o.Currency, PriceSource.Override)).FirstOrDefault(),
                db.SubjectPrices.Where(p => p.SubjectId == e.SubjectId && p.TeacherId == e.TeacherId).Select(p => new BillingPrice(p.Amount, p.Currency, PriceSource.Teacher)).FirstOrDefault(),
                db.SubjectPrices.Where(p => p.SubjectId == e.SubjectId && p.TeacherId == null).Select(p => new BillingPrice(p.Amount, p.Currency, PriceSource.Subject)).FirstOrDefault()))
            .FirstOrDefaultAsync(cancellationToken);
        return candidates?.Winner;
    }
}

/// <summary>The three prices an enrollment may have, read in one query.</summary>
public sealed record PriceCandidates(BillingPrice? Override, BillingPrice? Teacher, BillingPrice? Subject)
{
    public BillingPrice? Winner => Override ?? Teacher ?? Subject;
}
