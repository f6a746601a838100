using TheBot.Api.Data;
using TheBot.Api.Platform.Auth;

namespace TheBot.Api.Features.Invoices;

/// <summary>Which invoices a caller sees: a tutor their own, a parent those addressed to them, an admin all.</summary>
public static class InvoiceAccess
{
    public static IQueryable<Invoice> Visible(TheBotDbContext db, CurrentUser caller)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(caller);

        var userId = caller.Id;
        return caller.Role switch
        {
            UserRole.Admin => db.Invoices,
            UserRole.Tutor => db.Invoices.Where(i => i.TutorId == userId),
            UserRole.Parent => db.Invoices.Where(i => i.ParentId == userId && i.Status != InvoiceStatus.Draft),
            _ => db.Invoices.Where(_ => false),
        };
    }

    /// <summary>The tutor who issued it, or an admin.</summary>
    public static bool CanManage(Invoice invoice, CurrentUser caller)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(caller);
        return caller.IsAdmin || invoice.TutorId == caller.Id;
    }
}
