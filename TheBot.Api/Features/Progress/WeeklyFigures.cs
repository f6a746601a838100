using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Features.Assignments;
using TheBot.Api.Features.Lessons;
using TheBot.Api.Platform.Time;

namespace TheBot.Api.Features.Progress;

/// <summary>
/// A week's attendance (lessons attended of those scheduled) and average score (the percentage of the work graded
/// that week), as a report carries them.
/// </summary>
public sealed record WeeklyFigures(int LessonsAttended, int LessonsScheduled, decimal? AverageScore)
{
    public const int MaxLessons = 100;

    /// <summary>
    /// The figures of one student's ISO week (Monday 00:00 to Monday 00:00 in the student's time zone), in one subject
    /// or in all: lessons that started that week and were not cancelled, those completed, and the work graded that week.
    /// </summary>
    public static async Task<WeeklyFigures> ComputeAsync(TheBotDbContext db, Guid studentId, Guid? subjectId, DateOnly weekStart, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var (from, until) = ReportWeeks.Bounds(weekStart, await ReportWeeks.ZoneOfAsync(db, studentId, ct));
        var lessons = db.Lessons.Where(l => l.StudentId == studentId && l.StartsAt >= from && l.StartsAt < until && l.Status != LessonStatus.Cancelled);
        var graded = db.Submissions.Where(s => s.StudentId == studentId && s.Status == SubmissionStatus.Graded && s.GradedAt >= from && s.GradedAt < until);
        if (subjectId is { } subject)
        {
            lessons = lessons.Where(l => l.SubjectId == subject);
            graded = graded.Where(s => s.Assignment!.SubjectId == subject);
        }

        var figures = await db.Users.AsNoTracking().Where(u => u.Id == studentId)
            .Select(u => new
            {
                Scheduled = lessons.Count(),
                Attended = lessons.Count(l => l.Status == LessonStatus.Completed),
                Average = graded.Average(s => (decimal?)(s.FinalScore!.Value * 100 / s.Assignment!.MaxScore)),
            })
            .FirstAsync(ct);
        return new WeeklyFigures(
            Math.Min(figures.Attended, MaxLessons), Math.Min(figures.Scheduled, MaxLessons),
            figures.Average is { } average ? Math.Clamp(decimal.Round(average, 1), 0, 100) : null);
    }
}

/// <summary>
/// Reports are kept by ISO week, named by its Monday. A week is reckoned in a person's profile time zone: the
/// student's for the figures a report carries, the caller's for "this week".
/// </summary>
public static class ReportWeeks
{
    public static DateOnly StartOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>The Monday of the week it is now in the zone.</summary>
    public static DateOnly Current(TimeProvider clock, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return StartOf(UserTimeZone.DayOf(clock.GetUtcNow(), zone));
    }

    /// <summary>The person's profile time zone (UTC when unset or unknown).</summary>
    public static async Task<TimeZoneInfo> ZoneOfAsync(TheBotDbContext db, Guid userId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return UserTimeZone.Find(await db.Users.Where(u => u.Id == userId).Select(u => u.TimeZone).FirstOrDefaultAsync(ct));
    }

    /// <summary>The week's first instant and the next week's: Monday midnights in the zone.</summary>
    public static (DateTimeOffset From, DateTimeOffset Until) Bounds(DateOnly weekStart, TimeZoneInfo zone) =>
        (UserTimeZone.StartOf(weekStart, zone), UserTimeZone.StartOf(weekStart.AddDays(7), zone));

    /// <summary>Monday is 0, Sunday 6.</summary>
    public static int DayIndex(DayOfWeek day) => ((int)day + 6) % 7;
}
