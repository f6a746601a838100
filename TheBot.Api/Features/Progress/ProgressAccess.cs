using System.Linq.Expressions;
using TheBot.Api.Data;
using TheBot.Api.Features.Enrollments;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Auth;

namespace TheBot.Api.Features.Progress;

/// <summary>Whose progress a caller sees, which reports, and the response they see.</summary>
public static class ProgressAccess
{
    /// <summary>The students whose progress the caller may see.</summary>
    public static IQueryable<Guid> VisibleStudents(TheBotDbContext db, CurrentUser caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return StudentRelations.VisibleStudentIds(db, caller.Id, caller.Role);
    }

    /// <summary>Authors (teachers, tutors): their own reports; students and parents: sent reports about students they may see; admins: all.</summary>
    public static IQueryable<ProgressReport> VisibleReports(TheBotDbContext db, CurrentUser caller)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(caller);

        var userId = caller.Id;
        return caller.Role switch
        {
            UserRole.Admin => db.ProgressReports,
            UserRole.Teacher or UserRole.Tutor => db.ProgressReports.Where(r => r.AuthorId == userId),
            var role => db.ProgressReports.Where(r => r.Status != ProgressReportStatus.Draft
                && StudentRelations.VisibleStudentIds(db, userId, role).Contains(r.StudentId)),
        };
    }

    /// <summary>The response every report endpoint returns.</summary>
    public static readonly Expression<Func<ProgressReport, ProgressReportResponse>> Projection = r => new ProgressReportResponse(
        r.Id,
        new PersonRef(r.AuthorId, r.Author!.FullName, r.Author.Email!),
        new PersonRef(r.StudentId, r.Student!.FullName, r.Student.Email!),
        r.Title, r.Body, r.Status, r.CreatedAt, r.SentAt, r.ReadAt);
}
