using System.ComponentModel.DataAnnotations;
using TheBot.Api.Platform.Paging;

namespace TheBot.Api.Features.Statistics;

public sealed record UserStatisticsQuery
{
    /// <summary>Only users whose name or email contains this.</summary>
    [MaxLength(100)]
    public string? Search { get; init; }
}

/// <param name="SeenSince">"Seen recently" means signed in or refreshed a session since then (30 days before now).</param>
/// <param name="MonthStart">"New this month" means created since then (the first of the month, UTC).</param>
/// <param name="Roles">One row per role, every role listed.</param>
/// <param name="Total">All roles together.</param>
public sealed record UserStatistics(DateTimeOffset SeenSince, DateTimeOffset MonthStart, IReadOnlyList<RoleStatistics> Roles, RoleStatistics Total);

/// <param name="Role">student, teacher, tutor, parent, admin (or all in the total).</param>
/// <param name="Users">Every account of the role.</param>
/// <param name="Active">Accounts not deactivated.</param>
/// <param name="Deactivated">Deactivated accounts.</param>
/// <param name="SeenLast30Days">Accounts that signed in or used a session (token refresh) in the last 30 days.</param>
/// <param name="NewThisMonth">Accounts created since the first of this month (UTC).</param>
public sealed record RoleStatistics(string Role, int Users, int Active, int Deactivated, int SeenLast30Days, int NewThisMonth);

public sealed record ScheduleStatisticsQuery
{
    /// <summary>The first day (its whole week, from Monday, is counted); default: the Monday seven weeks before this week's.</summary>
    public DateOnly? From { get; init; }

    /// <summary>The last day (its whole week, to Sunday, is counted); default: today.</summary>
    public DateOnly? To { get; init; }

    /// <summary>Only this teacher.</summary>
    public Guid? TeacherId { get; init; }

    [Range(1, 1_000_000)]
    public int? Page { get; init; }

    [Range(1, PageRequest.MaxPageSize)]
    public int? PageSize { get; init; }

    public PageRequest Paging => new() { Page = Page, PageSize = PageSize };
}

/// <param name="From">The Monday the range starts on.</param>
/// <param name="To">The Sunday the range ends on (inclusive).</param>
/// <param name="Weeks">The Mondays of the range's weeks, oldest first; each teacher's weeks follow this order.</param>
/// <param name="Totals">Every teacher together, over the range.</param>
/// <param name="Teachers">Teachers with at least one lesson in the range, by name.</param>
public sealed record ScheduleStatistics(
    DateOnly From, DateOnly To, IReadOnlyList<DateOnly> Weeks, LessonCounts Totals, PagedResult<TeacherScheduleStatistics> Teachers);

public sealed record TeacherScheduleStatistics(Guid TeacherId, string FullName, LessonCounts Totals, IReadOnlyList<WeekLessonCounts> Weeks);

/// <param name="Lessons">Lessons that were not cancelled (pending, confirmed, completed or missed).</param>
/// <param name="Completed">Marked completed.</param>
/// <param name="Missed">Marked missed: the student did not come (the teacher marks it once the lesson has started).</param>
/// <param name="Cancelled">Cancelled, by anyone, at any time.</param>
public sealed record LessonCounts(int Lessons, int Completed, int Missed, int Cancelled)
{
    public static readonly LessonCounts None = new(0, 0, 0, 0);

    public LessonCounts Add(LessonCounts other) =>
        new(Lessons + other.Lessons, Completed + other.Completed, Missed + other.Missed, Cancelled + other.Cancelled);
}

public sealed record WeekLessonCounts(DateOnly WeekStart, int Lessons, int Completed, int Missed, int Cancelled);
