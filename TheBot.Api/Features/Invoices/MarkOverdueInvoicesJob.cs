using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Features.Notifications;
using TheBot.Api.Platform.Jobs;

namespace TheBot.Api.Features.Invoices;

/// <summary>
/// Daily: sent or viewed invoices whose due date has passed (in the centre's time zone) become
/// overdue, with a history entry and a live event each; then every overdue invoice's parent gets one
/// reminder for the day (<see cref="ReminderLedger"/>: a re-run the same day reminds no one twice).
/// The old system wrote this check and never scheduled it.
/// </summary>
public sealed class MarkOverdueInvoicesJob(TheBotDbContext db, InvoiceEvents events, ReminderLedger reminders, TimeProvider clock) : IScheduledJob
{
    /// <summary>The centre's calendar: an invoice due on the 25th is overdue from the 26th, Moscow time.</summary>
    public static readonly TimeZoneInfo CentreTimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");

    private const int BatchSize = 200;

    private const string ReminderKind = "invoice-overdue";

    public static string Name => "mark-overdue-invoices";

    public static string Description => "Mark sent and viewed invoices past their due date as overdue; remind their parents daily";

    public static JobSchedule Schedule => JobSchedule.DailyAt(TimeSpan.FromHours(3));

    public async Task<JobResult> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, CentreTimeZone).DateTime);
        var marked = 0;
        while (true)
        {
            var batch = await db.Invoices
                .Where(i => (i.Status == InvoiceStatus.Sent || i.Status == InvoiceStatus.Viewed) && i.DueDate < today)
                .OrderBy(i => i.DueDate).ThenBy(i => i.Id)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var invoice in batch)
            {
                InvoiceWorkflow.MarkOverdue(invoice, today, now);
            }

            await db.SaveChangesAsync(cancellationToken);
            foreach (var invoice in batch)
            {
                await events.ChangedAsync(invoice, cancellationToken);
            }

            marked += batch.Count;
            db.ChangeTracker.Clear();
        }

        var reminded = 0;
        var window = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var overdue = await db.Invoices.AsNoTracking()
            .Where(i => i.Status == InvoiceStatus.Overdue
                && !db.SentReminders.Any(r => r.Kind == ReminderKind && r.TargetId == i.Id && r.Window == window))
            .OrderBy(i => i.DueDate).ThenBy(i => i.Id)
            .ToListAsync(cancellationToken);
        foreach (var invoice in overdue)
        {
            if (await reminders.TryClaimAsync(ReminderKind, invoice.Id, window, cancellationToken))
            {
                await events.OverdueReminderAsync(invoice, cancellationToken);
                reminded++;
            }
        }

        return JobResult.Of("invoicesMarkedOverdue", $"{marked} invoice(s) marked overdue, {reminded} reminder(s) sent", ("marked", marked), ("reminded", reminded));
    }
}
