using System.Linq.Expressions;
using TheBot.Api.Data;
using TheBot.Api.Features.Enrollments;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Auth;

namespace TheBot.Api.Features.Progress;

/// <summary>Whose progress a caller sees, which weekly reports, and the responses they see.</summary>
public static class ProgressAccess
{
    /// <summary>The students whose progress the caller may see.</summary>
    public static IQueryable<Guid> VisibleStudents(TheBotDbContext db, CurrentUser caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return StudentRelations.VisibleStudentIds(db, caller.Id, caller.Role);
    }

    /// <summary>Teachers: the reports they wrote; tutors: sent reports about their students; admins: all; others: none.</summary>
    public static IQueryable<TeacherReport> VisibleTeacherReports(TheBotDbContext db, CurrentUser caller)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(caller);
        var userId = caller.Id;
        return caller.Role switch
        {
            UserRole.Admin => db.TeacherReports,
            UserRole.Teacher => db.TeacherReports.Where(r => r.TeacherId == userId),
            UserRole.Tutor => db.TeacherReports.Where(r => r.Status != WeeklyReportStatus.Draft
                && db.StudentProfiles.Any(p => p.UserId == r.StudentId && p.TutorId == userId)),
            _ => db.TeacherReports.Where(r => false),
        };
    }

    /// <summary>Tutors: the reports they wrote; parents: sent reports about their children; admins: all; others: none.</summary>
    public static IQueryable<TutorReport> VisibleTutorReports(TheBotDbContext db, CurrentUser caller)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(caller);
        var userId = caller.Id;
        return caller.Role switch
        {
            UserRole.Admin => db.TutorReports,
            UserRole.Tutor => db.TutorReports.Where(r => r.AuthorId == userId),
            UserRole.Parent => db.TutorReports.Where(r => r.Status != WeeklyReportStatus.Draft
                && db.StudentParents.Any(sp => sp.StudentId == r.StudentId && sp.ParentId == userId)),
            _ => db.TutorReports.Where(r => false),
        };
    }

    /// <summary>A teacher reports only on a student they teach the subject now (an active enrollment).</summary>
    public static IQueryable<bool> Teaches(TheBotDbContext db, Guid teacherId, Guid studentId, Guid subjectId)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Enrollments
            .Where(e => e.TeacherId == teacherId && e.StudentId == studentId && e.SubjectId == subjectId && e.Status == EnrollmentStatus.Active)
            .Select(e => true);
    }

    public static readonly Expression<Func<TeacherReport, TeacherReportResponse>> TeacherReportProjection = r => new TeacherReportResponse(
        r.Id,
        new PersonRef(r.TeacherId, r.Teacher!.FullName, r.Teacher.Email!),
        new PersonRef(r.StudentId, r.Student!.FullName, r.Student.Email!),
        new EnrollmentSubject(r.SubjectId, r.Subject!.Name, r.Subject.Color),
        r.WeekStart, r.Summary, r.Progress, r.Concerns, r.Recommendations,
        new WeeklyFigures(r.LessonsAttended, r.LessonsScheduled, r.AverageScore),
        r.FileKey == null ? null : new ReportFile(r.FileName!, r.FileContentType!, r.FileLength!.Value),
        r.Status, r.CreatedAt, r.UpdatedAt, r.SentAt, r.ReadAt);

    public static readonly Expression<Func<TutorReport, TutorReportResponse>> TutorReportProjection = r => new TutorReportResponse(
        r.Id,
        new PersonRef(r.AuthorId, r.Author!.FullName, r.Author.Email!),
        new PersonRef(r.StudentId, r.Student!.FullName, r.Student.Email!),
        r.WeekStart, r.LegacyTitle, r.Summary, r.Recommendations,
        r.Notes.OrderBy(n => n.Position).Select(n => new TutorReportNoteResponse(
            new EnrollmentSubject(n.SubjectId, n.Subject!.Name, n.Subject.Color), n.Text)).ToList(),
        new WeeklyFigures(r.LessonsAttended, r.LessonsScheduled, r.AverageScore),
        r.Status, r.CreatedAt, r.UpdatedAt, r.SentAt, r.ReadAt);
}
