using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Auth;
using TheBot.Api.Platform.Paging;

namespace TheBot.Api.Features.Lessons;

/// <summary>
/// The week calendar's request — a period and nothing else, asked by a teacher or a student, the busiest read — as
/// EF compiled queries: the same SQL and rows as <see cref="LessonsApi.ListQuery"/> builds for it, without EF's
/// per-request expression-tree work (parameter extraction and the query-cache lookup took ~16 % of api's CPU for
/// this request; docs/benchmarks.md). Every other shape of the list goes through <see cref="LessonsApi.ListQuery"/>.
/// </summary>
internal static class LessonPeriodQueries
{
    private delegate IAsyncEnumerable<LessonResponse> PeriodQuery(
        TheBotDbContext db, Guid userId, DateTimeOffset fromUtc, DateTimeOffset startsAfter, DateTimeOffset toUtc, int skip, int take);

    private static readonly PeriodQuery Teacher = new(EF.CompileAsyncQuery(
        (TheBotDbContext db, Guid userId, DateTimeOffset fromUtc, DateTimeOffset startsAfter, DateTimeOffset toUtc, int skip, int take) =>
            db.Lessons.AsNoTracking()
                .Where(l => l.TeacherId == userId)
                .Where(l => l.EndsAt > fromUtc && l.StartsAt >= startsAfter)
                .Where(l => l.StartsAt < toUtc)
                .OrderBy(l => l.StartsAt).ThenBy(l => l.Id)
                .Select(LessonAccess.Projection)
                .Skip(skip).Take(take)));

    private static readonly PeriodQuery Student = new(EF.CompileAsyncQuery(
        (TheBotDbContext db, Guid userId, DateTimeOffset fromUtc, DateTimeOffset startsAfter, DateTimeOffset toUtc, int skip, int take) =>
            db.Lessons.AsNoTracking()
                .Where(l => l.StudentId == userId)
                .Where(l => l.EndsAt > fromUtc && l.StartsAt >= startsAfter)
                .Where(l => l.StartsAt < toUtc)
                .OrderBy(l => l.StartsAt).ThenBy(l => l.Id)
                .Select(LessonAccess.Projection)
                .Skip(skip).Take(take)));

    /// <summary>The page when the request is the calendar's shape (teacher or student, from and to, no other filter); otherwise null.</summary>
    public static async Task<PagedResult<LessonResponse>?> TryPageAsync(LessonQuery query, CurrentUser caller, TheBotDbContext db, CancellationToken ct)
    {
        var compiled = caller.Role switch
        {
            UserRole.Teacher => Teacher,
            UserRole.Student => Student,
            _ => null,
        };
        if (compiled is null || query is not { From: { } from, To: { } to, TeacherId: null, StudentId: null, SubjectId: null }
            || !string.IsNullOrWhiteSpace(query.Status))
        {
            return null;
        }

        var fromUtc = from.ToUniversalTime();
        var paging = query.Paging;
        var items = new List<LessonResponse>();
        await foreach (var lesson in compiled(db, caller.Id, fromUtc, fromUtc.AddMinutes(-Lesson.MaxMinutes), to.ToUniversalTime(), paging.Skip, paging.Size)
            .WithCancellation(ct))
        {
            items.Add(lesson);
        }

        return await items.ToPageAsync(paging, () => LessonsApi.ListQuery(query, caller, db), ct);
    }
}
