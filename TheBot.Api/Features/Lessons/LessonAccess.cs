using System.Linq.Expressions;
using TheBot.Api.Data;
using TheBot.Api.Features.Enrollments;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Auth;

namespace TheBot.Api.Features.Lessons;

/// <summary>Who sees which lessons, and the response they see.</summary>
public static class LessonAccess
{
    /// <summary>Students and teachers: their own; tutors: their students'; parents: their children's; admins: all.</summary>
    public static IQueryable<Lesson> Visible(TheBotDbContext db, CurrentUser caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return Visible(db, caller.Id, caller.Role);
    }

    public static IQueryable<Lesson> Visible(TheBotDbContext db, Guid userId, UserRole role)
    {
        ArgumentNullException.ThrowIfNull(db);
        return role switch
        {
            UserRole.Admin => db.Lessons,
            UserRole.Teacher => db.Lessons.Where(l => l.TeacherId == userId),
            UserRole.Student => db.Lessons.Where(l => l.StudentId == userId),
            _ => db.Lessons.Where(l => StudentRelations.VisibleStudentIds(db, userId, role).Contains(l.StudentId)),
        };
    }

    public static readonly Expression<Func<Lesson, LessonResponse>> Projection = l => new LessonResponse(
        l.Id,
        new EnrollmentSubject(l.SubjectId, l.Subject!.Name, l.Subject.Color),
        new PersonRef(l.TeacherId, l.Teacher!.FullName, l.Teacher.Email!),
        new PersonRef(l.StudentId, l.Student!.FullName, l.Student.Email!),
        l.StartsAt,
        l.EndsAt,
        l.Status,
        l.Topic,
        l.MeetingLink,
        l.CancelReason,
        l.CreatedAt,
        l.UpdatedAt);
}
