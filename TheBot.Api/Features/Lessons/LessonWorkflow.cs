using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using TheBot.Api.Data;
using TheBot.Api.Platform.Errors;
using TheBot.Api.Platform.Validation;
using TheBot.Api.Platform.Workflow;
using static TheBot.Api.Features.Lessons.LessonStatus;

namespace TheBot.Api.Features.Lessons;

/// <summary>
/// The lesson state machine: booked pending → confirmed; a pending or confirmed lesson can be moved (and is
/// pending again), cancelled (at least <see cref="CancelWindow"/> ahead, admins at any time), or, once it
/// has started, completed or marked missed. Every step is written to the history.
/// </summary>
public static class LessonWorkflow
{
    /// <summary>Non-admins cancel at least this long before the start.</summary>
    public static readonly TimeSpan CancelWindow = TimeSpan.FromHours(2);

    private static readonly Transitions<LessonStatus> Allowed = new Transitions<LessonStatus>()
        .Allow(Pending, from: [Pending, Confirmed])
        .Allow(Confirmed, from: Pending)
        .Allow(Cancelled, from: [Pending, Confirmed])
        .Allow(Completed, from: [Pending, Confirmed])
        .Allow(Missed, from: [Pending, Confirmed]);

    public static void Book(Lesson lesson, DbSet<LessonHistoryEntry> history, Guid actorId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(history);
        history.Add(Entry(lesson, "created", actorId, now, from: null, fromTimes: null, note: null));
    }

    /// <summary>Checked before the new times are, so that a lesson that cannot move says so first.</summary>
    public static TransitionResult CanReschedule(Lesson lesson)
    {
        ArgumentNullException.ThrowIfNull(lesson);
        return Allowed.Permits(lesson.Status, Pending)
            ? TransitionResult.Changed
            : TransitionResult.NotAllowed($"A {WireName.Of(lesson.Status)} lesson cannot be rescheduled.");
    }

    /// <summary>Moves the lesson; a confirmed lesson needs confirming again.</summary>
    public static TransitionResult Reschedule(Lesson lesson, DbSet<LessonHistoryEntry> history, Guid actorId, DateTimeOffset now,
        DateTimeOffset startsAt, DateTimeOffset endsAt)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (CanReschedule(lesson) is { Succeeded: false } refused)
        {
            return refused;
        }

        var (from, fromTimes) = (lesson.Status, (lesson.StartsAt, lesson.EndsAt));
        lesson.StartsAt = startsAt;
        lesson.EndsAt = endsAt;
        lesson.Status = Pending;
        lesson.UpdatedAt = now;
        history.Add(Entry(lesson, "rescheduled", actorId, now, from, fromTimes, note: null));
        return TransitionResult.Changed;
    }

    public static TransitionResult Confirm(Lesson lesson, DbSet<LessonHistoryEntry> history, Guid actorId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(lesson);
        return Allowed.Permits(lesson.Status, Confirmed)
            ? Move(lesson, history, Confirmed, actorId, now)
            : TransitionResult.NotAllowed($"Only pending lessons can be confirmed; this one is {WireName.Of(lesson.Status)}.");
    }

    public static TransitionResult Cancel(Lesson lesson, DbSet<LessonHistoryEntry> history, Guid actorId, bool byAdmin, DateTimeOffset now, string reason)
    {
        ArgumentNullException.ThrowIfNull(lesson);
        if (!Allowed.Permits(lesson.Status, Cancelled))
        {
            return TransitionResult.NotAllowed($"A {WireName.Of(lesson.Status)} lesson cannot be cancelled.");
        }

        if (!byAdmin && lesson.StartsAt - now < CancelWindow)
        {
            return TransitionResult.Refused("Lessons can be cancelled only at least 2 hours before they start.");
        }

        lesson.CancelReason = reason;
        return Move(lesson, history, Cancelled, actorId, now, reason);
    }

    public static TransitionResult Complete(Lesson lesson, DbSet<LessonHistoryEntry> history, Guid actorId, DateTimeOffset now) =>
        OnceStarted(lesson, history, Completed, "completed", actorId, now);

    /// <summary>The student did not come.</summary>
    public static TransitionResult MarkMissed(Lesson lesson, DbSet<LessonHistoryEntry> history, Guid actorId, DateTimeOffset now) =>
        OnceStarted(lesson, history, Missed, "marked missed", actorId, now);

    /// <summary>Completed or missed: only from a status that allows it (409), and only once the lesson has started (422).</summary>
    private static TransitionResult OnceStarted(Lesson lesson, DbSet<LessonHistoryEntry> history, LessonStatus to, string becoming,
        Guid actorId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(lesson);
        if (!Allowed.Permits(lesson.Status, to))
        {
            return TransitionResult.NotAllowed($"A {WireName.Of(lesson.Status)} lesson cannot be {becoming}.");
        }

        return lesson.StartsAt > now
            ? TransitionResult.Refused($"A lesson can be {becoming} only once it has started.")
            : Move(lesson, history, to, actorId, now);
    }

    /// <summary>A status change; the history's action is the new status (confirmed, cancelled, completed, missed).</summary>
    private static TransitionResult Move(Lesson lesson, DbSet<LessonHistoryEntry> history, LessonStatus to, Guid actorId, DateTimeOffset now,
        string? note = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        var from = lesson.Status;
        lesson.Status = to;
        lesson.UpdatedAt = now;
        history.Add(Entry(lesson, WireName.Of(to), actorId, now, from, fromTimes: null, note));
        return TransitionResult.Changed;
    }

    /// <summary>
    /// Saves a booked or moved lesson. No two lessons of a teacher or of a student overlap: the database's exclusion
    /// constraints hold that rule (a race cannot break it), and their refusal becomes 409 naming the lesson in the way:
    /// its id, times, student and subject (<see cref="ConflictingLesson"/>), found through the constraint's own index.
    /// </summary>
    public static async Task<ProblemHttpResult?> SaveScheduleAsync(TheBotDbContext db, Lesson lesson, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.ExclusionViolation } pg)
        {
            db.ChangeTracker.Clear();
            var teacher = pg.ConstraintName == LessonSchemaSql.TeacherConstraint;
            var conflicting = await db.Lessons
                .FromSqlRaw(teacher ? LessonSchemaSql.TeacherOverlapQuery : LessonSchemaSql.StudentOverlapQuery,
                    teacher ? lesson.TeacherId : lesson.StudentId, lesson.StartsAt, lesson.EndsAt, lesson.Id)
                .AsNoTracking()
                .OrderBy(l => l.StartsAt)
                .Select(l => new ConflictingLesson(l.Id, l.StartsAt, l.EndsAt,
                    new ConflictingLessonPerson(l.StudentId, l.Student!.FullName),
                    new ConflictingLessonSubject(l.SubjectId, l.Subject!.Name),
                    l.TeacherId == lesson.TeacherId))
                .FirstOrDefaultAsync(ct);
            return ApiProblems.Conflict(
                teacher ? "The teacher already has a lesson at this time." : "The student already has a lesson at this time.",
                new Dictionary<string, object?>
                {
                    ["conflictingLessonId"] = conflicting?.Id,
                    ["conflictsWith"] = teacher ? "teacher" : "student",
                    ["conflictingLesson"] = conflicting,
                });
        }
    }

    internal static LessonHistoryEntry Entry(Lesson lesson, string action, Guid actorId, DateTimeOffset now,
        LessonStatus? from, (DateTimeOffset Start, DateTimeOffset End)? fromTimes, string? note) => new()
    {
        Id = Guid.CreateVersion7(),
        LessonId = lesson.Id,
        Action = action,
        ActorId = actorId,
        At = now,
        FromStatus = from,
        ToStatus = lesson.Status,
        FromStartsAt = fromTimes?.Start,
        FromEndsAt = fromTimes?.End,
        ToStartsAt = lesson.StartsAt,
        ToEndsAt = lesson.EndsAt,
        Note = note,
    };
}
