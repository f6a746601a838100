using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using TheBot.Api.Data;
using TheBot.Api.Features.Enrollments;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Auth;
using TheBot.Api.Platform.Errors;
using TheBot.Api.Platform.Paging;
using TheBot.Api.Platform.Realtime;
using TheBot.Api.Platform.Storage;
using TheBot.Api.Platform.Workflow;
using TheBot.Api.Platform.Validation;
using TheBot.Realtime.Contracts;

namespace TheBot.Api.Features.Assignments;

public static class AssignmentsApi
{
    public static IEndpointRouteBuilder MapAssignmentsApi(this IEndpointRouteBuilder api)
    {
        var assignments = api.MapGroup("/assignments").WithTags("Assignments");
        assignments.MapGet("/", ListAsync).RequireSignedIn()
            .WithName("ListAssignments").WithSummary("Assignments the caller may see (own, enrolled students', or all for admins)");
        assignments.MapPost("/", CreateAsync).RequireRoles(UserRole.Teacher)
            .WithName("CreateAssignment").WithSummary("Set an assignment for my students of a subject, all or chosen ones (draft unless publish is true)")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        assignments.MapGet("/{id:guid}", GetAsync).RequireSignedIn()
            .WithName("GetAssignment").WithSummary("One assignment").ProducesProblem(StatusCodes.Status404NotFound);
        assignments.MapPatch("/{id:guid}", UpdateAsync).RequireRoles(UserRole.Teacher, UserRole.Admin)
            .WithName("UpdateAssignment")
            .WithSummary("Edit an assignment: text, due date, start, time limit, chosen students (added once published), and score rules while nothing is graded")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        assignments.MapPost("/{id:guid}/publish", PublishAsync).RequireRoles(UserRole.Teacher, UserRole.Admin)
            .WithName("PublishAssignment").WithSummary("Publish a draft to its students (told at once, or at its start)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        assignments.MapPost("/{id:guid}/close", CloseAsync).RequireRoles(UserRole.Teacher, UserRole.Admin)
            .WithName("CloseAssignment").WithSummary("Stop accepting submissions")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        assignments.MapPost("/{id:guid}/attempts", StartAttemptAsync).RequireRoles(UserRole.Student)
            .WithName("StartAttempt")
            .WithSummary("Open an attempt: its clock starts now (the time limit, if any, counts from here); the open attempt again if there is one")
            .Produces<AttemptResponse>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        assignments.MapGet("/attempts", ListAttemptsAsync).RequireSignedIn()
            .WithName("ListAttempts").WithSummary("Opened attempts the caller may see (own, children's, students', to their assignments): open, submitted or over time");
        assignments.MapPost("/{id:guid}/submissions", SubmitAsync).RequireRoles(UserRole.Student)
            .WithName("SubmitAssignment").WithSummary("Hand in an attempt (late submissions are flagged and penalised; over the time limit: refused, 409)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        assignments.MapPost("/{id:guid}/submissions/upload", SubmitWithFilesAsync).RequireRoles(UserRole.Student)
            .WithName("SubmitAssignmentWithFiles")
            .WithSummary($"Hand in an attempt with files: multipart, optional text field and up to {SubmissionFile.MaxPerSubmission} file parts (50 MB in all, types checked by content)")
            .AcceptsFileUpload(SubmissionFile.MaxPerSubmission, "text")
            .Produces<SubmissionResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        assignments.MapGet("/submissions/{id:guid}/files/{fileId:guid}", DownloadFileAsync).RequireSignedIn()
            .WithName("DownloadSubmissionFile").WithSummary("Download a file of a submission the caller may see")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status404NotFound);
        assignments.MapGet("/submissions", ListSubmissionsAsync).RequireSignedIn()
            .WithName("ListSubmissions").WithSummary("Submissions and grades the caller may see (own, children's, students', to grade)");
        assignments.MapPost("/submissions/{id:guid}/grade", GradeAsync).RequireRoles(UserRole.Teacher, UserRole.Admin)
            .WithName("GradeSubmission").WithSummary("Score a submission with feedback; the late penalty is applied by the server")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        assignments.MapPost("/submissions/{id:guid}/return", ReturnAsync).RequireRoles(UserRole.Teacher, UserRole.Admin)
            .WithName("ReturnSubmission").WithSummary("Return a submission for rework with feedback")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<Ok<PagedResult<AssignmentResponse>>> ListAsync(
        [AsParameters] AssignmentQuery query, CurrentUser caller, TheBotDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var assignments = AssignmentAccess.Visible(db, caller, clock.GetUtcNow()).AsNoTracking();
        assignments = assignments.FilteredBy(query.SubjectId, subjectId => a => a.SubjectId == subjectId);
        assignments = assignments.FilteredBy(query.StatusFilter, status => a => a.Status == status);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = SearchPattern.Containing(query.Search);
            assignments = assignments.Where(a => EF.Functions.ILike(a.Title, pattern, SearchPattern.EscapeCharacter));
        }

        var page = await assignments
            .OrderByDescending(a => a.DueAt).ThenBy(a => a.Id)
            .Select(AssignmentAccess.Projection)
            .ToPageAsync(query.Paging, ct);
        return TypedResults.Ok(page with { Items = page.Items.Select(a => AssignmentAccess.ForViewer(a, caller)).ToList() });
    }

    private static async Task<Results<Ok<AssignmentResponse>, ProblemHttpResult>> GetAsync(
        Guid id, CurrentUser caller, TheBotDbContext db, TimeProvider clock, CancellationToken ct) =>
        await AssignmentAccess.Visible(db, caller, clock.GetUtcNow()).AsNoTracking().Where(a => a.Id == id).Select(AssignmentAccess.Projection).FirstOrDefaultAsync(ct)
            is { } assignment ? TypedResults.Ok(AssignmentAccess.ForViewer(assignment, caller)) : ApiProblems.NotFound("The assignment");

    private static async Task<Results<Created<AssignmentResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateAssignmentRequest request, CurrentUser caller, [AsParameters] AssignmentServices services, CancellationToken ct)
    {
        var (db, realtime, notices, clock) = services;
        var teacherId = caller.Id;
        var subjectId = request.SubjectId!.Value;
        if (!await db.TeacherSubjects.AnyAsync(ts => ts.TeacherId == teacherId && ts.SubjectId == subjectId, ct))
        {
            return ApiProblems.Unprocessable("You do not teach this subject.");
        }

        var dueAt = request.DueAt!.Value.ToUniversalTime();
        var startsAt = request.StartsAt?.ToUniversalTime();
        if (startsAt >= dueAt)
        {
            return ApiProblems.Invalid("startsAt", "The start must come before the due date.");
        }

        var questions = request.Questions ?? [];
        if (questions.Count > 0 && QuizQuestions.Check(questions) is { } badQuestions)
        {
            return badQuestions;
        }

        if (questions.Count == 0 && request.MaxScore is null)
        {
            return ApiProblems.Invalid("maxScore", "The maximum score is required (a quiz's is the sum of its questions' points).");
        }

        if (questions.Count > 0 && request.MaxScore is { } given && decimal.Round(given, 2) != questions.Sum(q => decimal.Round(q.Points!.Value, 2)))
        {
            return ApiProblems.Invalid("maxScore", "A quiz's maximum score is the sum of its questions' points: leave it out.");
        }

        var chosen = request.StudentIds?.Distinct().ToList() ?? [];
        if (await AssignmentTargeting.CheckEnrolledAsync(db, teacherId, subjectId, chosen, ct) is { } notEnrolled)
        {
            return notEnrolled;
        }

        var now = clock.GetUtcNow();
        var publish = request.Publish == true;
        var assignment = new Assignment
        {
            Id = Guid.CreateVersion7(),
            TeacherId = teacherId,
            SubjectId = subjectId,
            Title = request.Title!.Trim(),
            Description = request.Description,
            Kind = Enum.Parse<AssignmentKind>(request.Kind!, ignoreCase: true),
            Status = publish ? AssignmentStatus.Published : AssignmentStatus.Draft,
            DueAt = dueAt,
            StartsAt = startsAt,
            TimeLimitMinutes = request.TimeLimitMinutes,
            MaxScore = decimal.Round(request.MaxScore ?? 0, 2),
            ShowAnswersAfterDue = request.ShowAnswersAfterDue == true,
            LatePenaltyPercent = request.LatePenaltyPercent ?? 0,
            MaxAttempts = request.MaxAttempts ?? 1,
            Rubric = request.Rubric,
            CreatedAt = now,
            PublishedAt = publish ? now : null,
        };
        AssignmentTargeting.Choose(assignment, chosen, now);
        QuizQuestions.Apply(assignment, questions);
        db.Assignments.Add(assignment);
        var announced = publish && await AnnounceIfStartedAsync(assignment, notices, now, ct, assignment.ForAllStudents ? null : chosen);
        await db.SaveChangesAsync(ct);
        if (announced)
        {
            await PublishChangedAsync(db, realtime, assignment, now, ct);
            await notices.PublishAsync(ct);
        }

        var response = await db.Assignments.AsNoTracking().Where(a => a.Id == assignment.Id).Select(AssignmentAccess.Projection).FirstAsync(ct);
        return TypedResults.Created($"/api/assignments/{assignment.Id}", response);
    }

    private static async Task<Results<Ok<AssignmentResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, UpdateAssignmentRequest request, CurrentUser caller, [AsParameters] AssignmentServices services, CancellationToken ct)
    {
        var (db, realtime, notices, clock) = services;
        var now = clock.GetUtcNow();
        var assignment = await AssignmentAccess.Visible(db, caller, now).Include(a => a.Recipients).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (assignment is null)
        {
            return ApiProblems.NotFound("The assignment");
        }

        if (request.Title is not null && string.IsNullOrWhiteSpace(request.Title))
        {
            return ApiProblems.Invalid("title", "The title cannot be blank.");
        }

        if (request.MaxScore is not null && await db.AssignmentQuestions.AnyAsync(q => q.AssignmentId == id, ct))
        {
            return ApiProblems.Invalid("maxScore", "A quiz's maximum score is the sum of its questions' points.");
        }

        var rulesChange = (request.MaxScore is { } max && decimal.Round(max, 2) != assignment.MaxScore)
            || (request.LatePenaltyPercent is { } penalty && penalty != assignment.LatePenaltyPercent)
            || (request.MaxAttempts is { } attempts && attempts != assignment.MaxAttempts);
        if (rulesChange)
        {
            if (await db.Submissions.AnyAsync(s => s.AssignmentId == id && s.Status == SubmissionStatus.Graded, ct))
            {
                return ApiProblems.Conflict("Work has been graded already: the maximum score, late penalty and attempts can no longer change.");
            }

            var used = await db.Submissions.Where(s => s.AssignmentId == id).Select(s => s.Attempt)
                .Concat(db.AssignmentAttempts.Where(a => a.AssignmentId == id).Select(a => a.Number))
                .MaxAsync(n => (int?)n, ct) ?? 0;
            if (request.MaxAttempts is { } allowed && allowed < used)
            {
                return ApiProblems.Invalid("maxAttempts", $"A student has already used {used} attempts.");
            }
        }

        var startsAt = request.StartsAt?.ToUniversalTime() ?? assignment.StartsAt;
        var startMoves = startsAt != assignment.StartsAt;
        if (startMoves && assignment.Status != AssignmentStatus.Draft && assignment.HasStarted(now))
        {
            return ApiProblems.Conflict("The assignment has started: its students see it, so its start can no longer change.");
        }

        var dueAt = request.DueAt?.ToUniversalTime() ?? assignment.DueAt;
        if (startsAt >= dueAt)
        {
            return ApiProblems.Invalid(request.StartsAt is null ? "dueAt" : "startsAt", "The start must come before the due date.");
        }

        IReadOnlyList<Guid> added = [];
        if (request.StudentIds is not null)
        {
            var change = await AssignmentTargeting.ChangeAsync(db, assignment, request.StudentIds.Distinct().ToList(), now, ct);
            if (change.Problem is not null)
            {
                return change.Problem;
            }

            added = change.Added;
        }

        var dueChanged = dueAt != assignment.DueAt;
        assignment.Title = request.Title?.Trim() ?? assignment.Title;
        assignment.Description = request.Description ?? assignment.Description;
        assignment.Rubric = request.Rubric ?? assignment.Rubric;
        assignment.DueAt = dueAt;
        assignment.StartsAt = startsAt;
        assignment.TimeLimitMinutes = request.TimeLimitMinutes is { } limit ? (limit == 0 ? null : limit) : assignment.TimeLimitMinutes;
        assignment.MaxScore = request.MaxScore is { } newMax ? decimal.Round(newMax, 2) : assignment.MaxScore;
        assignment.LatePenaltyPercent = request.LatePenaltyPercent ?? assignment.LatePenaltyPercent;
        assignment.MaxAttempts = request.MaxAttempts ?? assignment.MaxAttempts;
        assignment.ShowAnswersAfterDue = request.ShowAnswersAfterDue ?? assignment.ShowAnswersAfterDue;

        // Told now: everybody, when a published assignment's start was moved to now or earlier; else the students added
        // to one already announced (the start job tells the ones added before it starts, with the rest).
        var published = assignment.Status == AssignmentStatus.Published;
        var everybody = published && assignment.AnnouncedAt is null && startMoves
            && await AnnounceIfStartedAsync(assignment, notices, now, ct, assignment.ForAllStudents ? null : assignment.Recipients.Select(r => r.StudentId).ToList());
        var newcomers = !everybody && published && assignment.AnnouncedAt is not null && added.Count > 0;
        if (newcomers)
        {
            await notices.StageHomeworkAsync(assignment, ct, added);
        }

        await db.SaveChangesAsync(ct);
        if (everybody || (dueChanged && published))
        {
            await PublishChangedAsync(db, realtime, assignment, now, ct);
        }
        else if (newcomers)
        {
            await PublishChangedAsync(db, realtime, assignment, now, ct, added);
        }

        await notices.PublishAsync(ct);
        return TypedResults.Ok(await db.Assignments.AsNoTracking().Where(a => a.Id == id).Select(AssignmentAccess.Projection).FirstAsync(ct));
    }

    private static Task<Results<Ok<AssignmentResponse>, ProblemHttpResult>> PublishAsync(
        Guid id, CurrentUser caller, [AsParameters] AssignmentServices services, CancellationToken ct) =>
        TransitionAsync(id, caller, services, (assignment, now) => AssignmentWorkflow.Publish(assignment, now), ct);

    private static Task<Results<Ok<AssignmentResponse>, ProblemHttpResult>> CloseAsync(
        Guid id, CurrentUser caller, [AsParameters] AssignmentServices services, CancellationToken ct) =>
        TransitionAsync(id, caller, services, (assignment, _) => AssignmentWorkflow.Close(assignment), ct);

    /// <summary>Loads the assignment the caller may see, runs one workflow step, saves and tells the students.</summary>
    private static async Task<Results<Ok<AssignmentResponse>, ProblemHttpResult>> TransitionAsync(
        Guid id, CurrentUser caller, AssignmentServices services, Func<Assignment, DateTimeOffset, TransitionResult> step, CancellationToken ct)
    {
        var (db, realtime, notices, clock) = services;
        var now = clock.GetUtcNow();
        var assignment = await AssignmentAccess.Visible(db, caller, now).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (assignment is null)
        {
            return ApiProblems.NotFound("The assignment");
        }

        if (step(assignment, now).Problem() is { } problem)
        {
            return problem;
        }

        if (assignment.Status == AssignmentStatus.Published)
        {
            await AnnounceIfStartedAsync(assignment, notices, now, ct);
        }

        await db.SaveChangesAsync(ct);
        await PublishChangedAsync(db, realtime, assignment, now, ct);
        await notices.PublishAsync(ct);
        return TypedResults.Ok(await db.Assignments.AsNoTracking().Where(a => a.Id == id).Select(AssignmentAccess.Projection).FirstAsync(ct));
    }

    /// <summary>
    /// A published assignment whose start has come is announced: its students (or <paramref name="students"/>, when not
    /// stored yet) and their parents are told in this save. One that starts later is announced by <see cref="AssignmentStartsJob"/>.
    /// </summary>
    private static async Task<bool> AnnounceIfStartedAsync(
        Assignment assignment, AssignmentNotices notices, DateTimeOffset now, CancellationToken ct, IReadOnlyCollection<Guid>? students = null)
    {
        if (!assignment.HasStarted(now))
        {
            return false;
        }

        assignment.AnnouncedAt = now;
        await notices.StageHomeworkAsync(assignment, ct, students);
        return true;
    }

    private static async Task<Results<Created<AttemptResponse>, Ok<AttemptResponse>, ProblemHttpResult>> StartAttemptAsync(
        Guid id, CurrentUser caller, TheBotDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var studentId = caller.Id;
        var assignment = await AssignmentAccess.Visible(db, caller, now).AsNoTracking().Where(a => a.Id == id)
            .Select(a => new { a.Status, a.MaxAttempts, a.TimeLimitMinutes }).FirstOrDefaultAsync(ct);
        if (assignment is null)
        {
            return ApiProblems.NotFound("The assignment");
        }

        if (assignment.Status != AssignmentStatus.Published)
        {
            return ApiProblems.Conflict("The assignment is closed.");
        }

        if (await AttemptRules.OpenAsync(db, id, studentId, ct) is { } open)
        {
            if (!open.IsOverTime(now))
            {
                return TypedResults.Ok(await AttemptAsync(db, open.Id, now, ct));
            }

            await AttemptRules.MarkOverTimeAsync(db, open.Id, now, ct);
            db.Entry(open).State = EntityState.Detached;
        }

        var used = await AttemptRules.UsedAsync(db, id, studentId, ct);
        if (used >= assignment.MaxAttempts)
        {
            return ApiProblems.Unprocessable($"All {assignment.MaxAttempts} allowed attempts have been used.");
        }

        if (await db.Submissions.AnyAsync(s => s.AssignmentId == id && s.StudentId == studentId && s.Status == SubmissionStatus.Submitted, ct))
        {
            return ApiProblems.Conflict("The previous attempt has not been graded or returned yet.");
        }

        var attempt = new AssignmentAttempt
        {
            Id = Guid.CreateVersion7(),
            AssignmentId = id,
            StudentId = studentId,
            Number = used + 1,
            StartedAt = now,
            DeadlineAt = assignment.TimeLimitMinutes is { } minutes ? now.AddMinutes(minutes) : null,
        };
        db.AssignmentAttempts.Add(attempt);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Opened twice at once: both get the one that was stored.
            db.Entry(attempt).State = EntityState.Detached;
            return await AttemptRules.OpenAsync(db, id, studentId, ct) is { } stored
                ? TypedResults.Ok(await AttemptAsync(db, stored.Id, now, ct))
                : ApiProblems.Conflict("Another attempt was started at the same time.");
        }

        return TypedResults.Created($"/api/assignments/attempts?assignmentId={id}", await AttemptAsync(db, attempt.Id, now, ct));
    }

    private static Task<AttemptResponse> AttemptAsync(TheBotDbContext db, Guid attemptId, DateTimeOffset now, CancellationToken ct) =>
        db.AssignmentAttempts.AsNoTracking().Where(a => a.Id == attemptId).Select(AssignmentAccess.AttemptProjection(now)).FirstAsync(ct);

    private static async Task<Ok<PagedResult<AttemptResponse>>> ListAttemptsAsync(
        [AsParameters] AttemptQuery query, CurrentUser caller, TheBotDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var attempts = AssignmentAccess.VisibleAttempts(db, caller).AsNoTracking();
        attempts = attempts.FilteredBy(query.AssignmentId, assignmentId => a => a.AssignmentId == assignmentId);
        attempts = attempts.FilteredBy(query.StudentId, studentId => a => a.StudentId == studentId);
        if (query.StatusFilter is { } status)
        {
            attempts = AssignmentAccess.WithStatus(attempts, status, now);
        }

        return TypedResults.Ok(await attempts
            .OrderByDescending(a => a.StartedAt).ThenBy(a => a.Id)
            .Select(AssignmentAccess.AttemptProjection(now))
            .ToPageAsync(query.Paging, ct));
    }

    private static async Task<Results<Created<SubmissionResponse>, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        Guid id, SubmitRequest request, CurrentUser caller, [AsParameters] AssignmentServices services, CancellationToken ct)
    {
        var attempt = await PrepareAttemptAsync(id, caller.Id, services.Db, services.Clock, ct);
        if (attempt.Problem is not null)
        {
            return attempt.Problem;
        }

        var questions = await QuizAccess.QuestionsAsync(services.Db, id, ct);
        List<SubmissionAnswer> answers = [];
        if (questions.Count == 0)
        {
            if (request.Answers is { Count: > 0 })
            {
                return ApiProblems.Invalid("answers", "This assignment has no questions.");
            }

            if (string.IsNullOrWhiteSpace(request.Text))
            {
                return ApiProblems.Invalid("text", "Write an answer.");
            }
        }
        else
        {
            if (QuizScoring.Check(request.Answers ?? [], questions) is { } badAnswers)
            {
                return badAnswers;
            }

            answers = QuizScoring.Score(attempt.Submission!.Id, request.Answers ?? [], questions);
        }

        var (response, problem) = await StoreAttemptAsync(attempt, request.Text?.Trim() ?? "", [], services, ct, answers);
        return problem is not null ? problem : Created(response!);
    }

    private static Created<SubmissionResponse> Created(SubmissionResponse response) =>
        TypedResults.Created($"/api/assignments/submissions/{response.Id}", response);

    /// <summary>multipart/form-data: optional <c>text</c>, up to five <c>file</c> parts; the attempt needs text or a file.</summary>
    private static async Task<IResult> SubmitWithFilesAsync(
        Guid id, HttpRequest http, CurrentUser caller, [AsParameters] AssignmentServices services, [AsParameters] FileUploads uploads,
        CancellationToken ct)
    {
        var (db, _, _, clock) = services;
        // Checked before reading the body, so a refused attempt never streams 50 MB into the store.
        var attempt = await PrepareAttemptAsync(id, caller.Id, db, clock, ct);
        if (attempt.Problem is not null)
        {
            return attempt.Problem;
        }

        if (await db.AssignmentQuestions.AnyAsync(q => q.AssignmentId == id, ct))
        {
            return ApiProblems.Unprocessable($"This assignment is a quiz: hand in its answers with POST /api/assignments/{id}/submissions.");
        }

        var read = await uploads.Reader.ReadAsync(http, new UploadLimits(MaxFiles: SubmissionFile.MaxPerSubmission, MinFiles: 0, MaxFieldLength: Submission.MaxTextLength), ct);
        if (read.Problem is not null)
        {
            return read.Problem;
        }

        var form = read.Form!;
        var text = form.Field("text")?.Trim() ?? "";
        if (text.Length == 0 && form.Files.Count == 0)
        {
            return ApiProblems.Invalid("text", "Write an answer or attach at least one file.");
        }

        try
        {
            var (response, problem) = await StoreAttemptAsync(attempt, text, form.Files, services, ct);
            if (problem is not null)
            {
                await uploads.Quota.ForgetAsync(form.Files.Select(f => f.StorageKey), CancellationToken.None);
                return problem;
            }

            return Created(response!);
        }
        catch
        {
            await uploads.Quota.ForgetAsync(form.Files.Select(f => f.StorageKey), CancellationToken.None);
            throw;
        }
    }

    private sealed record PreparedAttempt(Assignment? Assignment, Submission? Submission, ProblemHttpResult? Problem, AssignmentAttempt? Opened = null);

    /// <summary>
    /// The assignment is visible and open and the student may hand in: their open attempt (in time), or, without a time
    /// limit, a new attempt if one is left. The submission is not yet saved.
    /// </summary>
    private static async Task<PreparedAttempt> PrepareAttemptAsync(Guid id, Guid studentId, TheBotDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var assignment = await AssignmentAccess.Visible(db, studentId, UserRole.Student, now).AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (assignment is null)
        {
            return new(null, null, ApiProblems.NotFound("The assignment"));
        }

        if (assignment.Status != AssignmentStatus.Published)
        {
            return new(null, null, ApiProblems.Conflict("The assignment is closed."));
        }

        var late = now > assignment.DueAt;
        var submission = new Submission
        {
            Id = Guid.CreateVersion7(),
            AssignmentId = id,
            StudentId = studentId,
            Text = "",
            SubmittedAt = now,
            IsLate = late,
            PenaltyPercent = late ? assignment.LatePenaltyPercent : 0,
        };
        if (await AttemptRules.OpenAsync(db, id, studentId, ct) is { } open)
        {
            if (open.IsOverTime(now))
            {
                await AttemptRules.MarkOverTimeAsync(db, open.Id, now, ct);
                return new(null, null, AttemptRules.OverTime(open));
            }

            submission.Attempt = open.Number;
            submission.StartedAt = open.StartedAt;
            return new(assignment, submission, null, open);
        }

        if (assignment.TimeLimitMinutes is { } limit)
        {
            return new(null, null, AttemptRules.NotStarted(limit));
        }

        var used = await AttemptRules.UsedAsync(db, id, studentId, ct);
        if (used >= assignment.MaxAttempts)
        {
            return new(null, null, ApiProblems.Unprocessable($"All {assignment.MaxAttempts} allowed attempts have been used."));
        }

        if (await db.Submissions.AnyAsync(s => s.AssignmentId == id && s.StudentId == studentId && s.Status == SubmissionStatus.Submitted, ct))
        {
            return new(null, null, ApiProblems.Conflict("The previous attempt has not been graded or returned yet."));
        }

        submission.Attempt = used + 1;
        return new(assignment, submission, null);
    }

    /// <summary>
    /// Saves the attempt with its files or a quiz's answers and tells the teacher; a racing attempt with the same number
    /// is a conflict. A quiz with nothing left for the teacher is graded in the same save, and its student and parents told.
    /// </summary>
    private static async Task<(SubmissionResponse? Response, ProblemHttpResult? Problem)> StoreAttemptAsync(
        PreparedAttempt attempt, string text, IReadOnlyList<UploadedFile> files, AssignmentServices services, CancellationToken ct,
        IReadOnlyList<SubmissionAnswer>? answers = null)
    {
        var (db, realtime, notices, _) = services;
        var (assignment, submission) = (attempt.Assignment!, attempt.Submission!);
        submission.Text = text;
        submission.Answers.AddRange(answers ?? []);
        var graded = submission.Answers.Count > 0 && submission.Answers.All(a => a.Outcome != AnswerOutcome.Pending);
        if (graded)
        {
            AssignmentWorkflow.Grade(submission, submission.Answers.Sum(a => a.Points ?? 0), null, null, submission.SubmittedAt);
            await notices.StageGradeAsync(submission, ct, assignment);
        }

        if (attempt.Opened is { } opened)
        {
            opened.Status = AttemptStatus.Submitted;
            opened.EndedAt = submission.SubmittedAt;
            opened.SubmissionId = submission.Id;
        }

        submission.Files.AddRange(files.Select((f, i) => new SubmissionFile
        {
            Id = Guid.CreateVersion7(),
            SubmissionId = submission.Id,
            Position = i,
            FileName = f.FileName,
            ContentType = f.ContentType,
            Length = f.Length,
            Sha256 = f.Sha256,
            StorageKey = f.StorageKey,
        }));
        db.Submissions.Add(submission);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (null, ApiProblems.Conflict("The attempt was handed in or ran over its time meanwhile."));
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return (null, ApiProblems.Conflict("Another attempt was submitted at the same time."));
        }

        await realtime.PublishAsync(LearningEventNames.SubmissionReceived, RealtimeAudience.ToUsers(assignment.TeacherId),
            new SubmissionReceivedEvent(submission.Id, assignment.Id, submission.StudentId, submission.Attempt, submission.IsLate), ct);
        if (graded)
        {
            await PublishGradedAsync(db, realtime, submission, ct, assignment.MaxScore);
            await notices.PublishAsync(ct);
        }
        return (await db.Submissions.AsNoTracking().Where(s => s.Id == submission.Id).Select(AssignmentAccess.SubmissionProjection).FirstAsync(ct), null);
    }

    private static async Task<IResult> DownloadFileAsync(
        Guid id, Guid fileId, CurrentUser caller, TheBotDbContext db, IContentStore store, CancellationToken ct)
    {
        var file = await AssignmentAccess.VisibleSubmissions(db, caller).AsNoTracking()
            .Where(s => s.Id == id)
            .SelectMany(s => s.Files.Where(f => f.Id == fileId))
            .Select(f => new { f.StorageKey, f.FileName, f.ContentType })
            .FirstOrDefaultAsync(ct);
        var content = file is null ? null : await store.OpenReadAsync(file.StorageKey, ct);
        return content is null ? ApiProblems.NotFound("The file") : StorageRegistration.Download(content, file!.ContentType, file.FileName);
    }

    private static async Task<Ok<PagedResult<SubmissionResponse>>> ListSubmissionsAsync(
        [AsParameters] SubmissionQuery query, CurrentUser caller, TheBotDbContext db, CancellationToken ct)
    {
        var submissions = AssignmentAccess.VisibleSubmissions(db, caller).AsNoTracking();
        submissions = submissions.FilteredBy(query.StudentId, studentId => s => s.StudentId == studentId);
        submissions = submissions.FilteredBy(query.AssignmentId, assignmentId => s => s.AssignmentId == assignmentId);
        submissions = submissions.FilteredBy(query.StatusFilter, status => s => s.Status == status);

        return TypedResults.Ok(await submissions
            .OrderByDescending(s => s.SubmittedAt).ThenBy(s => s.Id)
            .Select(AssignmentAccess.SubmissionProjection)
            .ToPageAsync(query.Paging, ct));
    }

    private static async Task<Results<Ok<SubmissionResponse>, ValidationProblem, ProblemHttpResult>> GradeAsync(
        Guid id, GradeRequest request, CurrentUser caller, [AsParameters] AssignmentServices services, CancellationToken ct)
    {
        var (db, realtime, notices, clock) = services;
        var submission = await AssignmentAccess.VisibleSubmissions(db, caller).Include(s => s.Assignment)
            .Include(s => s.Answers).ThenInclude(a => a.Question).AsSplitQuery().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (submission is null)
        {
            return ApiProblems.NotFound("The submission");
        }

        if (AssignmentWorkflow.CanGrade(submission).Problem() is { } notAllowed)
        {
            return notAllowed;
        }

        decimal score;
        if (submission.Answers.Count > 0)
        {
            if (QuizGrading.ScoreOpenAnswers(submission, request) is { } badScores)
            {
                return badScores;
            }

            score = submission.Answers.Sum(a => a.Points ?? 0);
        }
        else if (request.Score is null || request.QuestionScores is { Count: > 0 })
        {
            return ApiProblems.Invalid("score", "Give the score (this work has no questions to score one by one).");
        }
        else
        {
            score = decimal.Round(request.Score.Value, 2);
        }

        if (score > submission.Assignment!.MaxScore)
        {
            return ApiProblems.Invalid("score", $"The score cannot exceed the maximum of {submission.Assignment.MaxScore}.");
        }

        AssignmentWorkflow.Grade(submission, score, request.Feedback, caller.Id, clock.GetUtcNow());
        await notices.StageGradeAsync(submission, ct);
        await db.SaveChangesAsync(ct);
        await PublishGradedAsync(db, realtime, submission, ct);
        await notices.PublishAsync(ct);
        return TypedResults.Ok(await db.Submissions.AsNoTracking().Where(s => s.Id == id).Select(AssignmentAccess.SubmissionProjection).FirstAsync(ct));
    }

    private static async Task<Results<Ok<SubmissionResponse>, ProblemHttpResult>> ReturnAsync(
        Guid id, ReturnRequest request, CurrentUser caller, [AsParameters] AssignmentServices services, CancellationToken ct)
    {
        var (db, realtime, _, clock) = services;
        var submission = await AssignmentAccess.VisibleSubmissions(db, caller).Include(s => s.Assignment).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (submission is null)
        {
            return ApiProblems.NotFound("The submission");
        }

        if (AssignmentWorkflow.Return(submission, request.Feedback, caller.Id, clock.GetUtcNow()).Problem() is { } notAllowed)
        {
            return notAllowed;
        }

        await db.SaveChangesAsync(ct);
        await PublishGradedAsync(db, realtime, submission, ct);
        return TypedResults.Ok(await db.Submissions.AsNoTracking().Where(s => s.Id == id).Select(AssignmentAccess.SubmissionProjection).FirstAsync(ct));
    }

    /// <summary>Tells its students (or <paramref name="only"/> them) live, once it has started: before, they do not know of it.</summary>
    private static async Task PublishChangedAsync(
        TheBotDbContext db, IRealtimePublisher realtime, Assignment a, DateTimeOffset now, CancellationToken ct, IReadOnlyList<Guid>? only = null)
    {
        if (!a.HasStarted(now))
        {
            return;
        }

        await AssignmentEvents.PublishChangedAsync(db, realtime, a, ct, only);
    }

    internal static async Task PublishGradedAsync(TheBotDbContext db, IRealtimePublisher realtime, Submission s, CancellationToken ct, decimal? maxScoreOf = null)
    {
        var maxScore = maxScoreOf ?? s.Assignment!.MaxScore;
        var guardians = await StudentRelations.GuardiansAsync(db, s.StudentId, ct);
        await realtime.PublishAsync(LearningEventNames.SubmissionGraded, RealtimeAudience.ToUsers([s.StudentId, .. guardians]),
            new SubmissionGradedEvent(s.Id, s.AssignmentId, s.StudentId, WireName.Of(s.Status), s.Score, s.FinalScore, maxScore, s.IsLate), ct);
    }
}

/// <summary>What the assignment handlers work with, bound as one parameter.</summary>
internal sealed record AssignmentServices(TheBotDbContext Db, IRealtimePublisher Realtime, AssignmentNotices Notices, TimeProvider Clock);

