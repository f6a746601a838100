using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Features.Invoices;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Auth;

namespace TheBot.Api.Features.Billing;

/// <summary>
/// Revenue and outstanding per tutor, month (UTC) and currency: paid invoices by the month they were paid, less refunds by
/// the month they were recorded; unpaid (sent, viewed, overdue) invoices by the month they fall due. Three grouped queries.
/// </summary>
public static class RevenueReport
{
    public static async Task<List<RevenueReportRow>> BuildAsync(
        TheBotDbContext db, CurrentUser caller, RevenueReportQuery query, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(clock);

        var now = clock.GetUtcNow();
        var to = query.To is { } t ? Month(t) : new DateOnly(now.Year, now.Month, 1);
        var from = query.From is { } f ? Month(f) : to.AddMonths(-11);
        var (start, end) = (new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), new DateTimeOffset(to.AddMonths(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        var (dueFrom, dueTo) = (from, to.AddMonths(1));

        var invoices = db.Invoices.AsNoTracking();
        if (!caller.IsAdmin)
        {
            var tutorId = caller.Id;
            invoices = invoices.Where(i => i.TutorId == tutorId);
        }
        else if (query.TutorId is { } tutor)
        {
            invoices = invoices.Where(i => i.TutorId == tutor);
        }

        var paid = await invoices
            .Where(i => i.Status == InvoiceStatus.Paid && i.PaidAt >= start && i.PaidAt < end)
            .GroupBy(i => new { i.TutorId, i.PaidAt!.Value.Year, i.PaidAt.Value.Month, i.Currency })
            .Select(g => new Cell(g.Key.TutorId, g.Key.Year, g.Key.Month, g.Key.Currency, g.Sum(i => i.Amount)))
            .ToListAsync(cancellationToken);
        var refunded = await db.InvoiceRefunds.AsNoTracking()
            .Where(r => invoices.Any(i => i.Id == r.InvoiceId) && r.CreatedAt >= start && r.CreatedAt < end)
            .GroupBy(r => new { r.Invoice!.TutorId, r.CreatedAt.Year, r.CreatedAt.Month, r.Invoice.Currency })
            .Select(g => new Cell(g.Key.TutorId, g.Key.Year, g.Key.Month, g.Key.Currency, g.Sum(r => r.Amount)))
            .ToListAsync(cancellationToken);
        var outstanding = await invoices
            .Where(i => (i.Status == InvoiceStatus.Sent || i.Status == InvoiceStatus.Viewed || i.Status == InvoiceStatus.Overdue)
                && i.DueDate >= dueFrom && i.DueDate < dueTo)
            .GroupBy(i => new { i.TutorId, i.DueDate.Year, i.DueDate.Month, i.Currency })
            .Select(g => new Cell(g.Key.TutorId, g.Key.Year, g.Key.Month, g.Key.Currency, g.Sum(i => i.Amount)))
            .ToListAsync(cancellationToken);

        var tutorIds = paid.Concat(refunded).Concat(outstanding).Select(c => c.TutorId).Distinct().ToList();
        var tutors = await db.Users.AsNoTracking().Where(u => tutorIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => new PersonRef(u.Id, u.FullName, u.Email!), cancellationToken);
        static (Guid, int, int, string) Key(Cell c) => (c.TutorId, c.Year, c.Month, c.Currency);
        var paidBy = paid.ToDictionary(Key, c => c.Amount);
        var refundedBy = refunded.ToDictionary(Key, c => c.Amount);
        var outstandingBy = outstanding.ToDictionary(Key, c => c.Amount);
        return [.. paidBy.Keys.Union(refundedBy.Keys).Union(outstandingBy.Keys)
            .Select(k => (Key: k, Tutor: tutors[k.Item1]))
            .OrderBy(x => x.Tutor.FullName, StringComparer.Ordinal).ThenBy(x => x.Key.Item1).ThenBy(x => x.Key.Item2).ThenBy(x => x.Key.Item3).ThenBy(x => x.Key.Item4, StringComparer.Ordinal)
            .Select(x =>
            {
                var p = paidBy.GetValueOrDefault(x.Key);
                var r = refundedBy.GetValueOrDefault(x.Key);
                return new RevenueReportRow(x.Tutor, string.Create(CultureInfo.InvariantCulture, $"{x.Key.Item2:D4}-{x.Key.Item3:D2}"), x.Key.Item4,
                    p, r, p - r, outstandingBy.GetValueOrDefault(x.Key));
            })];
    }

    private static DateOnly Month(string yearMonth) =>
        DateOnly.ParseExact(yearMonth + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed record Cell(Guid TutorId, int Year, int Month, string Currency, decimal Amount);
}
