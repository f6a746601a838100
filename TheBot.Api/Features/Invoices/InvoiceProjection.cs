using System.Linq.Expressions;
using TheBot.Api.Features.Users;

namespace TheBot.Api.Features.Invoices;

internal static class InvoiceProjection
{
    public static readonly Expression<Func<Invoice, InvoiceResponse>> ToResponse = i => new InvoiceResponse(
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
