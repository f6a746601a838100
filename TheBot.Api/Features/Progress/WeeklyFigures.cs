using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Features.Assignments;
using TheBot.Api.Features.Lessons;

namespace TheBot.Api.Features.Progress;

/// <summary>
/// A week's attendance (lessons attended of those scheduled) and average score (the percentage of the work graded
/// that week), as a report carries them.
/// </summary>
public sealed record WeeklyFigures(int LessonsAttended, int LessonsScheduled, decimal? AverageScore)
{
    public const int MaxLessons = 100;

    /// <summary>
    /// The figures of one student's ISO week (Monday 00:00 to Monday 00:00 UTC), in one subject or in all: lessons
    /// that started that week and were not cancelled, those completed, and the work graded that week.
    /// </summary>
    public static async Task<WeeklyFigures> ComputeAsync(TheBotDbContext db, Guid studentId, Guid? subjectId, DateOnly weekStart, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var (from, until) = ReportWeeks.Bounds(weekStart);
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

/// <summary>Reports are kept by ISO week, named by its Monday, and reckoned in UTC.</summary>
public static class ReportWeeks
{
    public static DateOnly StartOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    public static DateOnly Current(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return StartOf(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
    }

    /// <summary>The week's first instant and the next week's, in UTC.</summary>
    public static (DateTimeOffset From, DateTimeOffset Until) Bounds(DateOnly weekStart)
    {
        var from = new DateTimeOffset(weekStart.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return (from, from.AddDays(7));
    }

    /// <summary>Monday is 0, Sunday 6.</summary>
    public static int DayIndex(DayOfWeek day) => ((int)day + 6) % 7;
}
