using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Features.Notifications;
using TheBot.Api.Platform.Jobs;
using TheBot.Realtime.Contracts;

namespace TheBot.Api.Features.Lessons;

/// <summary>
/// Every five minutes: a reminder to the student and the teacher 24 hours and 1 hour before each
/// scheduled lesson, once per lesson and window (<see cref="ReminderLedger"/>), shown in each person's
/// own time zone. Quiet hours are the notifier's business: stored, not pushed.
/// </summary>
public sealed class LessonRemindersJob(TheBotDbContext db, ReminderLedger ledger, Notifier notifier, TimeProvider clock) : IScheduledJob
{
    private const int BatchSize = 500;

    private static readonly (string Window, TimeSpan Lead, TimeSpan NotBefore, string Title)[] Windows =
    [
        ("24h", TimeSpan.FromHours(24), TimeSpan.FromHours(1), "Lesson tomorrow"),
        ("1h", TimeSpan.FromHours(1), TimeSpan.Zero, "Lesson in an hour"),
    ];

    public static string Name => "lesson-reminders";

    public static string Description => "Remind students and teachers 24 hours and 1 hour before each lesson";

    public static JobSchedule Schedule => JobSchedule.Every(TimeSpan.FromMinutes(5));

    public async Task<string> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var sent = 0;
        foreach (var (window, lead, notBefore, title) in Windows)
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
                await notifier.NotifyAsync([lesson.Student.StudentId], NotificationTypes.LessonReminder, title,
                    Body(lesson.Subject, lesson.StartsAt, lesson.Student.TimeZone), link, cancellationToken: cancellationToken);
                await notifier.NotifyAsync([lesson.Teacher.TeacherId], NotificationTypes.LessonReminder, title,
                    Body(lesson.Subject, lesson.StartsAt, lesson.Teacher.TimeZone), link, cancellationToken: cancellationToken);
                sent++;
            }
        }

        return $"{sent} reminder(s) sent";
    }

    /// <summary>"Mathematics at 15:00 (Europe/Moscow), Tue 1 Dec".</summary>
    public static string Body(string subject, DateTimeOffset startsAt, string timeZone)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var found) ? found : TimeZoneInfo.Utc;
        var local = TimeZoneInfo.ConvertTime(startsAt, zone);
        return string.Create(CultureInfo.InvariantCulture, $"{subject} at {local:HH:mm} ({zone.Id}), {local:ddd d MMM}");
    }
}
