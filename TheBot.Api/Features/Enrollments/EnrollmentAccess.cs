using System.Linq.Expressions;
using TheBot.Api.Data;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Auth;

namespace TheBot.Api.Features.Enrollments;

/// <summary>Which enrollments a caller sees, and the response they see.</summary>
public static class EnrollmentAccess
{
    /// <summary>Teachers: their own; students, parents and tutors: those of the students they may see; admins: all.</summary>
    public static IQueryable<Enrollment> Visible(TheBotDbContext db, CurrentUser caller)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(caller);

        var (userId, role) = (caller.Id, caller.Role);
        return role switch
        {
            UserRole.Admin => db.Enrollments,
            UserRole.Teacher => db.Enrollments.Where(e => e.TeacherId == userId),
            _ => db.Enrollments.Where(e => StudentRelations.VisibleStudentIds(db, userId, role).Contains(e.StudentId)),
        };
    }

    /// <summary>The response every enrollment endpoint returns.</summary>
    public static readonly Expression<Func<Enrollment, EnrollmentResponse>> Projection = e => new EnrollmentResponse(
        e.Id,
        new PersonRef(e.StudentId, e.Student!.FullName, e.Student.Email!),
        new EnrollmentSubject(e.SubjectId, e.Subject!.Name, e.Subject.Color),
        new PersonRef(e.TeacherId, e.Teacher!.FullName, e.Teacher.Email!),
        e.Status,
        e.CreatedAt,
        e.EndedAt);
}
