using System.Linq.Expressions;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Features.Enrollments;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Auth;
using TheBot.Api.Platform.Realtime;
using TheBot.Api.Platform.Validation;
using TheBot.Realtime.Contracts;

namespace TheBot.Api.Features.Lessons;

/// <summary>Who sees which lessons, the response projection and the live event, in one place.</summary>
public static class LessonAccess
{
    /// <summary>Students and teachers: their own; tutors: their students'; parents: their children's; admins: all.</summary>
    public static IQueryable<Lesson> Visible(TheBotDbContext db, ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(db);
        var userId = principal.GetUserId();
        var role = principal.GetRole();
        return Visible(db, userId, role);
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

    /// <summary>The teacher, the student, the student's tutor and parents.</summary>
    public static async Task<Guid[]> AudienceAsync(TheBotDbContext db, Guid teacherId, Guid studentId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var related = await db.StudentParents.Where(sp => sp.StudentId == studentId).Select(sp => (Guid?)sp.ParentId)
            .Concat(db.StudentProfiles.Where(p => p.UserId == studentId).Select(p => p.TutorId))
            .ToListAsync(ct);
        return [teacherId, studentId, .. related.OfType<Guid>().Distinct()];
    }

    public static async Task PublishAsync(TheBotDbContext db, IRealtimePublisher realtime, Lesson lesson, string change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(realtime);
        ArgumentNullException.ThrowIfNull(lesson);
        var audience = await AudienceAsync(db, lesson.TeacherId, lesson.StudentId, ct);
        await realtime.PublishAsync(LearningEventNames.LessonChanged, RealtimeAudience.ToUsers(audience),
            new LessonChangedEvent(lesson.Id, lesson.TeacherId, lesson.StudentId, lesson.SubjectId, lesson.StartsAt, lesson.EndsAt,
                WireName.Of(lesson.Status), change), ct);
    }
}
