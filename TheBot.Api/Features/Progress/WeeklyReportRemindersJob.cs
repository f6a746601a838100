using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TheBot.Api.Data;
using TheBot.Api.Features.Enrollments;
using TheBot.Api.Features.Notifications;
using TheBot.Api.Platform.Jobs;
using TheBot.Realtime.Contracts;

namespace TheBot.Api.Features.Progress;

/// <summary>
/// Daily: from <see cref="WeeklyReportOptions.TeacherReminderDay"/> of the current ISO week (UTC), each teacher who
/// has not sent the week's report on every student and subject they teach is reminded once; from
/// <see cref="WeeklyReportOptions.TutorReminderDay"/>, each tutor who has not sent the week's report on every student
/// of theirs who has an active enrollment. Once per person and week across runs and replicas (<see cref="ReminderLedger"/>).
/// </summary>
public sealed class WeeklyReportRemindersJob(
    TheBotDbContext db, ReminderLedger ledger, Notifier notifier, IOptions<WeeklyReportOptions> options, TimeProvider clock) : IScheduledJob
{
    public const string TeacherKind = "weekly-report-teacher";
    public const string TutorKind = "weekly-report-tutor";
    private const int BatchSize = 1000;

    public static string Name => "weekly-report-reminders";

    public static string Description => "Remind teachers, then tutors, who have not sent the week's reports";

    public static JobSchedule Schedule => JobSchedule.DailyAt(TimeSpan.FromHours(15));

    public async Task<JobResult> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var week = ReportWeeks.StartOf(today);
        var window = week.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var day = ReportWeeks.DayIndex(today.DayOfWeek);
        var (teachers, tutors) = (0, 0);
        if (day >= ReportWeeks.DayIndex(options.Value.TeacherReminderDay))
        {
            var late = await db.Enrollments.AsNoTracking()
                .Where(e => e.Status == EnrollmentStatus.Active
                    && !db.TeacherReports.Any(r => r.StudentId == e.StudentId && r.SubjectId == e.SubjectId && r.WeekStart == week
                        && r.Status != WeeklyReportStatus.Draft)
                    && !db.SentReminders.Any(s => s.Kind == TeacherKind && s.TargetId == e.TeacherId && s.Window == window))
                .GroupBy(e => e.TeacherId)
                .Select(g => new { Id = g.Key, Missing = g.Count() })
                .OrderBy(t => t.Id)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            foreach (var teacher in late)
            {
                teachers += await RemindAsync(TeacherKind, teacher.Id, window, teacher.Missing, week, cancellationToken);
            }
        }

        if (day >= ReportWeeks.DayIndex(options.Value.TutorReminderDay))
        {
            var late = await db.StudentProfiles.AsNoTracking()
                .Where(p => p.TutorId != null
                    && db.Enrollments.Any(e => e.StudentId == p.UserId && e.Status == EnrollmentStatus.Active)
                    && !db.TutorReports.Any(r => r.StudentId == p.UserId && r.WeekStart == week && r.LegacyTitle == null
                        && r.Status != WeeklyReportStatus.Draft)
                    && !db.SentReminders.Any(s => s.Kind == TutorKind && s.TargetId == p.TutorId && s.Window == window))
                .GroupBy(p => p.TutorId!.Value)
                .Select(g => new { Id = g.Key, Missing = g.Count() })
                .OrderBy(t => t.Id)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            foreach (var tutor in late)
            {
                tutors += await RemindAsync(TutorKind, tutor.Id, window, tutor.Missing, week, cancellationToken);
            }
        }

        return JobResult.Of("reportRemindersSent", $"{teachers} teacher(s) and {tutors} tutor(s) reminded",
            ("teachers", teachers), ("tutors", tutors));
    }

    private async Task<int> RemindAsync(string kind, Guid userId, string window, int missing, DateOnly week, CancellationToken ct)
    {
        if (!await ledger.TryClaimAsync(kind, userId, window, ct))
        {
            return 0;
        }

        var english = kind == TeacherKind ? "students' subjects" : "students";
        var russian = kind == TeacherKind ? "ученикам и предметам" : "ученикам";
        await notifier.NotifyAsync([userId], NotificationTypes.ReportReminder, r => r.Say(
            new("Weekly reports are due", string.Create(CultureInfo.InvariantCulture,
                $"Week of {WeeklyReportNotices.Week(week, false)}: {missing} report(s) on your {english} not sent yet")),
            new("Пора отправить недельные отчёты", string.Create(CultureInfo.InvariantCulture,
                $"Неделя с {WeeklyReportNotices.Week(week, true)}: не отправлено отчётов по вашим {russian}: {missing}"))).To(WeeklyReportNotices.Link),
            cancellationToken: ct);
        return 1;
    }
}
