using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Features.Enrollments;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Auth;
using TheBot.Api.Platform.Errors;
using TheBot.Api.Platform.Paging;
using TheBot.Api.Platform.Validation;
using TheBot.Api.Platform.Workflow;

namespace TheBot.Api.Features.Lessons;

public static class LessonsApi
{
    public static IEndpointRouteBuilder MapLessonsApi(this IEndpointRouteBuilder api)
    {
        var lessons = api.MapGroup("/lessons").WithTags("Lessons");
        lessons.MapGet("/", ListAsync).RequireSignedIn()
            .WithName("ListLessons").WithSummary("Lessons in a period the caller may see (own, students', children's, or all for admins)");
        lessons.MapPost("/", CreateAsync).RequireRoles(UserRole.Teacher, UserRole.Admin)
            .WithName("CreateLesson").WithSummary("Schedule a lesson with an enrolled student; overlapping bookings are refused")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        lessons.MapGet("/{id:guid}", GetAsync).RequireSignedIn()
            .WithName("GetLesson").WithSummary("One lesson").ProducesProblem(StatusCodes.Status404NotFound);
        lessons.MapPatch("/{id:guid}", RescheduleAsync).RequireRoles(UserRole.Teacher, UserRole.Admin)
            .WithName("RescheduleLesson").WithSummary("Move a lesson (a confirmed lesson becomes pending again)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        lessons.MapPost("/{id:guid}/confirm", ConfirmAsync).RequireRoles(UserRole.Student, UserRole.Teacher, UserRole.Admin)
            .WithName("ConfirmLesson").WithSummary("Confirm a pending lesson")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        lessons.MapPost("/{id:guid}/cancel", CancelAsync).RequireRoles(UserRole.Student, UserRole.Teacher, UserRole.Tutor, UserRole.Admin)
            .WithName("CancelLesson").WithSummary("Cancel with a reason, at least 2 hours before the start (admins at any time)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        lessons.MapPost("/{id:guid}/complete", CompleteAsync).RequireRoles(UserRole.Teacher, UserRole.Admin)
            .WithName("CompleteLesson").WithSummary("Mark a lesson that has started as completed")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        lessons.MapPost("/{id:guid}/missed", MissedAsync).RequireRoles(UserRole.Teacher, UserRole.Admin)
            .WithName("MarkLessonMissed").WithSummary("Record that the student did not come to a lesson that has started")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        lessons.MapGet("/{id:guid}/history", HistoryAsync).RequireSignedIn()
            .WithName("GetLessonHistory").WithSummary("Every change of a lesson: who, when, old → new")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Ok<PagedResult<LessonResponse>>> ListAsync(
        [AsParameters] LessonQuery query, CurrentUser caller, TheBotDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await PageAsync(query, caller, db, ct));

    /// <summary>The list's page: the week calendar's shape by its compiled query, any other by <see cref="ListQuery"/>; <see cref="LessonsWarmup"/> runs it once before the replica reports ready.</summary>
    internal static async Task<PagedResult<LessonResponse>> PageAsync(LessonQuery query, CurrentUser caller, TheBotDbContext db, CancellationToken ct) =>
        await LessonPeriodQueries.TryPageAsync(query, caller, db, ct) ?? await ListQuery(query, caller, db).ToPageAsync(query.Paging, ct);

    /// <summary>The list's query, any filters.</summary>
    internal static IQueryable<LessonResponse> ListQuery(LessonQuery query, CurrentUser caller, TheBotDbContext db)
    {
        var lessons = LessonAccess.Visible(db, caller).AsNoTracking();
        if (query.From is { } from)
        {
            var fromUtc = from.ToUniversalTime();
            // The redundant lower bound on starts_at (no lesson is longer than MaxMinutes, a check constraint)
            // lets the (person, starts_at) indexes seek to the period instead of reading all earlier lessons.
            var startsAfter = fromUtc.AddMinutes(-Lesson.MaxMinutes);
            lessons = lessons.Where(l => l.EndsAt > fromUtc && l.StartsAt >= startsAfter);
        }

        if (query.To is { } to)
        {
            var toUtc = to.ToUniversalTime();
            lessons = lessons.Where(l => l.StartsAt < toUtc);
        }

        lessons = lessons.FilteredBy(query.TeacherId, teacherId => l => l.TeacherId == teacherId);
        lessons = lessons.FilteredBy(query.StudentId, studentId => l => l.StudentId == studentId);
        lessons = lessons.FilteredBy(query.SubjectId, subjectId => l => l.SubjectId == subjectId);
        lessons = lessons.FilteredBy(query.StatusFilter, status => l => l.Status == status);

        return lessons
            .OrderBy(l => l.StartsAt).ThenBy(l => l.Id)
            .Select(LessonAccess.Projection);
    }

    private static async Task<Results<Ok<LessonResponse>, ProblemHttpResult>> GetAsync(
        Guid id, CurrentUser caller, TheBotDbContext db, CancellationToken ct) =>
        await LessonAccess.Visible(db, caller).AsNoTracking().Where(l => l.Id == id).Select(LessonAccess.Projection).FirstOrDefaultAsync(ct)
            is { } lesson ? TypedResults.Ok(lesson) : ApiProblems.NotFound("The lesson");

    private static async Task<Results<Created<LessonResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateLessonRequest request, CurrentUser caller, [AsParameters] LessonServices services, CancellationToken ct)
    {
        var (db, events, notices, clock) = services;
        var callerId = caller.Id;
        Guid teacherId;
        if (caller.IsAdmin)
        {
            if (request.TeacherId is not { } chosen)
            {
                return ApiProblems.Invalid("teacherId", "Name the teacher of the lesson.");
            }

            teacherId = chosen;
        }
        else
        {
            if (request.TeacherId is { } other && other != callerId)
            {
                return ApiProblems.Invalid("teacherId", "Teachers schedule their own lessons.");
            }

            teacherId = callerId;
        }

        var now = clock.GetUtcNow();
        var startsAt = request.StartsAt!.Value.ToUniversalTime();
        var endsAt = request.EndsAt!.Value.ToUniversalTime();
        if (LessonRequestChecks.Schedule(startsAt, endsAt, request.MeetingLink, now) is { } invalid)
        {
            return invalid;
        }

        var studentId = request.StudentId!.Value;
        var subjectId = request.SubjectId!.Value;
        if (!await db.Enrollments.AnyAsync(e => e.TeacherId == teacherId && e.StudentId == studentId && e.SubjectId == subjectId
                && e.Status == EnrollmentStatus.Active, ct))
        {
            return ApiProblems.Unprocessable("The teacher, the student and the subject do not share an active enrollment.");
        }

        var lesson = new Lesson
        {
            Id = Guid.CreateVersion7(),
            TeacherId = teacherId,
            StudentId = studentId,
            SubjectId = subjectId,
            StartsAt = startsAt,
            EndsAt = endsAt,
            Topic = string.IsNullOrWhiteSpace(request.Topic) ? null : request.Topic.Trim(),
            MeetingLink = string.IsNullOrWhiteSpace(request.MeetingLink) ? null : request.MeetingLink.Trim(),
            CreatedById = callerId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Lessons.Add(lesson);
        LessonWorkflow.Book(lesson, db.LessonHistory, callerId, now);
        await notices.StageAsync(lesson, "created", callerId, ct);
        if (await LessonWorkflow.SaveScheduleAsync(db, lesson, ct) is { } conflict)
        {
            return conflict;
        }

        await events.ChangedAsync(lesson, "created", ct);
        var response = await db.Lessons.AsNoTracking().Where(l => l.Id == lesson.Id).Select(LessonAccess.Projection).FirstAsync(ct);
        return TypedResults.Created($"/api/lessons/{lesson.Id}", response);
    }

    private static async Task<Results<Ok<LessonResponse>, ValidationProblem, ProblemHttpResult>> RescheduleAsync(
        Guid id, RescheduleLessonRequest request, CurrentUser caller, [AsParameters] LessonServices services, CancellationToken ct)
    {
        var (db, events, notices, clock) = services;
        var lesson = await LessonAccess.Visible(db, caller).FirstOrDefaultAsync(l => l.Id == id, ct);
        if (lesson is null)
        {
            return ApiProblems.NotFound("The lesson");
        }

        if (LessonWorkflow.CanReschedule(lesson).Problem() is { } notAllowed)
        {
            return notAllowed;
        }

        var now = clock.GetUtcNow();
        var startsAt = request.StartsAt!.Value.ToUniversalTime();
        var endsAt = request.EndsAt!.Value.ToUniversalTime();
        if (LessonRequestChecks.Schedule(startsAt, endsAt, request.MeetingLink, now) is { } invalid)
        {
            return invalid;
        }

        if (!await db.Enrollments.AnyAsync(e => e.TeacherId == lesson.TeacherId && e.StudentId == lesson.StudentId && e.SubjectId == lesson.SubjectId
                && e.Status == EnrollmentStatus.Active, ct))
        {
            return ApiProblems.Unprocessable("The teacher, the student and the subject no longer share an active enrollment.");
        }

        LessonWorkflow.Reschedule(lesson, db.LessonHistory, caller.Id, now, startsAt, endsAt);
        lesson.Topic = request.Topic is null ? lesson.Topic : string.IsNullOrWhiteSpace(request.Topic) ? null : request.Topic.Trim();
        lesson.MeetingLink = request.MeetingLink is null ? lesson.MeetingLink : string.IsNullOrWhiteSpace(request.MeetingLink) ? null : request.MeetingLink.Trim();
        await notices.StageAsync(lesson, "rescheduled", caller.Id, ct);
        if (await LessonWorkflow.SaveScheduleAsync(db, lesson, ct) is { } conflict)
        {
            return conflict;
        }

        await events.ChangedAsync(lesson, "rescheduled", ct);
        return TypedResults.Ok(await db.Lessons.AsNoTracking().Where(l => l.Id == id).Select(LessonAccess.Projection).FirstAsync(ct));
    }

    private static Task<Results<Ok<LessonResponse>, ProblemHttpResult>> ConfirmAsync(
        Guid id, CurrentUser caller, [AsParameters] LessonServices services, CancellationToken ct) =>
        TransitionAsync(id, caller, services, (lesson, now) => LessonWorkflow.Confirm(lesson, services.Db.LessonHistory, caller.Id, now), ct);

    private static Task<Results<Ok<LessonResponse>, ProblemHttpResult>> CancelAsync(
        Guid id, CancelLessonRequest request, CurrentUser caller, [AsParameters] LessonServices services, CancellationToken ct) =>
        TransitionAsync(id, caller, services, (lesson, now) =>
            LessonWorkflow.Cancel(lesson, services.Db.LessonHistory, caller.Id, caller.IsAdmin, now, request.Reason!.Trim()), ct);

    private static Task<Results<Ok<LessonResponse>, ProblemHttpResult>> CompleteAsync(
        Guid id, CurrentUser caller, [AsParameters] LessonServices services, CancellationToken ct) =>
        TransitionAsync(id, caller, services, (lesson, now) => LessonWorkflow.Complete(lesson, services.Db.LessonHistory, caller.Id, now), ct);

    private static Task<Results<Ok<LessonResponse>, ProblemHttpResult>> MissedAsync(
        Guid id, CurrentUser caller, [AsParameters] LessonServices services, CancellationToken ct) =>
        TransitionAsync(id, caller, services, (lesson, now) => LessonWorkflow.MarkMissed(lesson, services.Db.LessonHistory, caller.Id, now), ct);

    /// <summary>Loads the lesson the caller may see, runs one workflow step, saves and tells the people concerned.</summary>
    private static async Task<Results<Ok<LessonResponse>, ProblemHttpResult>> TransitionAsync(
        Guid id, CurrentUser caller, LessonServices services, Func<Lesson, DateTimeOffset, TransitionResult> step, CancellationToken ct)
    {
        var (db, events, notices, clock) = services;
        var lesson = await LessonAccess.Visible(db, caller).FirstOrDefaultAsync(l => l.Id == id, ct);
        if (lesson is null)
        {
            return ApiProblems.NotFound("The lesson");
        }

        if (step(lesson, clock.GetUtcNow()).Problem() is { } problem)
        {
            return problem;
        }

        await notices.StageAsync(lesson, WireName.Of(lesson.Status), caller.Id, ct);
        await db.SaveChangesAsync(ct);
        await events.ChangedAsync(lesson, WireName.Of(lesson.Status), ct);
        return TypedResults.Ok(await db.Lessons.AsNoTracking().Where(l => l.Id == id).Select(LessonAccess.Projection).FirstAsync(ct));
    }

    private static async Task<Results<Ok<List<LessonHistoryItem>>, ProblemHttpResult>> HistoryAsync(
        Guid id, CurrentUser caller, TheBotDbContext db, CancellationToken ct)
    {
        if (!await LessonAccess.Visible(db, caller).AnyAsync(l => l.Id == id, ct))
        {
            return ApiProblems.NotFound("The lesson");
        }

        return TypedResults.Ok(await db.LessonHistory.AsNoTracking()
            .Where(h => h.LessonId == id)
            .OrderBy(h => h.At).ThenBy(h => h.Id)
            .Select(h => new LessonHistoryItem(
                h.Action,
                h.ActorId == null ? null : new PersonRef(h.Actor!.Id, h.Actor.FullName, h.Actor.Email!),
                h.At, h.FromStatus, h.ToStatus, h.FromStartsAt, h.FromEndsAt, h.ToStartsAt, h.ToEndsAt, h.Note))
            .ToListAsync(ct));
    }
}

/// <summary>What the lesson handlers work with, bound as one parameter.</summary>
internal sealed record LessonServices(TheBotDbContext Db, LessonEvents Events, LessonNotices Notices, TimeProvider Clock);
