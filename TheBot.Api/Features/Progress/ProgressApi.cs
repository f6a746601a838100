using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using TheBot.Api.Data;
using TheBot.Api.Features.Assignments;
using TheBot.Api.Features.Enrollments;
using TheBot.Api.Features.Lessons;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Auth;
using TheBot.Api.Platform.Errors;
using TheBot.Api.Platform.Paging;
using TheBot.Api.Platform.Realtime;
using TheBot.Realtime.Contracts;

namespace TheBot.Api.Features.Progress;

public static class ProgressApi
{
    public const string ExcelContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEndpointRouteBuilder MapProgressApi(this IEndpointRouteBuilder api)
    {
        var progress = api.MapGroup("/progress").WithTags("Progress");
        progress.MapGet("/students/{studentId:guid}", StudentAsync).RequireSignedIn()
            .WithName("GetStudentProgress").WithSummary("A student's lessons, submissions, lateness and scores over time")
            .ProducesProblem(StatusCodes.Status404NotFound);
        progress.MapGet("/students/{studentId:guid}/export", ExportStudentAsync).RequireRoles(UserRole.Tutor, UserRole.Admin)
            .WithName("ExportStudentProgress").WithSummary("A student's graded work as an Excel workbook (.xlsx)")
            .Produces(StatusCodes.Status200OK, contentType: ExcelContentType).ProducesProblem(StatusCodes.Status404NotFound);
        progress.MapGet("/export", ExportStudentsAsync).RequireRoles(UserRole.Tutor, UserRole.Admin)
            .WithName("ExportStudentsProgress").WithSummary("Every student of mine (all for admins) with their progress as .xlsx")
            .Produces(StatusCodes.Status200OK, contentType: ExcelContentType);
        progress.MapWeeklyReportsApi();
        return api;
    }

    private static async Task<Results<Ok<StudentProgress>, ProblemHttpResult>> StudentAsync(
        Guid studentId, CurrentUser caller, TheBotDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var lessons = db.Lessons.Where(l => l.StudentId == studentId);
        var submissions = db.Submissions.Where(s => s.StudentId == studentId);
        var materials = db.MaterialProgress.Where(p => p.StudentId == studentId);
        if (caller.Role == UserRole.Teacher)
        {
            // A teacher sees the subjects they teach the student now, not the rest of the student's learning.
            var teacherId = caller.Id;
            var subjects = db.Enrollments
                .Where(e => e.StudentId == studentId && e.TeacherId == teacherId && e.Status == EnrollmentStatus.Active)
                .Select(e => e.SubjectId);
            lessons = lessons.Where(l => subjects.Contains(l.SubjectId));
            submissions = submissions.Where(s => subjects.Contains(s.Assignment!.SubjectId));
            materials = materials.Where(p => db.Materials.Any(m => m.Id == p.MaterialId && subjects.Contains(m.SubjectId)));
        }

        var summary = await db.Users.AsNoTracking()
            .Where(u => u.Id == studentId && u.Role == UserRole.Student && ProgressAccess.VisibleStudents(db, caller).Contains(u.Id))
            .Select(u => new
            {
                Student = new PersonRef(u.Id, u.FullName, u.Email!),
                Completed = lessons.Count(l => l.Status == LessonStatus.Completed),
                Cancelled = lessons.Count(l => l.Status == LessonStatus.Cancelled),
                Missed = lessons.Count(l => l.Status == LessonStatus.Missed),
                Upcoming = lessons.Count(l => l.StartsAt > now && (l.Status == LessonStatus.Pending || l.Status == LessonStatus.Confirmed)),
                Submissions = submissions.Count(),
                Graded = submissions.Count(s => s.Status == SubmissionStatus.Graded),
                Late = submissions.Count(s => s.IsLate),
                Average = submissions.Where(s => s.Status == SubmissionStatus.Graded)
                    .Average(s => (decimal?)(s.FinalScore!.Value * 100 / s.Assignment!.MaxScore)),
                MaterialsOpened = materials.Count(),
                MaterialsCompleted = materials.Count(p => p.CompletedAt != null),
            })
            .FirstOrDefaultAsync(ct);
        if (summary is null)
        {
            return ApiProblems.NotFound("The student");
        }

        var scores = await Scores(submissions).ToListAsync(ct);
        return TypedResults.Ok(new StudentProgress(summary.Student, summary.Completed, summary.Cancelled, summary.Missed, summary.Upcoming,
            summary.Submissions, summary.Graded, summary.Late, summary.Average is { } avg ? decimal.Round(avg, 1) : null,
            summary.MaterialsOpened, summary.MaterialsCompleted, scores));
    }

    private static IQueryable<ScorePoint> Scores(IQueryable<Submission> submissions) =>
        submissions.AsNoTracking()
            .Where(s => s.Status == SubmissionStatus.Graded)
            .OrderBy(s => s.GradedAt).ThenBy(s => s.Id)
            .Select(s => new ScorePoint(s.Id, s.Assignment!.Title, s.Assignment.Subject!.Name, s.GradedAt!.Value, s.FinalScore!.Value, s.Assignment.MaxScore, s.IsLate));

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> ExportStudentAsync(
        Guid studentId, HttpContext http, CurrentUser caller, TheBotDbContext db, CancellationToken ct)
    {
        if (!await ProgressAccess.VisibleStudents(db, caller).ContainsAsync(studentId, ct))
        {
            return ApiProblems.NotFound("The student");
        }

        var rows = await Scores(db.Submissions.Where(s => s.StudentId == studentId)).ToListAsync(ct);
        await WriteWorkbookAsync(http, $"progress-{studentId:N}", "Progress", rows.Select(r => new ScoreRow
        {
            Assignment = r.Assignment,
            Subject = r.Subject,
            GradedAt = r.GradedAt.UtcDateTime,
            FinalScore = r.FinalScore,
            MaxScore = r.MaxScore,
            Late = r.IsLate ? "yes" : "no",
        }), ct);
        return TypedResults.Empty;
    }

    private static async Task ExportStudentsAsync(HttpContext http, CurrentUser caller, TheBotDbContext db, CancellationToken ct)
    {
        var rows = await db.Users.AsNoTracking()
            .Where(u => u.Role == UserRole.Student && ProgressAccess.VisibleStudents(db, caller).Contains(u.Id))
            .OrderBy(u => u.FullName).ThenBy(u => u.Id)
            .Select(u => new StudentRow
            {
                Student = u.FullName,
                Email = u.Email!,
                LessonsCompleted = db.Lessons.Count(l => l.StudentId == u.Id && l.Status == LessonStatus.Completed),
                LessonsCancelled = db.Lessons.Count(l => l.StudentId == u.Id && l.Status == LessonStatus.Cancelled),
                LessonsMissed = db.Lessons.Count(l => l.StudentId == u.Id && l.Status == LessonStatus.Missed),
                Submissions = db.Submissions.Count(s => s.StudentId == u.Id),
                Graded = db.Submissions.Count(s => s.StudentId == u.Id && s.Status == SubmissionStatus.Graded),
                Late = db.Submissions.Count(s => s.StudentId == u.Id && s.IsLate),
                AveragePercent = db.Submissions.Where(s => s.StudentId == u.Id && s.Status == SubmissionStatus.Graded)
                    .Average(s => (decimal?)(s.FinalScore!.Value * 100 / s.Assignment!.MaxScore)),
            })
            .ToListAsync(ct);
        foreach (var row in rows)
        {
            row.AveragePercent = row.AveragePercent is { } avg ? decimal.Round(avg, 1) : null;
        }

        await WriteWorkbookAsync(http, "students-progress", "Students", rows, ct);
    }

    /// <summary>Like the invoice export: written to a self-deleting temporary file (zip needs to seek), then streamed.</summary>
    internal static async Task WriteWorkbookAsync<T>(HttpContext http, string name, string sheet, IEnumerable<T> rows, CancellationToken ct)
    {
        var path = Path.Combine(Path.GetTempPath(), $"thebot-{name}-{Guid.NewGuid():N}.xlsx");
        await using var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await file.SaveAsAsync(rows, sheetName: sheet, cancellationToken: ct);
        file.Position = 0;
        http.Response.ContentType = ExcelContentType;
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}-{DateTime.UtcNow:yyyy-MM-dd}.xlsx\"";
        http.Response.ContentLength = file.Length;
        await file.CopyToAsync(http.Response.Body, ct);
    }

    /// <summary>One row of a student's export; property names are the column headers.</summary>
    public sealed class ScoreRow
    {
        public required string Assignment { get; init; }

        public required string Subject { get; init; }

        public DateTime GradedAt { get; init; }

        public decimal FinalScore { get; init; }

        public decimal MaxScore { get; init; }

        public required string Late { get; init; }
    }

    /// <summary>One row of the students export.</summary>
    public sealed class StudentRow
    {
        public required string Student { get; init; }

        public required string Email { get; init; }

        public int LessonsCompleted { get; init; }

        public int LessonsCancelled { get; init; }

        public int LessonsMissed { get; init; }

        public int Submissions { get; init; }

        public int Graded { get; init; }

        public int Late { get; init; }

        public decimal? AveragePercent { get; set; }
    }
}
