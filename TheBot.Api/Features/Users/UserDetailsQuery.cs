using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Platform.Auth;

namespace TheBot.Api.Features.Users;

/// <summary>A user with their role profile, parents and children, in three round trips at most.</summary>
public static class UserDetailsQuery
{
    public static async Task<AdminUserDetails?> LoadAsync(TheBotDbContext db, Guid id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);

        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == id)
            .Select(u => new
            {
                u.Id, u.Email, u.FullName, u.Role, u.PhoneNumber, u.TimeZone, u.Language, u.IsActive, u.CreatedAt,
                Student = u.StudentProfile == null ? null : new
                {
                    u.StudentProfile.Grade,
                    u.StudentProfile.Goal,
                    Tutor = u.StudentProfile.Tutor == null ? null : new PersonRef(u.StudentProfile.Tutor.Id, u.StudentProfile.Tutor.FullName, u.StudentProfile.Tutor.Email!),
                    Parents = u.StudentProfile.Parents.Select(p => new PersonRef(p.ParentId, p.Parent!.FullName, p.Parent.Email!)).ToList(),
                },
                Bio = u.TeacherProfile != null ? u.TeacherProfile.Bio : u.TutorProfile != null ? u.TutorProfile.Bio : null,
            })
            .FirstOrDefaultAsync(ct);
        if (user is null)
        {
            return null;
        }

        var children = user.Role == UserRole.Parent
            ? await db.StudentParents.AsNoTracking()
                .Where(sp => sp.ParentId == id)
                .Join(db.Users, sp => sp.StudentId, s => s.Id, (sp, s) => new PersonRef(s.Id, s.FullName, s.Email!))
                .ToListAsync(ct)
            : [];

        return new AdminUserDetails(
            user.Id, user.Email!, user.FullName, user.Role, user.PhoneNumber, user.TimeZone, user.Language, user.IsActive, user.CreatedAt,
            user.Student is null ? null : new StudentDetails(user.Student.Grade, user.Student.Goal, user.Student.Tutor, user.Student.Parents),
            children,
            user.Bio);
    }
}
