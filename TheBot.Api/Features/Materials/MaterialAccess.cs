using System.Linq.Expressions;
using TheBot.Api.Data;
using TheBot.Api.Features.Enrollments;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Auth;

namespace TheBot.Api.Features.Materials;

/// <summary>Which materials a caller sees, and the response projection.</summary>
public static class MaterialAccess
{
    /// <summary>Teachers: own; admins: all; others: active materials addressed to a visible student with an active enrollment.</summary>
    public static IQueryable<Material> Visible(TheBotDbContext db, Guid userId, UserRole role)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (role == UserRole.Admin)
        {
            return db.Materials;
        }

        if (role == UserRole.Teacher)
        {
            return db.Materials.Where(m => m.TeacherId == userId);
        }

        var students = StudentRelations.VisibleStudentIds(db, userId, role);
        return db.Materials.Where(m => m.Status == MaterialStatus.Active && db.Enrollments.Any(e =>
            e.TeacherId == m.TeacherId && e.SubjectId == m.SubjectId && e.Status == EnrollmentStatus.Active && students.Contains(e.StudentId)
            && (m.ForAllStudents || db.MaterialRecipients.Any(r => r.MaterialId == m.Id && r.StudentId == e.StudentId))));
    }

    /// <summary>The response every endpoint returns for a material.</summary>
    public static readonly Expression<Func<Material, MaterialResponse>> Projection = m => new MaterialResponse(
        m.Id,
        new EnrollmentSubject(m.SubjectId, m.Subject!.Name, m.Subject.Color),
        new PersonRef(m.TeacherId, m.Teacher!.FullName, m.Teacher.Email!),
        m.Title, m.Description, m.Kind, m.Status, m.Difficulty, m.VideoUrl, m.ForAllStudents,
        m.FileKey == null ? null : new MaterialFile(m.FileName!, m.FileContentType!, m.FileLength!.Value),
        m.CreatedAt);
}
