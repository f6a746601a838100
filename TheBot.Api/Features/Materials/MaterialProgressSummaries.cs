using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Features.Enrollments;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Auth;
using TheBot.Api.Platform.Paging;

namespace TheBot.Api.Features.Materials;

/// <summary>
/// Progress on materials per active enrollment: a student sees their own, a parent their children's, a tutor their
/// students', a teacher the students they teach (their own subjects only), an admin everyone's. Counted over the
/// active materials addressed to the student (all of the teacher's students of the subject, or them by name).
/// </summary>
public static class MaterialProgressSummaries
{
    internal static async Task<Ok<PagedResult<MaterialProgressSummary>>> ListAsync(
        [AsParameters] MaterialProgressSummaryQuery query, CurrentUser caller, TheBotDbContext db, CancellationToken ct)
    {
        var enrollments = db.Enrollments.AsNoTracking().Where(e => e.Status == EnrollmentStatus.Active);
        enrollments = caller.Role switch
        {
            UserRole.Admin => enrollments,
            UserRole.Teacher => enrollments.Where(e => e.TeacherId == caller.Id),
            _ => enrollments.Where(e => StudentRelations.VisibleStudentIds(db, caller.Id, caller.Role).Contains(e.StudentId)),
        };
        enrollments = enrollments.FilteredBy(query.StudentId, studentId => e => e.StudentId == studentId)
            .FilteredBy(query.SubjectId, subjectId => e => e.SubjectId == subjectId);

        // Written out per aggregate: EF cannot carry a subquery from one projection into the next (nor through a `let`).
        var rows = enrollments
            .OrderBy(e => e.Student!.FullName).ThenBy(e => e.Subject!.Name).ThenBy(e => e.Id)
            .Select(e => new
            {
                Student = new PersonRef(e.StudentId, e.Student!.FullName, e.Student.Email!),
                Subject = new EnrollmentSubject(e.SubjectId, e.Subject!.Name, e.Subject.Color),
                Teacher = new PersonRef(e.TeacherId, e.Teacher!.FullName, e.Teacher.Email!),
                Materials = db.Materials.Count(m => m.TeacherId == e.TeacherId && m.SubjectId == e.SubjectId && m.Status == MaterialStatus.Active
                    && (m.ForAllStudents || db.MaterialRecipients.Any(r => r.MaterialId == m.Id && r.StudentId == e.StudentId))),
                Opened = db.MaterialProgress.Count(p => p.StudentId == e.StudentId && db.Materials.Any(m => m.Id == p.MaterialId && m.TeacherId == e.TeacherId
                    && m.SubjectId == e.SubjectId && m.Status == MaterialStatus.Active
                    && (m.ForAllStudents || db.MaterialRecipients.Any(r => r.MaterialId == m.Id && r.StudentId == e.StudentId)))),
                Completed = db.MaterialProgress.Count(p => p.CompletedAt != null && p.StudentId == e.StudentId && db.Materials.Any(m => m.Id == p.MaterialId && m.TeacherId == e.TeacherId
                    && m.SubjectId == e.SubjectId && m.Status == MaterialStatus.Active
                    && (m.ForAllStudents || db.MaterialRecipients.Any(r => r.MaterialId == m.Id && r.StudentId == e.StudentId)))),
                Seconds = db.MaterialProgress.Where(p => p.StudentId == e.StudentId && db.Materials.Any(m => m.Id == p.MaterialId && m.TeacherId == e.TeacherId
                    && m.SubjectId == e.SubjectId && m.Status == MaterialStatus.Active
                    && (m.ForAllStudents || db.MaterialRecipients.Any(r => r.MaterialId == m.Id && r.StudentId == e.StudentId))))
                    .Sum(p => (int?)p.SecondsSpent) ?? 0,
            });
        var page = await rows.ToPageAsync(query.Paging, ct);

        return TypedResults.Ok(new PagedResult<MaterialProgressSummary>(
            [.. page.Items.Select(row => new MaterialProgressSummary(
                row.Student, row.Subject, row.Teacher, row.Materials, row.Opened, row.Completed,
                MaterialProgressRules.Percent(row.Completed, row.Materials), row.Seconds))],
            page.Page, page.PageSize, page.TotalCount));
    }
}
