using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Auth;
using TheBot.Api.Platform.Errors;
using TheBot.Api.Platform.Paging;

namespace TheBot.Api.Features.Statistics;

/// <summary>Figures for running the centre: who uses it, and how the schedule goes.</summary>
public static class StatisticsApi
{
    /// <summary>How many weeks the schedule statistics cover at most.</summary>
    public const int MaxWeeks = 53;

    private const int DefaultWeeks = 8;

    private static readonly TimeSpan SeenWindow = TimeSpan.FromDays(30);

    public static IEndpointRouteBuilder MapStatisticsApi(this IEndpointRouteBuilder api)
    {
        var statistics = api.MapGroup("/admin/statistics").WithTags("Admin: statistics").RequireRoles(UserRole.Admin);
        statistics.MapGet("/users", UsersAsync).WithName("GetUserStatistics")
            .WithSummary("Users by role: accounts, active, deactivated, seen in the last 30 days, new this month");
        statistics.MapGet("/schedule", ScheduleAsync).WithName("GetScheduleStatistics")
            .WithSummary("Lessons per teacher per week (default the last 8 weeks): held or booked, completed, missed, cancelled");
        return api;
    }

    private static async Task<Ok<UserStatistics>> UsersAsync([AsParameters] UserStatisticsQuery query, TheBotDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var seenSince = now - SeenWindow;
        var monthStart = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero);
        var pattern = string.IsNullOrWhiteSpace(query.Search) ? "%" : SearchPattern.Containing(query.Search);
        // "Seen" is the sessions' last use (sign-in or token refresh): ix_auth_sessions_user_id_last_seen_at answers it per user.
        var rows = await db.Database.SqlQuery<RoleRow>($"""
            SELECT u.role,
                   count(*)::int AS users,
                   count(*) FILTER (WHERE u.is_active)::int AS active,
                   count(*) FILTER (WHERE EXISTS (SELECT 1 FROM auth_sessions AS s WHERE s.user_id = u.id AND s.last_seen_at >= {seenSince}))::int AS seen,
                   count(*) FILTER (WHERE u.created_at >= {monthStart})::int AS new_this_month
            FROM users AS u
            WHERE u.full_name ILIKE {pattern} OR u.email ILIKE {pattern}
            GROUP BY u.role
            """).ToListAsync(ct);

        var roles = Enum.GetValues<UserRole>()
            .Select(role => rows.FirstOrDefault(r => r.Role == role.ToName()) is { } r
                ? new RoleStatistics(r.Role, r.Users, r.Active, r.Users - r.Active, r.Seen, r.NewThisMonth)
                : new RoleStatistics(role.ToName(), 0, 0, 0, 0, 0))
            .ToList();
        var total = new RoleStatistics(
            "all", roles.Sum(r => r.Users), roles.Sum(r => r.Active), roles.Sum(r => r.Deactivated), roles.Sum(r => r.SeenLast30Days), roles.Sum(r => r.NewThisMonth));
        return TypedResults.Ok(new UserStatistics(seenSince, monthStart, roles, total));
    }

    private static async Task<Results<Ok<ScheduleStatistics>, ValidationProblem>> ScheduleAsync(
        [AsParameters] ScheduleStatisticsQuery query, TheBotDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var to = WeekStart(query.To ?? today).AddDays(7);
        var from = WeekStart(query.From ?? WeekStart(today).AddDays(-7 * (DefaultWeeks - 1)));
        if (from >= to)
        {
            return ApiProblems.Invalid("from", "The range starts after it ends.");
        }

        var weekCount = (to.DayNumber - from.DayNumber) / 7;
        if (weekCount > MaxWeeks)
        {
            return ApiProblems.Invalid("to", $"At most {MaxWeeks} weeks at once.");
        }

        var teacherFilter = query.TeacherId is { } teacherId ? new[] { teacherId } : [];
        var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var end = new DateTimeOffset(to.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        // ix_lessons_teacher_id_starts_at / ix_lessons_starts_at bound the scan to the range.
        var rows = await db.Database.SqlQuery<TeacherWeekRow>($"""
            SELECT l.teacher_id,
                   date_trunc('week', l.starts_at AT TIME ZONE 'UTC')::date AS week_start,
                   count(*) FILTER (WHERE l.status <> 'Cancelled')::int AS lessons,
                   count(*) FILTER (WHERE l.status = 'Completed')::int AS completed,
                   count(*) FILTER (WHERE l.status = 'Missed')::int AS missed,
                   count(*) FILTER (WHERE l.status = 'Cancelled')::int AS cancelled
            FROM lessons AS l
            WHERE l.starts_at >= {start} AND l.starts_at < {end}
              AND (cardinality({teacherFilter}) = 0 OR l.teacher_id = ANY({teacherFilter}))
            GROUP BY l.teacher_id, week_start
            """).ToListAsync(ct);

        var weeks = Enumerable.Range(0, weekCount).Select(i => from.AddDays(7 * i)).ToList();
        var byTeacher = rows.ToLookup(r => r.TeacherId);
        var teacherIds = byTeacher.Select(g => g.Key).ToList();
        var names = await db.Users.AsNoTracking().Where(u => teacherIds.Contains(u.Id))
            .OrderBy(u => u.FullName).ThenBy(u => u.Id)
            .Select(u => new { u.Id, u.FullName })
            .ToListAsync(ct);
        var paging = query.Paging;
        var items = names.Skip(paging.Skip).Take(paging.Size)
            .Select(t => ToTeacher(t.Id, t.FullName, byTeacher[t.Id], weeks))
            .ToList();
        var totals = rows.Aggregate(LessonCounts.None, (sum, r) => sum.Add(r.Counts));
        return TypedResults.Ok(new ScheduleStatistics(
            from, to.AddDays(-1), weeks, totals, new PagedResult<TeacherScheduleStatistics>(items, paging.PageNumber, paging.Size, names.Count)));
    }

    private static TeacherScheduleStatistics ToTeacher(Guid id, string name, IEnumerable<TeacherWeekRow> rows, List<DateOnly> weeks)
    {
        var byWeek = rows.ToDictionary(r => r.WeekStart);
        var perWeek = weeks
            .Select(w => byWeek.TryGetValue(w, out var r)
                ? new WeekLessonCounts(w, r.Lessons, r.Completed, r.Missed, r.Cancelled)
                : new WeekLessonCounts(w, 0, 0, 0, 0))
            .ToList();
        return new TeacherScheduleStatistics(id, name, byWeek.Values.Aggregate(LessonCounts.None, (sum, r) => sum.Add(r.Counts)), perWeek);
    }

    /// <summary>The Monday of the day's week.</summary>
    private static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    private sealed record RoleRow(string Role, int Users, int Active, int Seen, int NewThisMonth);

    private sealed record TeacherWeekRow(Guid TeacherId, DateOnly WeekStart, int Lessons, int Completed, int Missed, int Cancelled)
    {
        public LessonCounts Counts => new(Lessons, Completed, Missed, Cancelled);
    }
}
