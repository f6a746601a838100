using System.Linq.Expressions;
using TheBot.Api.Data;
using TheBot.Api.Features.Enrollments;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Auth;

namespace TheBot.Api.Features.StudyPlans;

/// <summary>Who sees which plans, who may write one, and the response every endpoint returns.</summary>
public static class StudyPlanAccess
{
    /// <summary>Teachers: the plans they wrote; admins: all; students, parents, tutors: sent plans of a student they may see.</summary>
    public static IQueryable<StudyPlan> Visible(TheBotDbContext db, CurrentUser caller)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(caller);
        var userId = caller.Id;
        return caller.Role switch
        {
            UserRole.Admin => db.StudyPlans,
            UserRole.Teacher => db.StudyPlans.Where(p => p.TeacherId == userId),
            var role => db.StudyPlans.Where(p => p.Status == StudyPlanStatus.Sent
                && StudentRelations.VisibleStudentIds(db, userId, role).Contains(p.StudentId)),
        };
    }

    /// <summary>A teacher plans only for a student enrolled with them (actively) in the subject.</summary>
    public static IQueryable<bool> Teaches(TheBotDbContext db, Guid teacherId, Guid studentId, Guid subjectId)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Enrollments
            .Where(e => e.TeacherId == teacherId && e.StudentId == studentId && e.SubjectId == subjectId && e.Status == EnrollmentStatus.Active)
            .Select(e => true);
    }

    public static readonly Expression<Func<StudyPlan, StudyPlanResponse>> Projection = p => new StudyPlanResponse(
        p.Id,
        new PersonRef(p.StudentId, p.Student!.FullName, p.Student.Email!),
        new EnrollmentSubject(p.SubjectId, p.Subject!.Name, p.Subject.Color),
        new PersonRef(p.TeacherId, p.Teacher!.FullName, p.Teacher.Email!),
        p.WeekStart, p.Status, p.CreatedAt, p.UpdatedAt, p.SentAt, p.EditedAt,
        p.Items.OrderBy(i => i.Position).Select(i => new StudyPlanItemResponse(
            i.Id, i.Position, i.Kind, i.Title, i.Details, i.Url,
            i.FileKey == null ? null : new StudyPlanFile(i.FileName!, i.FileContentType!, i.FileLength!.Value),
            i.DoneAt)).ToList());
}
