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
using TheBot.Realtime.Contracts;

namespace TheBot.Api.Features.Progress;

/// <summary>
/// The weekly report chain: a teacher reports on a student's subject to the tutor, the tutor on the child's week to
/// the parents. Each report is draft → sent → read.
/// </summary>
public static class WeeklyReportsApi
{
    public static RouteGroupBuilder MapWeeklyReportsApi(this RouteGroupBuilder progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        progress.MapGet("/report-week", CurrentWeekAsync).RequireSignedIn().WithTags("WeeklyReports")
            .WithName("GetReportWeek").WithSummary("The Monday of the current week (UTC), the week reports are written for");

        var teacher = progress.MapGroup("/teacher-reports").WithTags("WeeklyReports");
        teacher.MapGet("/", ListTeacherReportsAsync).RequireSignedIn()
            .WithName("ListTeacherReports").WithSummary("Teachers' weekly reports: mine (teachers), sent ones about my students (tutors), all (admins); newest week first");
        teacher.MapGet("/missing", MissingTeacherReportsAsync).RequireRoles(UserRole.Tutor, UserRole.Admin)
            .WithName("ListMissingTeacherReports").WithSummary("The teachers of my students (all for admins) who have not sent the week's report, per student and subject");
        teacher.MapGet("/{id:guid}", GetTeacherReportAsync).RequireSignedIn()
            .WithName("GetTeacherReport").WithSummary("One teacher's weekly report")
            .ProducesProblem(StatusCodes.Status404NotFound);
        teacher.MapPost("/", CreateTeacherReportAsync).RequireRoles(UserRole.Teacher)
            .WithName("CreateTeacherReport").WithSummary("Draft the week's report on a student I teach the subject; attendance and average score are filled in (one per student, subject and week)")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        teacher.MapPut("/{id:guid}", UpdateTeacherReportAsync).RequireRoles(UserRole.Teacher)
            .WithName("UpdateTeacherReport").WithSummary("Correct my draft report, figures included")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        teacher.MapPost("/{id:guid}/send", SendTeacherReportAsync).RequireRoles(UserRole.Teacher)
            .WithName("SendTeacherReport").WithSummary("Send my draft report to the student's tutor")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        teacher.MapPost("/{id:guid}/read", ReadTeacherReportAsync).RequireRoles(UserRole.Tutor)
            .WithName("MarkTeacherReportRead").WithSummary("The tutor has opened the report")
            .ProducesProblem(StatusCodes.Status404NotFound);
        teacher.MapPost("/{id:guid}/file", UploadAsync).RequireRoles(UserRole.Teacher)
            .WithName("UploadTeacherReportFile").WithSummary("Attach one file to my draft report (multipart, type checked by content); replaces any previous one")
            .AcceptsFileUpload()
            .Produces<TeacherReportResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        teacher.MapGet("/{id:guid}/file", DownloadAsync).RequireSignedIn()
            .WithName("DownloadTeacherReportFile").WithSummary("Download a report's attachment (only reports the caller may see)")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var tutor = progress.MapGroup("/tutor-reports").WithTags("WeeklyReports");
        tutor.MapGet("/", ListTutorReportsAsync).RequireSignedIn()
            .WithName("ListTutorReports").WithSummary("Tutors' weekly reports: mine (tutors), sent ones about my children (parents), all (admins); newest week first");
        tutor.MapGet("/{id:guid}", GetTutorReportAsync).RequireSignedIn()
            .WithName("GetTutorReport").WithSummary("One tutor's weekly report")
            .ProducesProblem(StatusCodes.Status404NotFound);
        tutor.MapPost("/", CreateTutorReportAsync).RequireRoles(UserRole.Tutor)
            .WithName("CreateTutorReport").WithSummary("Draft the week's report on my student for their parents; attendance and average score are filled in (one per child and week)")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        tutor.MapPut("/{id:guid}", UpdateTutorReportAsync).RequireRoles(UserRole.Tutor)
            .WithName("UpdateTutorReport").WithSummary("Correct my draft report: summary, notes per subject, recommendations, figures")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        tutor.MapPost("/{id:guid}/send", SendTutorReportAsync).RequireRoles(UserRole.Tutor)
            .WithName("SendTutorReport").WithSummary("Send my draft report to the child's parents")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        tutor.MapPost("/{id:guid}/read", ReadTutorReportAsync).RequireRoles(UserRole.Parent)
            .WithName("MarkTutorReportRead").WithSummary("The parent has opened the report")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return progress;
    }

    private static async Task<Ok<ReportWeekResponse>> CurrentWeekAsync(CurrentUser caller, TheBotDbContext db, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(new ReportWeekResponse(ReportWeeks.Current(clock, await ReportWeeks.ZoneOfAsync(db, caller.Id, ct))));

    private static async Task<Ok<PagedResult<TeacherReportResponse>>> ListTeacherReportsAsync(
        [AsParameters] TeacherReportQuery query, CurrentUser caller, TheBotDbContext db, CancellationToken ct)
    {
        var reports = ProgressAccess.VisibleTeacherReports(db, caller).AsNoTracking()
            .FilteredBy(query.StudentId, studentId => r => r.StudentId == studentId)
            .FilteredBy(query.SubjectId, subjectId => r => r.SubjectId == subjectId)
            .FilteredBy(query.WeekStart, week => r => r.WeekStart == week);
        return TypedResults.Ok(await reports.OrderByDescending(r => r.WeekStart).ThenBy(r => r.Student!.FullName).ThenBy(r => r.Id)
            .Select(ProgressAccess.TeacherReportProjection).ToPageAsync(query.Paging, ct));
    }

    private static async Task<Ok<MissingTeacherReports>> MissingTeacherReportsAsync(
        [AsParameters] MissingReportsQuery query, CurrentUser caller, TheBotDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var week = ReportWeeks.StartOf(query.WeekStart ?? ReportWeeks.Current(clock, await ReportWeeks.ZoneOfAsync(db, caller.Id, ct)));
        var enrollments = db.Enrollments.AsNoTracking().Where(e => e.Status == EnrollmentStatus.Active);
        if (caller.Role == UserRole.Tutor)
        {
            var tutorId = caller.Id;
            enrollments = enrollments.Where(e => db.StudentProfiles.Any(p => p.UserId == e.StudentId && p.TutorId == tutorId));
        }

        var missing = await enrollments
            .Where(e => !db.TeacherReports.Any(r => r.StudentId == e.StudentId && r.SubjectId == e.SubjectId && r.WeekStart == week
                && r.Status != WeeklyReportStatus.Draft))
            .OrderBy(e => e.Teacher!.FullName).ThenBy(e => e.Student!.FullName).ThenBy(e => e.Subject!.Name).ThenBy(e => e.Id)
            .Take(500)
            .Select(e => new MissingTeacherReport(
                new PersonRef(e.TeacherId, e.Teacher!.FullName, e.Teacher.Email!),
                new PersonRef(e.StudentId, e.Student!.FullName, e.Student.Email!),
                new EnrollmentSubject(e.SubjectId, e.Subject!.Name, e.Subject.Color),
                db.TeacherReports.Any(r => r.StudentId == e.StudentId && r.SubjectId == e.SubjectId && r.WeekStart == week)))
            .ToListAsync(ct);
        return TypedResults.Ok(new MissingTeacherReports(week, missing));
    }

    private static async Task<Results<Ok<TeacherReportResponse>, ProblemHttpResult>> GetTeacherReportAsync(
        Guid id, CurrentUser caller, TheBotDbContext db, CancellationToken ct)
    {
        var report = await ProgressAccess.VisibleTeacherReports(db, caller).AsNoTracking().Where(r => r.Id == id)
            .Select(ProgressAccess.TeacherReportProjection).FirstOrDefaultAsync(ct);
        return report is null ? ApiProblems.NotFound("The report") : TypedResults.Ok(report);
    }

    private static async Task<Results<Created<TeacherReportResponse>, ValidationProblem, ProblemHttpResult>> CreateTeacherReportAsync(
        CreateTeacherReportRequest request, CurrentUser caller, TheBotDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var (studentId, subjectId, week) = (request.StudentId!.Value, request.SubjectId!.Value, request.WeekStart!.Value);
        if (week.DayOfWeek != DayOfWeek.Monday)
        {
            return ApiProblems.Invalid("weekStart", "A week starts on a Monday.");
        }

        if (!await ProgressAccess.Teaches(db, caller.Id, studentId, subjectId).AnyAsync(ct))
        {
            return ApiProblems.Forbidden("You do not teach this student this subject.");
        }

        if (await db.TeacherReports.AnyAsync(r => r.StudentId == studentId && r.SubjectId == subjectId && r.WeekStart == week, ct))
        {
            return ApiProblems.Conflict("The student already has a report in this subject for this week.");
        }

        var figures = await WeeklyFigures.ComputeAsync(db, studentId, subjectId, week, ct);
        var now = clock.GetUtcNow();
        var report = new TeacherReport
        {
            Id = Guid.CreateVersion7(),
            TeacherId = caller.Id,
            StudentId = studentId,
            SubjectId = subjectId,
            WeekStart = week,
            Summary = request.Summary?.Trim() ?? "",
            Progress = request.Progress?.Trim() ?? "",
            Concerns = request.Concerns?.Trim() ?? "",
            Recommendations = request.Recommendations?.Trim() ?? "",
            LessonsAttended = figures.LessonsAttended,
            LessonsScheduled = figures.LessonsScheduled,
            AverageScore = figures.AverageScore,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.TeacherReports.Add(report);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/progress/teacher-reports/{report.Id}", await LoadTeacherReportAsync(db, report.Id, ct));
    }

    private static async Task<Results<Ok<TeacherReportResponse>, ValidationProblem, ProblemHttpResult>> UpdateTeacherReportAsync(
        Guid id, UpdateTeacherReportRequest request, CurrentUser caller, TheBotDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var report = await ProgressAccess.VisibleTeacherReports(db, caller).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
        {
            return ApiProblems.NotFound("The report");
        }

        if (WeeklyReportFlow.Unchangeable(report) is { } sent)
        {
            return sent;
        }

        if (TutorReports.CheckFigures(request.LessonsAttended!.Value, request.LessonsScheduled!.Value) is { } invalid)
        {
            return invalid;
        }

        report.Summary = request.Summary!.Trim();
        report.Progress = request.Progress!.Trim();
        report.Concerns = request.Concerns!.Trim();
        report.Recommendations = request.Recommendations!.Trim();
        report.LessonsAttended = request.LessonsAttended.Value;
        report.LessonsScheduled = request.LessonsScheduled.Value;
        report.AverageScore = request.AverageScore is { } score ? decimal.Round(score, 1) : null;
        report.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await LoadTeacherReportAsync(db, id, ct));
    }

    private static async Task<Results<Ok<TeacherReportResponse>, ValidationProblem, ProblemHttpResult>> SendTeacherReportAsync(
        Guid id, CurrentUser caller, [AsParameters] WeeklyReportServices services, CancellationToken ct)
    {
        var (db, realtime, notices, clock) = services;
        var report = await ProgressAccess.VisibleTeacherReports(db, caller).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
        {
            return ApiProblems.NotFound("The report");
        }

        if (WeeklyReportFlow.SentAlready(report) is { } sent)
        {
            return sent;
        }

        if (WeeklyReportFlow.WithoutSummary(report) is { } empty)
        {
            return empty;
        }

        WeeklyReportFlow.MarkSent(report, clock.GetUtcNow());
        var readers = await notices.StageTeacherReportSentAsync(report, ct);
        await db.SaveChangesAsync(ct);
        await realtime.PublishAsync(WeeklyReportEventNames.WeeklyReportChanged, RealtimeAudience.ToUsers(readers),
            Event(report.Id, "teacher", report.StudentId, report.SubjectId, report.TeacherId, report.WeekStart, report.Status), ct);
        await notices.PublishAsync(ct);
        return TypedResults.Ok(await LoadTeacherReportAsync(db, id, ct));
    }

    private static async Task<Results<Ok<TeacherReportResponse>, ProblemHttpResult>> ReadTeacherReportAsync(
        Guid id, CurrentUser caller, TheBotDbContext db, IRealtimePublisher realtime, TimeProvider clock, CancellationToken ct)
    {
        var report = await ProgressAccess.VisibleTeacherReports(db, caller).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
        {
            return ApiProblems.NotFound("The report");
        }

        if (WeeklyReportFlow.MarkRead(report, clock.GetUtcNow()))
        {
            await db.SaveChangesAsync(ct);
            await realtime.PublishAsync(WeeklyReportEventNames.WeeklyReportChanged, RealtimeAudience.ToUsers([report.TeacherId]),
                Event(report.Id, "teacher", report.StudentId, report.SubjectId, report.TeacherId, report.WeekStart, report.Status), ct);
        }

        return TypedResults.Ok(await LoadTeacherReportAsync(db, id, ct));
    }

    private static async Task<IResult> UploadAsync(
        Guid id, HttpRequest http, CurrentUser caller, TheBotDbContext db, [AsParameters] FileUploads uploads, CancellationToken ct)
    {
        var report = await ProgressAccess.VisibleTeacherReports(db, caller).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
        {
            return ApiProblems.NotFound("The report");
        }

        if (WeeklyReportFlow.Unchangeable(report) is { } sent)
        {
            return sent;
        }

        var upload = await uploads.Reader.ReadAsync(http, new UploadLimits(MaxFiles: 1, MinFiles: 1), ct);
        if (upload.Problem is not null)
        {
            return upload.Problem;
        }

        // The previous file is left to RemoveUnreferencedFilesJob: a download may still be reading it.
        var file = upload.Form!.Files[0];
        (report.FileKey, report.FileName, report.FileContentType, report.FileLength, report.FileSha256) =
            (file.StorageKey, file.FileName, file.ContentType, file.Length, file.Sha256);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            await uploads.Quota.ForgetAsync([file.StorageKey], CancellationToken.None);
            throw;
        }

        return TypedResults.Ok(await LoadTeacherReportAsync(db, id, ct));
    }

    private static async Task<IResult> DownloadAsync(Guid id, CurrentUser caller, TheBotDbContext db, IContentStore store, CancellationToken ct)
    {
        var file = await ProgressAccess.VisibleTeacherReports(db, caller).AsNoTracking()
            .Where(r => r.Id == id && r.FileKey != null)
            .Select(r => new { r.FileKey, r.FileName, r.FileContentType })
            .FirstOrDefaultAsync(ct);
        if (file is null || await store.OpenReadAsync(file.FileKey!, ct) is not { } content)
        {
            return ApiProblems.NotFound("The file");
        }

        return StorageRegistration.Download(content, file.FileContentType!, file.FileName!);
    }

    private static async Task<Ok<PagedResult<TutorReportResponse>>> ListTutorReportsAsync(
        [AsParameters] TutorReportQuery query, CurrentUser caller, TheBotDbContext db, CancellationToken ct)
    {
        var reports = ProgressAccess.VisibleTutorReports(db, caller).AsNoTracking()
            .FilteredBy(query.StudentId, studentId => r => r.StudentId == studentId)
            .FilteredBy(query.WeekStart, week => r => r.WeekStart == week);
        return TypedResults.Ok(await reports.OrderByDescending(r => r.WeekStart).ThenByDescending(r => r.CreatedAt).ThenBy(r => r.Id)
            .Select(ProgressAccess.TutorReportProjection).ToPageAsync(query.Paging, ct));
    }

    private static async Task<Results<Ok<TutorReportResponse>, ProblemHttpResult>> GetTutorReportAsync(
        Guid id, CurrentUser caller, TheBotDbContext db, CancellationToken ct)
    {
        var report = await ProgressAccess.VisibleTutorReports(db, caller).AsNoTracking().Where(r => r.Id == id)
            .Select(ProgressAccess.TutorReportProjection).FirstOrDefaultAsync(ct);
        return report is null ? ApiProblems.NotFound("The report") : TypedResults.Ok(report);
    }

    private static async Task<Results<Created<TutorReportResponse>, ValidationProblem, ProblemHttpResult>> CreateTutorReportAsync(
        CreateTutorReportRequest request, CurrentUser caller, TheBotDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var (studentId, week) = (request.StudentId!.Value, request.WeekStart!.Value);
        if (week.DayOfWeek != DayOfWeek.Monday)
        {
            return ApiProblems.Invalid("weekStart", "A week starts on a Monday.");
        }

        if (!await StudentRelations.IsTutorOf(db, caller.Id, studentId).AnyAsync(isTutor => isTutor, ct))
        {
            return ApiProblems.Forbidden("You are not this student's tutor.");
        }

        var notes = request.Notes ?? [];
        if (await TutorReports.CheckNotesAsync(db, notes, ct) is { } invalid)
        {
            return invalid;
        }

        if (await db.TutorReports.AnyAsync(r => r.StudentId == studentId && r.WeekStart == week && r.LegacyTitle == null, ct))
        {
            return ApiProblems.Conflict("The child already has a report for this week.");
        }

        var figures = await WeeklyFigures.ComputeAsync(db, studentId, null, week, ct);
        var now = clock.GetUtcNow();
        var report = new TutorReport
        {
            Id = Guid.CreateVersion7(),
            AuthorId = caller.Id,
            StudentId = studentId,
            WeekStart = week,
            Summary = request.Summary?.Trim() ?? "",
            Recommendations = request.Recommendations?.Trim() ?? "",
            LessonsAttended = figures.LessonsAttended,
            LessonsScheduled = figures.LessonsScheduled,
            AverageScore = figures.AverageScore,
            CreatedAt = now,
            UpdatedAt = now,
        };
        TutorReports.ApplyNotes(report, notes);
        db.TutorReports.Add(report);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/progress/tutor-reports/{report.Id}", await LoadTutorReportAsync(db, report.Id, ct));
    }

    private static async Task<Results<Ok<TutorReportResponse>, ValidationProblem, ProblemHttpResult>> UpdateTutorReportAsync(
        Guid id, UpdateTutorReportRequest request, CurrentUser caller, TheBotDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var report = await ProgressAccess.VisibleTutorReports(db, caller).Include(r => r.Notes).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
        {
            return ApiProblems.NotFound("The report");
        }

        if (WeeklyReportFlow.Unchangeable(report) is { } sent)
        {
            return sent;
        }

        if (TutorReports.CheckFigures(request.LessonsAttended!.Value, request.LessonsScheduled!.Value) is { } badFigures)
        {
            return badFigures;
        }

        if (await TutorReports.CheckNotesAsync(db, request.Notes!, ct) is { } badNotes)
        {
            return badNotes;
        }

        report.Summary = request.Summary!.Trim();
        report.Recommendations = request.Recommendations!.Trim();
        report.LessonsAttended = request.LessonsAttended.Value;
        report.LessonsScheduled = request.LessonsScheduled.Value;
        report.AverageScore = request.AverageScore is { } score ? decimal.Round(score, 1) : null;
        report.UpdatedAt = clock.GetUtcNow();
        db.TutorReportNotes.RemoveRange(report.Notes);
        TutorReports.ApplyNotes(report, request.Notes!);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await LoadTutorReportAsync(db, id, ct));
    }

    private static async Task<Results<Ok<TutorReportResponse>, ValidationProblem, ProblemHttpResult>> SendTutorReportAsync(
        Guid id, CurrentUser caller, [AsParameters] WeeklyReportServices services, CancellationToken ct)
    {
        var (db, realtime, notices, clock) = services;
        var report = await ProgressAccess.VisibleTutorReports(db, caller).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
        {
            return ApiProblems.NotFound("The report");
        }

        if (WeeklyReportFlow.SentAlready(report) is { } sent)
        {
            return sent;
        }

        if (WeeklyReportFlow.WithoutSummary(report) is { } empty)
        {
            return empty;
        }

        WeeklyReportFlow.MarkSent(report, clock.GetUtcNow());
        var readers = await notices.StageTutorReportSentAsync(report, ct);
        await db.SaveChangesAsync(ct);
        await realtime.PublishAsync(WeeklyReportEventNames.WeeklyReportChanged, RealtimeAudience.ToUsers(readers),
            Event(report.Id, "tutor", report.StudentId, null, report.AuthorId, report.WeekStart, report.Status), ct);
        await notices.PublishAsync(ct);
        return TypedResults.Ok(await LoadTutorReportAsync(db, id, ct));
    }

    private static async Task<Results<Ok<TutorReportResponse>, ProblemHttpResult>> ReadTutorReportAsync(
        Guid id, CurrentUser caller, TheBotDbContext db, IRealtimePublisher realtime, TimeProvider clock, CancellationToken ct)
    {
        var report = await ProgressAccess.VisibleTutorReports(db, caller).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
        {
            return ApiProblems.NotFound("The report");
        }

        if (WeeklyReportFlow.MarkRead(report, clock.GetUtcNow()))
        {
            await db.SaveChangesAsync(ct);
            await realtime.PublishAsync(WeeklyReportEventNames.WeeklyReportChanged, RealtimeAudience.ToUsers([report.AuthorId]),
                Event(report.Id, "tutor", report.StudentId, null, report.AuthorId, report.WeekStart, report.Status), ct);
        }

        return TypedResults.Ok(await LoadTutorReportAsync(db, id, ct));
    }

    private static WeeklyReportChangedEvent Event(Guid id, string kind, Guid studentId, Guid? subjectId, Guid authorId, DateOnly week, WeeklyReportStatus status) =>
        new(id, kind, studentId, subjectId, authorId, week.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), status == WeeklyReportStatus.Read ? "read" : "sent");

    private static Task<TeacherReportResponse> LoadTeacherReportAsync(TheBotDbContext db, Guid id, CancellationToken ct) =>
        db.TeacherReports.AsNoTracking().Where(r => r.Id == id).Select(ProgressAccess.TeacherReportProjection).FirstAsync(ct);

    private static Task<TutorReportResponse> LoadTutorReportAsync(TheBotDbContext db, Guid id, CancellationToken ct) =>
        db.TutorReports.AsNoTracking().Where(r => r.Id == id).Select(ProgressAccess.TutorReportProjection).FirstAsync(ct);
}

/// <summary>What sending a report works with, bound as one parameter.</summary>
internal sealed record WeeklyReportServices(TheBotDbContext Db, IRealtimePublisher Realtime, WeeklyReportNotices Notices, TimeProvider Clock);
