using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Features.Notifications;
using TheBot.Api.Platform.Jobs;
using TheBot.Api.Platform.Time;
using TheBot.Realtime.Contracts;

namespace TheBot.Api.Features.Lessons;

/// <summary>
/// Every five minutes: a reminder to the student and the teacher 24 hours and 1 hour before each
/// scheduled lesson, once per lesson and window (<see cref="ReminderLedger"/>), shown in each person's
/// own time zone, where "today" and "tomorrow" are also reckoned (a lesson later today is "today").
/// Quiet hours are the notifier's business: stored, not pushed.
/// </summary>
public sealed class LessonRemindersJob(TheBotDbContext db, ReminderLedger ledger, Notifier notifier, TimeProvider clock) : IScheduledJob
{
    private const int BatchSize = 500;

    private static readonly (string Window, TimeSpan Lead, TimeSpan NotBefore)[] Windows =
    [
        ("24h", TimeSpan.FromHours(24), TimeSpan.FromHours(1)),
        ("1h", TimeSpan.FromHours(1), TimeSpan.Zero),
    ];

    public static string Name => "lesson-reminders";

    public static string Description => "Remind students and teachers 24 hours and 1 hour before each lesson";

    public static JobSchedule Schedule => JobSchedule.Every(TimeSpan.FromMinutes(5));

    public async Task<JobResult> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var sent = 0;
        foreach (var (window, lead, notBefore) in Windows)
        {
            // A lesson booked 3 hours ahead gets only the 1-hour reminder: the 24-hour one would be stale news.
            var from = now + notBefore;
            var until = now + lead;
            var due = await db.Lessons.AsNoTracking()
                .Where(l => (l.Status == LessonStatus.Pending || l.Status == LessonStatus.Confirmed)
                    && l.StartsAt > from && l.StartsAt <= until
                    && !db.SentReminders.Any(r => r.Kind == "lesson" && r.TargetId == l.Id && r.Window == window))
                .OrderBy(l => l.StartsAt).ThenBy(l => l.Id)
                .Take(BatchSize)
                .Select(l => new
                {
                    l.Id,
                    l.StartsAt,
                    Subject = l.Subject!.Name,
                    Student = new { l.StudentId, l.Student!.TimeZone },
                    Teacher = new { l.TeacherId, l.Teacher!.TimeZone },
                })
                .ToListAsync(cancellationToken);

            foreach (var lesson in due)
            {
                if (!await ledger.TryClaimAsync("lesson", lesson.Id, window, cancellationToken))
                {
                    continue;
                }

                var link = $"/schedule?lesson={lesson.Id}";
                foreach (var (recipient, timeZone) in new[] { (lesson.Student.StudentId, lesson.Student.TimeZone), (lesson.Teacher.TeacherId, lesson.Teacher.TimeZone) })
                {
                    await notifier.NotifyAsync([recipient], NotificationTypes.LessonReminder, Title(window, lesson.StartsAt, now, timeZone),
                        Body(lesson.Subject, lesson.StartsAt, timeZone), link, cancellationToken: cancellationToken);
                }

                sent++;
            }
        }

        return JobResult.Of("remindersSent", $"{sent} reminder(s) sent", ("sent", sent));
    }

    /// <summary>
    /// "Lesson in an hour"; a day ahead, "Lesson today" or "Lesson tomorrow" by the recipient's calendar
    /// (a lesson at 21:00 reminded of at 08:00 is today's, not tomorrow's).
    /// </summary>
    public static string Title(string window, DateTimeOffset startsAt, DateTimeOffset now, string timeZone)
    {
        if (window == "1h")
        {
            return "Lesson in an hour";
        }

        var zone = UserTimeZone.Find(timeZone);
        return UserTimeZone.DayOf(startsAt, zone) == UserTimeZone.DayOf(now, zone) ? "Lesson today" : "Lesson tomorrow";
    }

    /// <summary>"Mathematics at 15:00 (Europe/Moscow), Tue 1 Dec".</summary>
    public static string Body(string subject, DateTimeOffset startsAt, string timeZone)
    {
        var zone = UserTimeZone.Find(timeZone);
        var local = TimeZoneInfo.ConvertTime(startsAt, zone);
        return string.Create(CultureInfo.InvariantCulture, $"{subject} at {local:HH:mm} ({zone.Id}), {local:ddd d MMM}");
    }
}
