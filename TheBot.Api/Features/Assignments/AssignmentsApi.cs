using System.Linq.Expressions;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using TheBot.Api.Data;
using TheBot.Api.Features.Enrollments;
using TheBot.Api.Features.Lessons;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Auth;
using TheBot.Api.Platform.Errors;
using TheBot.Api.Platform.Paging;
using TheBot.Api.Platform.Realtime;
using TheBot.Api.Platform.Storage;
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
            .WithName("CreateAssignment").WithSummary("Set an assignment for my students of a subject (draft unless publish is true)")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        assignments.MapGet("/{id:guid}", GetAsync).RequireSignedIn()
            .WithName("GetAssignment").WithSummary("One assignment").ProducesProblem(StatusCodes.Status404NotFound);
        assignments.MapPatch("/{id:guid}", UpdateAsync).RequireRoles(UserRole.Teacher, UserRole.Admin)
            .WithName("UpdateAssignment").WithSummary("Edit an assignment: text, due date, and score rules while nothing is graded")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        assignments.MapPost("/{id:guid}/publish", PublishAsync).RequireRoles(UserRole.Teacher, UserRole.Admin)
            .WithName("PublishAssignment").WithSummary("Publish a draft to the enrolled students")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        assignments.MapPost("/{id:guid}/close", CloseAsync).RequireRoles(UserRole.Teacher, UserRole.Admin)
            .WithName("CloseAssignment").WithSummary("Stop accepting submissions")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        assignments.MapPost("/{id:guid}/submissions", SubmitAsync).RequireRoles(UserRole.Student)
            .WithName("SubmitAssignment").WithSummary("Hand in an attempt (late submissions are flagged and penalised)")
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

    /// <summary>Teachers: own; admins: all; others: non-draft assignments of a visible student's active enrollment.</summary>
    public static IQueryable<Assignment> Visible(TheBotDbContext db, Guid userId, UserRole role)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (role == UserRole.Admin)
        {
            return db.Assignments;
        }

        if (role == UserRole.Teacher)
        {
            return db.Assignments.Where(a => a.TeacherId == userId);
        }

        var students = StudentRelations.VisibleStudentIds(db, userId, role);
        return db.Assignments.Where(a => a.Status != AssignmentStatus.Draft && db.Enrollments.Any(e =>
            e.TeacherId == a.TeacherId && e.SubjectId == a.SubjectId && e.Status == EnrollmentStatus.Active && students.Contains(e.StudentId)));
    }

    /// <summary>Students: own; parents and tutors: their students'; teachers: to their assignments; admins: all.</summary>
    public static IQueryable<Submission> VisibleSubmissions(TheBotDbContext db, Guid userId, UserRole role)
    {
        ArgumentNullException.ThrowIfNull(db);
        return role switch
        {
            UserRole.Admin => db.Submissions,
            UserRole.Teacher => db.Submissions.Where(s => s.Assignment!.TeacherId == userId),
            UserRole.Student => db.Submissions.Where(s => s.StudentId == userId),
            _ => db.Submissions.Where(s => StudentRelations.VisibleStudentIds(db, userId, role).Contains(s.StudentId)),
        };
    }

    private static async Task<Ok<PagedResult<AssignmentResponse>>> ListAsync(
        [AsParameters] AssignmentQuery query, ClaimsPrincipal principal, TheBotDbContext db, CancellationToken ct)
    {
        var assignments = Visible(db, principal.GetUserId(), principal.GetRole()).AsNoTracking();
        if (query.SubjectId is { } subjectId)
        {
            assignments = assignments.Where(a => a.SubjectId == subjectId);
        }

        if (query.StatusFilter is { } status)
        {
            assignments = assignments.Where(a => a.Status == status);
        }

        return TypedResults.Ok(await assignments
            .OrderByDescending(a => a.DueAt).ThenBy(a => a.Id)
            .Select(Projection)
            .ToPageAsync(query.Paging, ct));
    }

    private static async Task<Results<Ok<AssignmentResponse>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal principal, TheBotDbContext db, CancellationToken ct) =>
        await Visible(db, principal.GetUserId(), principal.GetRole()).AsNoTracking().Where(a => a.Id == id).Select(Projection).FirstOrDefaultAsync(ct)
            is { } assignment ? TypedResults.Ok(assignment) : ApiProblems.NotFound("The assignment");

    private static async Task<Results<Created<AssignmentResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateAssignmentRequest request, ClaimsPrincipal principal, TheBotDbContext db, IRealtimePublisher realtime, TimeProvider clock, CancellationToken ct)
    {
        var teacherId = principal.GetUserId();
        var subjectId = request.SubjectId!.Value;
        if (!await db.TeacherSubjects.AnyAsync(ts => ts.TeacherId == teacherId && ts.SubjectId == subjectId, ct))
        {
            return ApiProblems.Unprocessable("You do not teach this subject.");
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
            DueAt = request.DueAt!.Value.ToUniversalTime(),
            MaxScore = decimal.Round(request.MaxScore!.Value, 2),
            LatePenaltyPercent = request.LatePenaltyPercent ?? 0,
            MaxAttempts = request.MaxAttempts ?? 1,
            Rubric = request.Rubric,
            CreatedAt = now,
            PublishedAt = publish ? now : null,
        };
        db.Assignments.Add(assignment);
        await db.SaveChangesAsync(ct);
        if (publish)
        {
            await PublishChangedAsync(db, realtime, assignment, ct);
        }

        var response = await db.Assignments.AsNoTracking().Where(a => a.Id == assignment.Id).Select(Projection).FirstAsync(ct);
        return TypedResults.Created($"/api/assignments/{assignment.Id}", response);
    }

    private static async Task<Results<Ok<AssignmentResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, UpdateAssignmentRequest request, ClaimsPrincipal principal, TheBotDbContext db, IRealtimePublisher realtime, CancellationToken ct)
    {
        var assignment = await Visible(db, principal.GetUserId(), principal.GetRole()).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (assignment is null)
        {
            return ApiProblems.NotFound("The assignment");
        }

        if (request.Title is not null && string.IsNullOrWhiteSpace(request.Title))
        {
            return ApiProblems.Invalid("title", "The title cannot be blank.");
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

            var used = await db.Submissions.Where(s => s.AssignmentId == id).MaxAsync(s => (int?)s.Attempt, ct) ?? 0;
            if (request.MaxAttempts is { } allowed && allowed < used)
            {
                return ApiProblems.Invalid("maxAttempts", $"A student has already used {used} attempts.");
            }
        }

        var dueChanged = request.DueAt is { } due && due.ToUniversalTime() != assignment.DueAt;
        assignment.Title = request.Title?.Trim() ?? assignment.Title;
        assignment.Description = request.Description ?? assignment.Description;
        assignment.Rubric = request.Rubric ?? assignment.Rubric;
        assignment.DueAt = request.DueAt?.ToUniversalTime() ?? assignment.DueAt;
        assignment.MaxScore = request.MaxScore is { } newMax ? decimal.Round(newMax, 2) : assignment.MaxScore;
        assignment.LatePenaltyPercent = request.LatePenaltyPercent ?? assignment.LatePenaltyPercent;
        assignment.MaxAttempts = request.MaxAttempts ?? assignment.MaxAttempts;
        await db.SaveChangesAsync(ct);
        if (dueChanged && assignment.Status == AssignmentStatus.Published)
        {
            await PublishChangedAsync(db, realtime, assignment, ct);
        }

        return TypedResults.Ok(await db.Assignments.AsNoTracking().Where(a => a.Id == id).Select(Projection).FirstAsync(ct));
    }

    private static Task<Results<Ok<AssignmentResponse>, ProblemHttpResult>> PublishAsync(
        Guid id, ClaimsPrincipal principal, TheBotDbContext db, IRealtimePublisher realtime, TimeProvider clock, CancellationToken ct) =>
        ChangeStatusAsync(id, principal, db, realtime, clock, AssignmentStatus.Draft, AssignmentStatus.Published, ct);

    private static Task<Results<Ok<AssignmentResponse>, ProblemHttpResult>> CloseAsync(
        Guid id, ClaimsPrincipal principal, TheBotDbContext db, IRealtimePublisher realtime, TimeProvider clock, CancellationToken ct) =>
        ChangeStatusAsync(id, principal, db, realtime, clock, AssignmentStatus.Published, AssignmentStatus.Closed, ct);

    private static async Task<Results<Ok<AssignmentResponse>, ProblemHttpResult>> ChangeStatusAsync(
        Guid id, ClaimsPrincipal principal, TheBotDbContext db, IRealtimePublisher realtime, TimeProvider clock,
        AssignmentStatus from, AssignmentStatus to, CancellationToken ct)
    {
        var assignment = await Visible(db, principal.GetUserId(), principal.GetRole()).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (assignment is null)
        {
            return ApiProblems.NotFound("The assignment");
        }

        if (assignment.Status != from)
        {
            return ApiProblems.Conflict($"The assignment is {WireName.Of(assignment.Status)}; only a {WireName.Of(from)} one can become {WireName.Of(to)}.");
        }

        assignment.Status = to;
        if (to == AssignmentStatus.Published)
        {
            assignment.PublishedAt = clock.GetUtcNow();
        }

        await db.SaveChangesAsync(ct);
        await PublishChangedAsync(db, realtime, assignment, ct);
        return TypedResults.Ok(await db.Assignments.AsNoTracking().Where(a => a.Id == id).Select(Projection).FirstAsync(ct));
    }

    private static async Task<Results<Created<SubmissionResponse>, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        Guid id, SubmitRequest request, ClaimsPrincipal principal, TheBotDbContext db, IRealtimePublisher realtime, TimeProvider clock, CancellationToken ct)
    {
        var attempt = await PrepareAttemptAsync(id, principal.GetUserId(), db, clock, ct);
        if (attempt.Problem is not null)
        {
            return attempt.Problem;
        }

        var (response, problem) = await StoreAttemptAsync(attempt.Assignment!, attempt.Submission!, request.Text!, [], db, realtime, ct);
        return problem is not null ? problem : Created(response!);
    }

    private static Created<SubmissionResponse> Created(SubmissionResponse response) =>
        TypedResults.Created($"/api/assignments/submissions/{response.Id}", response);

    /// <summary>multipart/form-data: optional <c>text</c>, up to five <c>file</c> parts; the attempt needs text or a file.</summary>
    private static async Task<IResult> SubmitWithFilesAsync(
        Guid id, HttpRequest http, ClaimsPrincipal principal, TheBotDbContext db, MultipartUploadReader uploads, StorageQuota storage,
        IRealtimePublisher realtime, TimeProvider clock, CancellationToken ct)
    {
        // Checked before reading the body, so a refused attempt never streams 50 MB into the store.
        var attempt = await PrepareAttemptAsync(id, principal.GetUserId(), db, clock, ct);
        if (attempt.Problem is not null)
        {
            return attempt.Problem;
        }

        var read = await uploads.ReadAsync(http, new UploadLimits(MaxFiles: SubmissionFile.MaxPerSubmission, MinFiles: 0, MaxFieldLength: Submission.MaxTextLength), ct);
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
            var (response, problem) = await StoreAttemptAsync(attempt.Assignment!, attempt.Submission!, text, form.Files, db, realtime, ct);
            if (problem is not null)
            {
                await storage.ForgetAsync(form.Files.Select(f => f.StorageKey), CancellationToken.None);
                return problem;
            }

            return Created(response!);
        }
        catch
        {
            await storage.ForgetAsync(form.Files.Select(f => f.StorageKey), CancellationToken.None);
            throw;
        }
    }

    private sealed record PreparedAttempt(Assignment? Assignment, Submission? Submission, ProblemHttpResult? Problem);

    /// <summary>The assignment is visible and open and the student has an attempt left: the new attempt, not yet saved.</summary>
    private static async Task<PreparedAttempt> PrepareAttemptAsync(Guid id, Guid studentId, TheBotDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var assignment = await Visible(db, studentId, UserRole.Student).AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (assignment is null)
        {
            return new(null, null, ApiProblems.NotFound("The assignment"));
        }

        if (assignment.Status != AssignmentStatus.Published)
        {
            return new(null, null, ApiProblems.Conflict("The assignment is closed."));
        }

        var attempts = await db.Submissions.Where(s => s.AssignmentId == id && s.StudentId == studentId)
            .Select(s => new { s.Attempt, s.Status }).ToListAsync(ct);
        if (attempts.Count >= assignment.MaxAttempts)
        {
            return new(null, null, ApiProblems.Unprocessable($"All {assignment.MaxAttempts} allowed attempts have been used."));
        }

        if (attempts.Any(a => a.Status == SubmissionStatus.Submitted))
        {
            return new(null, null, ApiProblems.Conflict("The previous attempt has not been graded or returned yet."));
        }

        var now = clock.GetUtcNow();
        var late = now > assignment.DueAt;
        return new(assignment, new Submission
        {
            Id = Guid.CreateVersion7(),
            AssignmentId = id,
            StudentId = studentId,
            Attempt = attempts.Count == 0 ? 1 : attempts.Max(a => a.Attempt) + 1,
            Text = "",
            SubmittedAt = now,
            IsLate = late,
            PenaltyPercent = late ? assignment.LatePenaltyPercent : 0,
        }, null);
    }

    /// <summary>Saves the attempt with its files and tells the teacher; a racing attempt with the same number is a conflict.</summary>
    private static async Task<(SubmissionResponse? Response, ProblemHttpResult? Problem)> StoreAttemptAsync(
        Assignment assignment, Submission submission, string text, IReadOnlyList<UploadedFile> files,
        TheBotDbContext db, IRealtimePublisher realtime, CancellationToken ct)
    {
        submission.Text = text;
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
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return (null, ApiProblems.Conflict("Another attempt was submitted at the same time."));
        }

        await realtime.PublishAsync(LearningEventNames.SubmissionReceived, RealtimeAudience.ToUsers(assignment.TeacherId),
            new SubmissionReceivedEvent(submission.Id, assignment.Id, submission.StudentId, submission.Attempt, submission.IsLate), ct);
        return (await db.Submissions.AsNoTracking().Where(s => s.Id == submission.Id).Select(SubmissionProjection).FirstAsync(ct), null);
    }

    private static async Task<IResult> DownloadFileAsync(
        Guid id, Guid fileId, ClaimsPrincipal principal, TheBotDbContext db, IContentStore store, CancellationToken ct)
    {
        var file = await VisibleSubmissions(db, principal.GetUserId(), principal.GetRole()).AsNoTracking()
            .Where(s => s.Id == id)
            .SelectMany(s => s.Files.Where(f => f.Id == fileId))
            .Select(f => new { f.StorageKey, f.FileName, f.ContentType })
            .FirstOrDefaultAsync(ct);
        var content = file is null ? null : await store.OpenReadAsync(file.StorageKey, ct);
        return content is null ? ApiProblems.NotFound("The file") : StorageRegistration.Download(content, file!.ContentType, file.FileName);
    }

    private static async Task<Ok<PagedResult<SubmissionResponse>>> ListSubmissionsAsync(
        [AsParameters] SubmissionQuery query, ClaimsPrincipal principal, TheBotDbContext db, CancellationToken ct)
    {
        var submissions = VisibleSubmissions(db, principal.GetUserId(), principal.GetRole()).AsNoTracking();
        if (query.StudentId is { } studentId)
        {
            submissions = submissions.Where(s => s.StudentId == studentId);
        }

        if (query.AssignmentId is { } assignmentId)
        {
            submissions = submissions.Where(s => s.AssignmentId == assignmentId);
        }

        if (query.StatusFilter is { } status)
        {
            submissions = submissions.Where(s => s.Status == status);
        }

        return TypedResults.Ok(await submissions
            .OrderByDescending(s => s.SubmittedAt).ThenBy(s => s.Id)
            .Select(SubmissionProjection)
            .ToPageAsync(query.Paging, ct));
    }

    private static async Task<Results<Ok<SubmissionResponse>, ValidationProblem, ProblemHttpResult>> GradeAsync(
        Guid id, GradeRequest request, ClaimsPrincipal principal, TheBotDbContext db, IRealtimePublisher realtime, TimeProvider clock, CancellationToken ct)
    {
        var submission = await VisibleSubmissions(db, principal.GetUserId(), principal.GetRole()).Include(s => s.Assignment).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (submission is null)
        {
            return ApiProblems.NotFound("The submission");
        }

        if (submission.Status == SubmissionStatus.Returned)
        {
            return ApiProblems.Conflict("A returned submission cannot be graded; the student submits a new attempt.");
        }

        var score = decimal.Round(request.Score!.Value, 2);
        if (score > submission.Assignment!.MaxScore)
        {
            return ApiProblems.Invalid("score", $"The score cannot exceed the maximum of {submission.Assignment.MaxScore}.");
        }

        submission.Score = score;
        submission.FinalScore = Submission.ApplyPenalty(score, submission.PenaltyPercent);
        submission.Feedback = request.Feedback;
        submission.Status = SubmissionStatus.Graded;
        submission.GradedAt = clock.GetUtcNow();
        submission.GradedById = principal.GetUserId();
        await db.SaveChangesAsync(ct);
        await PublishGradedAsync(db, realtime, submission, ct);
        return TypedResults.Ok(await db.Submissions.AsNoTracking().Where(s => s.Id == id).Select(SubmissionProjection).FirstAsync(ct));
    }

    private static async Task<Results<Ok<SubmissionResponse>, ProblemHttpResult>> ReturnAsync(
        Guid id, ReturnRequest request, ClaimsPrincipal principal, TheBotDbContext db, IRealtimePublisher realtime, TimeProvider clock, CancellationToken ct)
    {
        var submission = await VisibleSubmissions(db, principal.GetUserId(), principal.GetRole()).Include(s => s.Assignment).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (submission is null)
        {
            return ApiProblems.NotFound("The submission");
        }

        if (submission.Status != SubmissionStatus.Submitted)
        {
            return ApiProblems.Conflict($"Only submitted work can be returned; this one is {WireName.Of(submission.Status)}.");
        }

        submission.Status = SubmissionStatus.Returned;
        submission.Feedback = request.Feedback;
        submission.GradedAt = clock.GetUtcNow();
        submission.GradedById = principal.GetUserId();
        await db.SaveChangesAsync(ct);
        await PublishGradedAsync(db, realtime, submission, ct);
        return TypedResults.Ok(await db.Submissions.AsNoTracking().Where(s => s.Id == id).Select(SubmissionProjection).FirstAsync(ct));
    }

    private static async Task PublishChangedAsync(TheBotDbContext db, IRealtimePublisher realtime, Assignment a, CancellationToken ct)
    {
        var students = await db.Enrollments
            .Where(e => e.TeacherId == a.TeacherId && e.SubjectId == a.SubjectId && e.Status == EnrollmentStatus.Active)
            .Select(e => e.StudentId).ToArrayAsync(ct);
        await realtime.PublishAsync(LearningEventNames.AssignmentChanged, RealtimeAudience.ToUsers(students),
            new AssignmentChangedEvent(a.Id, a.SubjectId, a.Title, WireName.Of(a.Status), a.DueAt), ct);
    }

    private static async Task PublishGradedAsync(TheBotDbContext db, IRealtimePublisher realtime, Submission s, CancellationToken ct)
    {
        var audience = await LessonAccess.AudienceAsync(db, s.Assignment!.TeacherId, s.StudentId, ct);
        await realtime.PublishAsync(LearningEventNames.SubmissionGraded, RealtimeAudience.ToUsers(audience[1..]),
            new SubmissionGradedEvent(s.Id, s.AssignmentId, s.StudentId, WireName.Of(s.Status), s.Score, s.FinalScore, s.Assignment.MaxScore, s.IsLate), ct);
    }

    private static readonly Expression<Func<Assignment, AssignmentResponse>> Projection = a => new AssignmentResponse(
        a.Id,
        new EnrollmentSubject(a.SubjectId, a.Subject!.Name, a.Subject.Color),
        new PersonRef(a.TeacherId, a.Teacher!.FullName, a.Teacher.Email!),
        a.Title, a.Description, a.Kind, a.Status, a.DueAt, a.MaxScore, a.LatePenaltyPercent, a.MaxAttempts, a.Rubric, a.CreatedAt, a.PublishedAt);

    internal static readonly Expression<Func<Submission, SubmissionResponse>> SubmissionProjection = s => new SubmissionResponse(
        s.Id,
        s.AssignmentId,
        s.Assignment!.Title,
        new EnrollmentSubject(s.Assignment.SubjectId, s.Assignment.Subject!.Name, s.Assignment.Subject.Color),
        new PersonRef(s.StudentId, s.Student!.FullName, s.Student.Email!),
        s.Attempt, s.Text, s.SubmittedAt, s.IsLate, s.PenaltyPercent, s.Status, s.Score, s.FinalScore, s.Assignment.MaxScore, s.Feedback, s.GradedAt,
        s.Files.OrderBy(f => f.Position).Select(f => new SubmissionFileResponse(f.Id, f.FileName, f.ContentType, f.Length)).ToList());
}
