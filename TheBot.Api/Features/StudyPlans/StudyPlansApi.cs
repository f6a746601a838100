using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Features.Enrollments;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Auth;
using TheBot.Api.Platform.Errors;
using TheBot.Api.Platform.Paging;
using TheBot.Api.Platform.Realtime;
using TheBot.Api.Platform.Storage;
using TheBot.Api.Platform.Time;
using TheBot.Api.Platform.Validation;
using TheBot.Realtime.Contracts;

namespace TheBot.Api.Features.StudyPlans;

public static class StudyPlansApi
{
    public static IEndpointRouteBuilder MapStudyPlansApi(this IEndpointRouteBuilder api)
    {
        var plans = api.MapGroup("/study-plans").WithTags("StudyPlans");
        plans.MapGet("/", ListAsync).RequireSignedIn()
            .WithName("ListStudyPlans").WithSummary("Weekly study plans I wrote, or sent plans of me, my children or my students; newest week first");
        plans.MapGet("/current-week", CurrentWeekAsync).RequireSignedIn()
            .WithName("GetCurrentStudyWeek").WithSummary("The Monday of my current week, in my profile's time zone");
        plans.MapGet("/{id:guid}", GetAsync).RequireSignedIn()
            .WithName("GetStudyPlan").WithSummary("One study plan with its items")
            .ProducesProblem(StatusCodes.Status404NotFound);
        plans.MapPost("/", CreateAsync).RequireRoles(UserRole.Teacher)
            .WithName("CreateStudyPlan").WithSummary("Draft a week's plan for a student I teach the subject (one per student, subject and week)")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        plans.MapPost("/copy-previous", CopyPreviousAsync).RequireRoles(UserRole.Teacher)
            .WithName("CopyPreviousStudyPlan").WithSummary("Draft a week's plan as a copy of the student's latest earlier plan in the subject (mine, or a sent one; ticks cleared)")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        plans.MapPut("/{id:guid}", UpdateAsync).RequireRoles(UserRole.Teacher)
            .WithName("UpdateStudyPlan").WithSummary("Replace my plan's items; after sending, the student is told what changed")
            .ProducesProblem(StatusCodes.Status404NotFound);
        plans.MapPost("/{id:guid}/send", SendAsync).RequireRoles(UserRole.Teacher)
            .WithName("SendStudyPlan").WithSummary("Send my draft plan to the student (and their parents and tutor)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        plans.MapDelete("/{id:guid}", DeleteAsync).RequireRoles(UserRole.Teacher)
            .WithName("DeleteStudyPlan").WithSummary("Delete my draft plan (a sent one stays)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        plans.MapPost("/{id:guid}/items/{itemId:guid}/done", TickAsync).RequireRoles(UserRole.Student)
            .WithName("TickStudyPlanItem").WithSummary("Tick an item of my plan done, or not done")
            .ProducesProblem(StatusCodes.Status404NotFound);
        plans.MapPost("/{id:guid}/items/{itemId:guid}/file", UploadAsync).RequireRoles(UserRole.Teacher)
            .WithName("UploadStudyPlanFile").WithSummary("Attach a file to a file item of my plan (multipart, type checked by content); replaces any previous one")
            .AcceptsFileUpload()
            .Produces<StudyPlanResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        plans.MapGet("/{id:guid}/items/{itemId:guid}/file", DownloadAsync).RequireSignedIn()
            .WithName("DownloadStudyPlanFile").WithSummary("Download an item's file (only plans the caller may see)")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Ok<PagedResult<StudyPlanResponse>>> ListAsync(
        [AsParameters] StudyPlanQuery query, CurrentUser caller, TheBotDbContext db, CancellationToken ct)
    {
        var plans = StudyPlanAccess.Visible(db, caller).AsNoTracking()
            .FilteredBy(query.StudentId, studentId => p => p.StudentId == studentId)
            .FilteredBy(query.SubjectId, subjectId => p => p.SubjectId == subjectId)
            .FilteredBy(query.WeekStart, week => p => p.WeekStart == week);
        return TypedResults.Ok(await plans.OrderByDescending(p => p.WeekStart).ThenBy(p => p.Subject!.Name).ThenBy(p => p.Id)
            .Select(StudyPlanAccess.Projection).ToPageAsync(query.Paging, ct));
    }

    private static async Task<Ok<StudyPlanWeekResponse>> CurrentWeekAsync(CurrentUser caller, TheBotDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var zone = await db.Users.Where(u => u.Id == caller.Id).Select(u => u.TimeZone).FirstOrDefaultAsync(ct);
        return TypedResults.Ok(new StudyPlanWeekResponse(StudyWeeks.StartOf(UserTimeZone.DayOf(clock.GetUtcNow(), UserTimeZone.Find(zone)))));
    }

    private static async Task<Results<Ok<StudyPlanResponse>, ProblemHttpResult>> GetAsync(
        Guid id, CurrentUser caller, TheBotDbContext db, CancellationToken ct)
    {
        var plan = await StudyPlanAccess.Visible(db, caller).AsNoTracking().Where(p => p.Id == id).Select(StudyPlanAccess.Projection).FirstOrDefaultAsync(ct);
        return plan is null ? ApiProblems.NotFound("The study plan") : TypedResults.Ok(plan);
    }

    private static async Task<Results<Created<StudyPlanResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateStudyPlanRequest request, CurrentUser caller, TheBotDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var (studentId, subjectId, week) = (request.StudentId!.Value, request.SubjectId!.Value, request.WeekStart!.Value);
        if (week.DayOfWeek != DayOfWeek.Monday)
        {
            return ApiProblems.Invalid("weekStart", "A week starts on a Monday.");
        }

        if (await CheckWeekAsync(db, caller, studentId, subjectId, week, ct) is { } refused)
        {
            return refused;
        }

        var items = request.Items ?? [];
        if (StudyPlanItems.Check(items, existing: null) is { } invalid)
        {
            return invalid;
        }

        var now = clock.GetUtcNow();
        var plan = new StudyPlan
        {
            Id = Guid.CreateVersion7(),
            StudentId = studentId,
            SubjectId = subjectId,
            TeacherId = caller.Id,
            WeekStart = week,
            CreatedAt = now,
            UpdatedAt = now,
        };
        StudyPlanItems.Apply(plan, items);
        db.StudyPlans.Add(plan);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/study-plans/{plan.Id}", await ReadAsync(db, plan.Id, ct));
    }

    private static async Task<Results<Created<StudyPlanResponse>, ValidationProblem, ProblemHttpResult>> CopyPreviousAsync(
        CopyStudyPlanRequest request, CurrentUser caller, TheBotDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var (studentId, subjectId, week) = (request.StudentId!.Value, request.SubjectId!.Value, request.WeekStart!.Value);
        if (week.DayOfWeek != DayOfWeek.Monday)
        {
            return ApiProblems.Invalid("weekStart", "A week starts on a Monday.");
        }

        if (await CheckWeekAsync(db, caller, studentId, subjectId, week, ct) is { } refused)
        {
            return refused;
        }

        var previous = await db.StudyPlans.AsNoTracking().Include(p => p.Items)
            .Where(p => p.StudentId == studentId && p.SubjectId == subjectId && p.WeekStart < week
                && (p.TeacherId == caller.Id || p.Status == StudyPlanStatus.Sent))
            .OrderByDescending(p => p.WeekStart)
            .FirstOrDefaultAsync(ct);
        if (previous is null)
        {
            return ApiProblems.NotFound("An earlier plan");
        }

        var now = clock.GetUtcNow();
        var plan = new StudyPlan
        {
            Id = Guid.CreateVersion7(),
            StudentId = studentId,
            SubjectId = subjectId,
            TeacherId = caller.Id,
            WeekStart = week,
            CreatedAt = now,
            UpdatedAt = now,
        };
        foreach (var item in previous.Items.OrderBy(i => i.Position))
        {
            plan.Items.Add(new StudyPlanItem
            {
                Id = Guid.CreateVersion7(),
                Position = plan.Items.Count,
                Kind = item.Kind,
                Title = item.Title,
                Details = item.Details,
                Url = item.Url,
                FileName = item.FileName,
                FileContentType = item.FileContentType,
                FileLength = item.FileLength,
                FileSha256 = item.FileSha256,
                FileKey = item.FileKey,
            });
        }

        db.StudyPlans.Add(plan);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/study-plans/{plan.Id}", await ReadAsync(db, plan.Id, ct));
    }

    /// <summary>The caller must teach the student the subject, and the week must be free.</summary>
    private static async Task<ProblemHttpResult?> CheckWeekAsync(
        TheBotDbContext db, CurrentUser caller, Guid studentId, Guid subjectId, DateOnly week, CancellationToken ct)
    {
        if (!await StudyPlanAccess.Teaches(db, caller.Id, studentId, subjectId).AnyAsync(ct))
        {
            return ApiProblems.Forbidden("You do not teach this student this subject.");
        }

        if (await db.StudyPlans.AnyAsync(p => p.StudentId == studentId && p.SubjectId == subjectId && p.WeekStart == week, ct))
        {
            return ApiProblems.Conflict("The student already has a plan in this subject for this week.");
        }

        return null;
    }

    private static async Task<Results<Ok<StudyPlanResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, UpdateStudyPlanRequest request, CurrentUser caller, [AsParameters] StudyPlanServices services, CancellationToken ct)
    {
        var (db, realtime, notices, clock) = services;
        var plan = await StudyPlanAccess.Visible(db, caller).Include(p => p.Items).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null)
        {
            return ApiProblems.NotFound("The study plan");
        }

        var items = request.Items!;
        if (StudyPlanItems.Check(items, plan) is { } invalid)
        {
            return invalid;
        }

        var changes = StudyPlanItems.Apply(plan, items);
        var now = clock.GetUtcNow();
        plan.UpdatedAt = now;
        var tellStudent = plan.Status == StudyPlanStatus.Sent && !changes.IsEmpty;
        if (tellStudent)
        {
            plan.EditedAt = now;
            await notices.StageEditedAsync(plan, changes, ct);
        }

        await db.SaveChangesAsync(ct);
        if (tellStudent)
        {
            await PublishAsync(db, realtime, plan, "edited", changes, ct);
            await notices.PublishAsync(ct);
        }

        return TypedResults.Ok(await ReadAsync(db, id, ct));
    }

    private static async Task<Results<Ok<StudyPlanResponse>, ValidationProblem, ProblemHttpResult>> SendAsync(
        Guid id, CurrentUser caller, [AsParameters] StudyPlanServices services, CancellationToken ct)
    {
        var (db, realtime, notices, clock) = services;
        var plan = await StudyPlanAccess.Visible(db, caller).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null)
        {
            return ApiProblems.NotFound("The study plan");
        }

        if (plan.Status != StudyPlanStatus.Draft)
        {
            return ApiProblems.Conflict("The plan has already been sent.");
        }

        if (!await db.StudyPlanItems.AnyAsync(i => i.PlanId == id, ct))
        {
            return ApiProblems.Invalid("items", "A plan needs at least one item before it is sent.");
        }

        var now = clock.GetUtcNow();
        plan.Status = StudyPlanStatus.Sent;
        plan.SentAt = now;
        plan.UpdatedAt = now;
        await notices.StageSentAsync(plan, ct);
        await db.SaveChangesAsync(ct);
        await PublishAsync(db, realtime, plan, "sent", null, ct);
        await notices.PublishAsync(ct);
        return TypedResults.Ok(await ReadAsync(db, id, ct));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, CurrentUser caller, TheBotDbContext db, CancellationToken ct)
    {
        var plan = await StudyPlanAccess.Visible(db, caller).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null)
        {
            return ApiProblems.NotFound("The study plan");
        }

        if (plan.Status != StudyPlanStatus.Draft)
        {
            return ApiProblems.Conflict("A sent plan cannot be deleted; edit it instead.");
        }

        db.StudyPlans.Remove(plan);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<StudyPlanResponse>, ProblemHttpResult>> TickAsync(
        Guid id, Guid itemId, TickStudyPlanItemRequest request, CurrentUser caller, [AsParameters] StudyPlanServices services, CancellationToken ct)
    {
        var (db, realtime, _, clock) = services;
        var plan = await StudyPlanAccess.Visible(db, caller).FirstOrDefaultAsync(p => p.Id == id, ct);
        var item = plan is null ? null : await db.StudyPlanItems.FirstOrDefaultAsync(i => i.Id == itemId && i.PlanId == id, ct);
        if (plan is null || item is null)
        {
            return ApiProblems.NotFound("The plan item");
        }

        var done = request.Done!.Value;
        if (done != item.DoneAt.HasValue)
        {
            item.DoneAt = done ? clock.GetUtcNow() : null;
            await db.SaveChangesAsync(ct);
            await PublishAsync(db, realtime, plan, "ticked", null, ct);
        }

        return TypedResults.Ok(await ReadAsync(db, id, ct));
    }

    private static async Task<IResult> UploadAsync(
        Guid id, Guid itemId, HttpRequest http, CurrentUser caller, TheBotDbContext db, [AsParameters] FileUploads uploads, CancellationToken ct)
    {
        var item = await db.StudyPlanItems
            .FirstOrDefaultAsync(i => i.Id == itemId && i.PlanId == id && StudyPlanAccess.Visible(db, caller).Any(p => p.Id == id), ct);
        if (item is null)
        {
            return ApiProblems.NotFound("The plan item");
        }

        if (item.Kind != StudyPlanItemKind.File)
        {
            return ApiProblems.Invalid("kind", "Only a file item takes a file.");
        }

        var upload = await uploads.Reader.ReadAsync(http, new UploadLimits(MaxFiles: 1, MinFiles: 1), ct);
        if (upload.Problem is not null)
        {
            return upload.Problem;
        }

        // The previous file is left to RemoveUnreferencedFilesJob: a download may still be reading it.
        var file = upload.Form!.Files[0];
        item.FileKey = file.StorageKey;
        item.FileName = file.FileName;
        item.FileContentType = file.ContentType;
        item.FileLength = file.Length;
        item.FileSha256 = file.Sha256;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            await uploads.Quota.ForgetAsync([file.StorageKey], CancellationToken.None);
            throw;
        }

        return TypedResults.Ok(await ReadAsync(db, id, ct));
    }

    private static async Task<IResult> DownloadAsync(
        Guid id, Guid itemId, CurrentUser caller, TheBotDbContext db, IContentStore store, CancellationToken ct)
    {
        var file = await db.StudyPlanItems.AsNoTracking()
            .Where(i => i.Id == itemId && i.PlanId == id && i.FileKey != null && StudyPlanAccess.Visible(db, caller).Any(p => p.Id == id))
            .Select(i => new { i.FileKey, i.FileName, i.FileContentType })
            .FirstOrDefaultAsync(ct);
        if (file is null || await store.OpenReadAsync(file.FileKey!, ct) is not { } content)
        {
            return ApiProblems.NotFound("The file");
        }

        return StorageRegistration.Download(content, file.FileContentType!, file.FileName!);
    }

    private static Task<StudyPlanResponse> ReadAsync(TheBotDbContext db, Guid id, CancellationToken ct) =>
        db.StudyPlans.AsNoTracking().Where(p => p.Id == id).Select(StudyPlanAccess.Projection).FirstAsync(ct);

    /// <summary>The student, their parents and tutor follow the plan; a tick tells its teacher too.</summary>
    private static async Task PublishAsync(
        TheBotDbContext db, IRealtimePublisher realtime, StudyPlan plan, string change, StudyPlanChanges? changes, CancellationToken ct)
    {
        var guardians = await StudentRelations.GuardiansAsync(db, plan.StudentId, ct);
        Guid[] audience = change == "ticked" ? [plan.StudentId, plan.TeacherId, .. guardians] : [plan.StudentId, .. guardians];
        await realtime.PublishAsync(StudyPlanEventNames.StudyPlanChanged, RealtimeAudience.ToUsers(audience),
            new StudyPlanChangedEvent(plan.Id, plan.StudentId, plan.SubjectId, plan.TeacherId,
                plan.WeekStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), change,
                changes?.Added.Count ?? 0, changes?.Removed.Count ?? 0, changes?.Changed.Count ?? 0), ct);
    }
}

/// <summary>What changing and sending a plan works with, bound as one parameter.</summary>
internal sealed record StudyPlanServices(TheBotDbContext Db, IRealtimePublisher Realtime, StudyPlanNotices Notices, TimeProvider Clock);
