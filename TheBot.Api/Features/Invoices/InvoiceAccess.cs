using System.Linq.Expressions;
using TheBot.Api.Data;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Auth;

namespace TheBot.Api.Features.Invoices;

/// <summary>Which invoices a caller sees (a tutor their own, a parent those addressed to them, an admin all), and the response they see.</summary>
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

    /// <summary>The response every invoice endpoint returns.</summary>
    public static readonly Expression<Func<Invoice, InvoiceResponse>> Projection = i => new InvoiceResponse(
        i.Id,
        i.Number,
        new PersonRef(i.TutorId, i.Tutor!.FullName, i.Tutor.Email!),
        new PersonRef(i.ParentId, i.Parent!.FullName, i.Parent.Email!),
        new PersonRef(i.StudentId, i.Student!.FullName, i.Student.Email!),
        i.EnrollmentId,
        i.Amount,
        i.Currency,
        i.Description,
        i.DueDate,
        i.Status,
        i.CreatedAt,
        i.SentAt,
        i.ViewedAt,
        i.PaidAt,
        i.CancelledAt);
}
