using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Auth;

namespace TheBot.Api.Features.Enrollments;

/// <summary>
/// Whose learning a caller may see, as composable queries: a student their own, a parent their
/// children's (confirmed links only), a tutor their students', a teacher the students they teach now
/// (an active enrollment), an admin everyone's.
/// Features scope their lists with these so that the rule lives in one place.
/// </summary>
public static class StudentRelations
{
    /// <summary>Ids of the students the caller may see.</summary>
    public static IQueryable<Guid> VisibleStudentIds(TheBotDbContext db, Guid userId, UserRole role)
    {
        ArgumentNullException.ThrowIfNull(db);

        return role switch
        {
            UserRole.Student => db.Users.Where(u => u.Id == userId).Select(u => u.Id),
            UserRole.Parent => db.StudentParents.Where(sp => sp.ParentId == userId).Select(sp => sp.StudentId),
            UserRole.Tutor => db.StudentProfiles.Where(p => p.TutorId == userId).Select(p => p.UserId),
            UserRole.Teacher => db.Enrollments.Where(e => e.TeacherId == userId && e.Status == EnrollmentStatus.Active).Select(e => e.StudentId).Distinct(),
            _ => db.Users.Where(u => u.Role == UserRole.Student).Select(u => u.Id),
        };
    }

    /// <summary>Whether <paramref name="tutorId"/> is the student's assigned tutor.</summary>
    public static IQueryable<bool> IsTutorOf(TheBotDbContext db, Guid tutorId, Guid studentId)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.StudentProfiles.Where(p => p.UserId == studentId).Select(p => p.TutorId == tutorId);
    }

    /// <summary>The people who look after a student's learning and hear of its changes: their tutor and parents.</summary>
    public static async Task<Guid[]> GuardiansAsync(TheBotDbContext db, Guid studentId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var related = await db.StudentParents.Where(sp => sp.StudentId == studentId).Select(sp => (Guid?)sp.ParentId)
            .Concat(db.StudentProfiles.Where(p => p.UserId == studentId).Select(p => p.TutorId))
            .ToListAsync(ct);
        return [.. related.OfType<Guid>().Distinct()];
    }
}
