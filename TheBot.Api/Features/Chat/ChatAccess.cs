using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Features.Enrollments;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Auth;
using TheBot.Realtime.Contracts;

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
/// Chat's access: the one place that decides who may start a chat with whom (domain.md): an admin with anyone;
/// student ↔ teacher only with an active enrollment; student ↔ tutor only with the assigned tutor;
/// teacher/tutor ↔ parent only if they share a child; teacher ↔ tutor only if they share a student;
/// never two users of the same role (admins excepted: "an admin with anyone"), never student ↔ parent.
/// Inactive people cannot be chatted with.
/// </summary>
public static class ChatAccess
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
    public static Task<bool> CanStartDirectAsync(TheBotDbContext db, Guid callerId, UserRole callerRole, Guid otherId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return callerId == otherId
            ? Task.FromResult(false)
            : db.Users.Where(u => u.Id == otherId).AnyAsync(MayChatWith(db, callerId, callerRole), ct);
    }

    /// <summary>
    /// The people <paramref name="callerId"/> may chat with now, as a predicate on the other user that the
    /// database evaluates (the rules of <see cref="RuleFor"/>, relationships as they stand: active
    /// enrollments, the current tutor, accepted parent links). Used when a direct room is started and on
    /// every post to and read of one, so a room outlives its relationship only as closed history.
    /// </summary>
    public static Expression<Func<User, bool>> MayChatWith(TheBotDbContext db, Guid callerId, UserRole callerRole)
    {
        ArgumentNullException.ThrowIfNull(db);
        const EnrollmentStatus Active = EnrollmentStatus.Active;
        return callerRole switch
        {
            UserRole.Admin => u => u.IsActive && u.Id != callerId,
            UserRole.Student => u => u.IsActive && u.Id != callerId && (u.Role == UserRole.Admin
                || (u.Role == UserRole.Teacher && db.Enrollments.Any(e => e.StudentId == callerId && e.TeacherId == u.Id && e.Status == Active))
                || (u.Role == UserRole.Tutor && db.StudentProfiles.Any(p => p.UserId == callerId && p.TutorId == u.Id))),
            UserRole.Teacher => u => u.IsActive && u.Id != callerId && (u.Role == UserRole.Admin
                || (u.Role == UserRole.Student && db.Enrollments.Any(e => e.StudentId == u.Id && e.TeacherId == callerId && e.Status == Active))
                || (u.Role == UserRole.Tutor && db.StudentProfiles.Any(p => p.TutorId == u.Id
                    && db.Enrollments.Any(e => e.StudentId == p.UserId && e.TeacherId == callerId && e.Status == Active)))
                || (u.Role == UserRole.Parent && db.StudentParents.Any(sp => sp.ParentId == u.Id
                    && db.Enrollments.Any(e => e.StudentId == sp.StudentId && e.TeacherId == callerId && e.Status == Active)))),
            UserRole.Tutor => u => u.IsActive && u.Id != callerId && (u.Role == UserRole.Admin
                || (u.Role == UserRole.Student && db.StudentProfiles.Any(p => p.UserId == u.Id && p.TutorId == callerId))
                || (u.Role == UserRole.Teacher && db.StudentProfiles.Any(p => p.TutorId == callerId
                    && db.Enrollments.Any(e => e.StudentId == p.UserId && e.TeacherId == u.Id && e.Status == Active)))
                || (u.Role == UserRole.Parent && db.StudentParents.Any(sp => sp.ParentId == u.Id
                    && db.StudentProfiles.Any(p => p.UserId == sp.StudentId && p.TutorId == callerId)))),
            UserRole.Parent => u => u.IsActive && u.Id != callerId && (u.Role == UserRole.Admin
                || (u.Role == UserRole.Teacher && db.StudentParents.Any(sp => sp.ParentId == callerId
                    && db.Enrollments.Any(e => e.StudentId == sp.StudentId && e.TeacherId == u.Id && e.Status == Active)))
                || (u.Role == UserRole.Tutor && db.StudentParents.Any(sp => sp.ParentId == callerId
                    && db.StudentProfiles.Any(p => p.UserId == sp.StudentId && p.TutorId == u.Id)))),
            _ => u => false,
        };
    }

    private static UserRole Min(UserRole a, UserRole b) => a <= b ? a : b;

    private static UserRole Max(UserRole a, UserRole b) => a <= b ? b : a;

    /// <summary>A message as every endpoint and event shows it: a deleted one keeps its place without its text or file.</summary>
    public static readonly Expression<Func<ChatMessage, ChatMessagePayload>> MessagePayload = m => new ChatMessagePayload(
        m.Id,
        m.RoomId,
        new ChatAuthor(m.AuthorId, m.Author!.FullName, UserRoleNames.ToName(m.Author.Role)),
        m.DeletedAt == null ? m.Text : "",
        m.ClientMessageId,
        m.CreatedAt,
        m.EditedAt,
        m.EditedAt != null,
        m.DeletedAt != null,
        m.AttachmentKey == null || m.DeletedAt != null
            ? null
            : new ChatAttachment(m.AttachmentName!, m.AttachmentContentType!, m.AttachmentSize!.Value, "/api/chat/rooms/" + m.RoomId + "/messages/" + m.Id + "/attachment"));
}
