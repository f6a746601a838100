using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Features.Enrollments;
using TheBot.Api.Features.Users;

namespace TheBot.Api.Features.Chat;

/// <summary>What must hold between two people, by their roles, for one to start a chat with the other.</summary>
public enum ChatRelationRule
{
    /// <summary>Never (two people of the same role, a student and a parent).</summary>
    Never,

    /// <summary>Always (an admin with anyone).</summary>
    Always,

    /// <summary>Student ↔ teacher: an active enrollment of the student with the teacher.</summary>
    ActiveEnrollment,

    /// <summary>Student ↔ tutor: the tutor is the student's assigned tutor.</summary>
    AssignedTutor,

    /// <summary>Teacher or tutor ↔ parent: they share a child (the teacher teaches it actively; the tutor manages it).</summary>
    SharedChild,

    /// <summary>Teacher ↔ tutor: they share a student (the tutor's student actively enrolled with the teacher).</summary>
    SharedStudent,
}

/// <summary>
/// The one place that decides who may start a chat with whom (domain.md): an admin with anyone;
/// student ↔ teacher only with an active enrollment; student ↔ tutor only with the assigned tutor;
/// teacher/tutor ↔ parent only if they share a child; teacher ↔ tutor only if they share a student;
/// never two users of the same role (admins excepted: "an admin with anyone"), never student ↔ parent.
/// Inactive people cannot be chatted with.
/// </summary>
public static class ChatPermissions
{
    /// <summary>The rule for a pair of roles; symmetric.</summary>
    public static ChatRelationRule RuleFor(UserRole a, UserRole b)
    {
        if (a == UserRole.Admin || b == UserRole.Admin)
        {
            return ChatRelationRule.Always;
        }

        if (a == b)
        {
            return ChatRelationRule.Never;
        }

        return (Min(a, b), Max(a, b)) switch
        {
            (UserRole.Student, UserRole.Teacher) => ChatRelationRule.ActiveEnrollment,
            (UserRole.Student, UserRole.Tutor) => ChatRelationRule.AssignedTutor,
            (UserRole.Student, UserRole.Parent) => ChatRelationRule.Never,
            (UserRole.Teacher, UserRole.Tutor) => ChatRelationRule.SharedStudent,
            (UserRole.Teacher, UserRole.Parent) => ChatRelationRule.SharedChild,
            (UserRole.Tutor, UserRole.Parent) => ChatRelationRule.SharedChild,
            _ => ChatRelationRule.Never,
        };
    }

    /// <summary>Whether <paramref name="callerId"/> may start (or reopen) a direct chat with <paramref name="otherId"/>.</summary>
    public static async Task<bool> CanStartDirectAsync(TheBotDbContext db, Guid callerId, UserRole callerRole, Guid otherId, UserRole otherRole, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (callerId == otherId)
        {
            return false;
        }

        var rule = RuleFor(callerRole, otherRole);
        var (first, firstRole, second) = callerRole <= otherRole ? (callerId, callerRole, otherId) : (otherId, otherRole, callerId);
        return rule switch
        {
            ChatRelationRule.Always => true,
            ChatRelationRule.ActiveEnrollment => await HaveActiveEnrollmentAsync(db, studentId: first, teacherId: second, ct),
            ChatRelationRule.AssignedTutor => await StudentRelations.IsTutorOf(db, second, first).AnyAsync(x => x, ct),
            ChatRelationRule.SharedStudent => await db.Enrollments.AnyAsync(
                e => e.TeacherId == first && e.Status == EnrollmentStatus.Active
                     && db.StudentProfiles.Any(p => p.UserId == e.StudentId && p.TutorId == second), ct),
            ChatRelationRule.SharedChild when firstRole == UserRole.Teacher => await db.Enrollments.AnyAsync(
                e => e.TeacherId == first && e.Status == EnrollmentStatus.Active
                     && db.StudentParents.Any(sp => sp.StudentId == e.StudentId && sp.ParentId == second), ct),
            ChatRelationRule.SharedChild => await db.StudentParents.AnyAsync(
                sp => sp.ParentId == second && db.StudentProfiles.Any(p => p.UserId == sp.StudentId && p.TutorId == first), ct),
            _ => false,
        };
    }

    private static Task<bool> HaveActiveEnrollmentAsync(TheBotDbContext db, Guid studentId, Guid teacherId, CancellationToken ct) =>
        db.Enrollments.AnyAsync(e => e.StudentId == studentId && e.TeacherId == teacherId && e.Status == EnrollmentStatus.Active, ct);

    private static UserRole Min(UserRole a, UserRole b) => a <= b ? a : b;

    private static UserRole Max(UserRole a, UserRole b) => a <= b ? b : a;
}
