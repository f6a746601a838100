using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Features.Assignments;
using TheBot.Api.Features.Enrollments;
using TheBot.Api.Features.Lessons;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Auth;
using TheBot.Api.Platform.Time;

namespace TheBot.Api.Features.Dashboard;

public static class DashboardApi
{
    public static IEndpointRouteBuilder MapDashboardApi(this IEndpointRouteBuilder api)
    {
        api.MapGroup("/dashboard").WithTags("Dashboard")
            .MapGet("/", GetAsync).RequireSignedIn()
            .WithName("GetDashboard").WithSummary("The caller's role summary: lessons, work due, grades, alerts or counts");
        return api;
    }

    private static async Task<Ok<DashboardResponse>> GetAsync(CurrentUser caller, TheBotDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var userId = caller.Id;
        var role = caller.Role;
        var now = clock.GetUtcNow();
        // "Today" is the caller's: the day in their profile's time zone, as the SPA shows it.
        var timeZone = await db.Users.Where(u => u.Id == userId).Select(u => u.TimeZone).FirstOrDefaultAsync(ct);
        var today = UserTimeZone.StartOfDay(now, UserTimeZone.Find(timeZone));
        var name = role.ToName();
        return TypedResults.Ok(role switch
        {
            UserRole.Student => new DashboardResponse(name, Student: await StudentAsync(db, userId, now, ct)),
            UserRole.Teacher => new DashboardResponse(name, Teacher: await TeacherAsync(db, userId, today, ct)),
            UserRole.Tutor => new DashboardResponse(name, Tutor: await TutorAsync(db, userId, now, ct)),
            UserRole.Parent => new DashboardResponse(name, Parent: await ParentAsync(db, userId, now, ct)),
            _ => new DashboardResponse(name, Admin: await AdminAsync(db, today, ct)),
        });
    }

    private static async Task<StudentDashboard> StudentAsync(TheBotDbContext db, Guid userId, DateTimeOffset now, CancellationToken ct)
    {
        var lessons = await db.Lessons.AsNoTracking()
            .Where(l => l.StudentId == userId && l.EndsAt > now && (l.Status == LessonStatus.Pending || l.Status == LessonStatus.Confirmed))
            .OrderBy(l => l.StartsAt).ThenBy(l => l.Id).Take(5).Select(LessonAccess.Projection).ToListAsync(ct);
        var due = await AssignmentAccess.Visible(db, userId, UserRole.Student, now).AsNoTracking()
            .Where(a => a.Status == AssignmentStatus.Published && !db.Submissions.Any(s => s.AssignmentId == a.Id && s.StudentId == userId && s.Status != SubmissionStatus.Returned))
            .OrderBy(a => a.DueAt).ThenBy(a => a.Id).Take(10)
            .Select(a => new DueAssignment(a.Id, a.Title, a.Subject!.Name, a.Kind, a.DueAt, a.MaxScore)).ToListAsync(ct);
        var grades = await RecentGrades(db.Submissions.Where(s => s.StudentId == userId), 5, ct);
        return new StudentDashboard(lessons, due, grades);
    }

    private static async Task<TeacherDashboard> TeacherAsync(TheBotDbContext db, Guid userId, DateTimeOffset today, CancellationToken ct)
    {
        var tomorrow = today.AddDays(1);
        var lessons = await db.Lessons.AsNoTracking()
            .Where(l => l.TeacherId == userId && l.StartsAt < tomorrow && l.EndsAt > today && l.Status != LessonStatus.Cancelled)
            .OrderBy(l => l.StartsAt).ThenBy(l => l.Id).Select(LessonAccess.Projection).ToListAsync(ct);
        var toGrade = db.Submissions.AsNoTracking().Where(s => s.Assignment!.TeacherId == userId && s.Status == SubmissionStatus.Submitted);
        var count = await toGrade.CountAsync(ct);
        var items = await toGrade.OrderBy(s => s.SubmittedAt).ThenBy(s => s.Id).Take(10).Select(AssignmentAccess.SubmissionProjection).ToListAsync(ct);
        return new TeacherDashboard(lessons, count, items);
    }

    private static async Task<TutorDashboard> TutorAsync(TheBotDbContext db, Guid userId, DateTimeOffset now, CancellationToken ct)
    {
        var monthAgo = now.AddDays(-30);
        var students = await db.StudentProfiles.AsNoTracking().Where(p => p.TutorId == userId)
            .Join(db.Users, p => p.UserId, u => u.Id, (p, u) => new { p.UserId, u.FullName })
            .OrderBy(p => p.FullName).ThenBy(p => p.UserId)
            .Select(p => new TutorStudentSummary(
                p.UserId,
                p.FullName,
                db.Lessons.Count(l => l.StudentId == p.UserId && l.Status == LessonStatus.Cancelled && l.StartsAt >= monthAgo),
                db.Lessons.Count(l => l.StudentId == p.UserId && l.Status == LessonStatus.Missed && l.StartsAt >= monthAgo),
                db.Assignments.Count(a => a.Status == AssignmentStatus.Published && a.DueAt < now
                    && db.Enrollments.Any(e => e.StudentId == p.UserId && e.TeacherId == a.TeacherId && e.SubjectId == a.SubjectId && e.Status == EnrollmentStatus.Active)
                    && (a.ForAllStudents || a.Recipients.Any(r => r.StudentId == p.UserId))
                    && !db.Submissions.Any(s => s.AssignmentId == a.Id && s.StudentId == p.UserId)),
                db.Lessons.Where(l => l.StudentId == p.UserId && l.StartsAt > now && l.Status != LessonStatus.Cancelled)
                    .OrderBy(l => l.StartsAt).Select(l => (DateTimeOffset?)l.StartsAt).FirstOrDefault()))
            .Take(200)
            .ToListAsync(ct);
        return new TutorDashboard(students);
    }

    private static async Task<ParentDashboard> ParentAsync(TheBotDbContext db, Guid userId, DateTimeOffset now, CancellationToken ct)
    {
        var children = await db.StudentParents.AsNoTracking().Where(sp => sp.ParentId == userId)
            .Select(sp => new { sp.StudentId, db.Users.First(u => u.Id == sp.StudentId).FullName })
            .ToListAsync(ct);
        var ids = children.Select(c => c.StudentId).ToList();
        var lessons = await db.Lessons.AsNoTracking()
            .Where(l => ids.Contains(l.StudentId) && l.StartsAt > now && (l.Status == LessonStatus.Pending || l.Status == LessonStatus.Confirmed))
            .GroupBy(l => l.StudentId)
            .Select(g => g.OrderBy(l => l.StartsAt).ThenBy(l => l.Id).First().Id)
            .ToListAsync(ct);
        var next = await db.Lessons.AsNoTracking().Where(l => lessons.Contains(l.Id)).Select(LessonAccess.Projection).ToListAsync(ct);
        var grades = await RecentGrades(db.Submissions.Where(s => ids.Contains(s.StudentId)), 5 * Math.Max(1, ids.Count), ct);
        return new ParentDashboard(children.OrderBy(c => c.FullName, StringComparer.Ordinal).Select(c => new ChildSummary(
            c.StudentId, c.FullName,
            next.FirstOrDefault(l => l.Student.Id == c.StudentId),
            grades.Where(g => g.Student.Id == c.StudentId).Take(5).ToList())).ToList());
    }

    private static async Task<AdminDashboard> AdminAsync(TheBotDbContext db, DateTimeOffset today, CancellationToken ct)
    {
        var tomorrow = today.AddDays(1);
        var counts = await db.Users.AsNoTracking().Take(1).Select(_ => new AdminDashboard(
            db.Users.Count(u => u.Role == UserRole.Student && u.IsActive),
            db.Users.Count(u => u.Role == UserRole.Teacher && u.IsActive),
            db.Enrollments.Count(e => e.Status == EnrollmentStatus.Active),
            db.Lessons.Count(l => l.StartsAt >= today && l.StartsAt < tomorrow && l.Status != LessonStatus.Cancelled),
            db.Lessons.Count(l => l.StartsAt >= today && l.StartsAt < tomorrow && l.Status == LessonStatus.Cancelled),
            db.Submissions.Count(s => s.Status == SubmissionStatus.Submitted))).FirstOrDefaultAsync(ct);
        return counts ?? new AdminDashboard(0, 0, 0, 0, 0, 0);
    }

    private static async Task<List<SubmissionResponse>> RecentGrades(IQueryable<Submission> submissions, int take, CancellationToken ct) =>
        await submissions.AsNoTracking().Where(s => s.Status == SubmissionStatus.Graded)
            .OrderByDescending(s => s.GradedAt).ThenBy(s => s.Id).Take(take)
            .Select(AssignmentAccess.SubmissionProjection).ToListAsync(ct);
}
