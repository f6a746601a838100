using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Features.Invoices;

namespace TheBot.Api.Features.Billing;

/// <summary>
/// The names billing's audit rows use (docs/audit.md lists them) and their readable labels. Each step is recorded
/// explicitly with <c>AuditTrail</c>: a price or an override by the tutor, a payment or a subscription by the parent,
/// a confirmed payment and the renewal job's steps by TheBot itself.
/// </summary>
public static class BillingAudit
{
    public const string Price = "price";
    public const string Subscription = "subscription";
    public const string Enrollment = "enrollment";
    public const string Invoice = "invoice";

    public const string Create = "create";
    public const string Update = "update";
    public const string Delete = "delete";
    public const string SetPriceOverride = "set-price-override";
    public const string RemovePriceOverride = "remove-price-override";
    public const string Issue = "issue";
    public const string Reuse = "reuse";
    public const string Subscribe = "subscribe";
    public const string Cancel = "cancel";
    public const string PaymentConfirmed = "payment-confirmed";
    public const string ChargeSucceeded = "charge-succeeded";
    public const string ChargeFailed = "charge-failed";
    public const string PastDue = "past-due";

    /// <summary>"Student · Subject", or the ids when they are gone.</summary>
    public static async Task<string> EnrollmentLabelAsync(TheBotDbContext db, Guid enrollmentId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var names = await db.Enrollments.AsNoTracking().Where(e => e.Id == enrollmentId)
            .Select(e => e.Student!.FullName + " · " + e.Subject!.Name).FirstOrDefaultAsync(ct);
        return names ?? enrollmentId.ToString();
    }

    /// <summary>"Subject · Teacher", or "Subject · centre-wide".</summary>
    public static async Task<string> PriceLabelAsync(TheBotDbContext db, Guid subjectId, Guid? teacherId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var subject = await db.Subjects.AsNoTracking().Where(s => s.Id == subjectId).Select(s => s.Name).FirstOrDefaultAsync(ct) ?? subjectId.ToString();
        var teacher = teacherId is { } id
            ? await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.FullName).FirstOrDefaultAsync(ct) ?? id.ToString()
            : "centre-wide";
        return $"{subject} · {teacher}";
    }

    public static string InvoiceLabel(Invoice invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        return string.Create(CultureInfo.InvariantCulture, $"{invoice.Description} · {invoice.Amount:0.00} {invoice.Currency}");
    }
}
