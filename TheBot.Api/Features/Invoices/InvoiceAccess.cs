using System.Security.Claims;
using TheBot.Api.Data;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Auth;

namespace TheBot.Api.Features.Invoices;

/// <summary>Which invoices a caller sees: a tutor their own, a parent those addressed to them, an admin all.</summary>
public static class InvoiceAccess
{
    public static IQueryable<Invoice> Visible(TheBotDbContext db, ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(principal);

        var userId = principal.GetUserId();
        return principal.GetRole() switch
        {
            UserRole.Admin => db.Invoices,
            UserRole.Tutor => db.Invoices.Where(i => i.TutorId == userId),
            UserRole.Parent => db.Invoices.Where(i => i.ParentId == userId && i.Status != InvoiceStatus.Draft),
            _ => db.Invoices.Where(_ => false),
        };
    }

    /// <summary>The tutor who issued it, or an admin.</summary>
    public static bool CanManage(Invoice invoice, ClaimsPrincipal principal) =>
        principal.IsAdmin() || invoice.TutorId == principal.GetUserId();
}
