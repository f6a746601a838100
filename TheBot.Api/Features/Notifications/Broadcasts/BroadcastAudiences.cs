using TheBot.Api.Data;
using TheBot.Api.Features.Enrollments;
using TheBot.Api.Platform.Auth;

namespace TheBot.Api.Features.Notifications.Broadcasts;

/// <summary>Who a broadcast goes to: always active accounts only, worked out when it is fanned out (not when it is written).</summary>
public static class BroadcastAudiences
{
    /// <summary>Every active user.</summary>
    public const string Everyone = "everyone";

    /// <summary>Active users of one role.</summary>
    public const string Role = "role";

    /// <summary>The students and teachers of a subject's active enrollments.</summary>
    public const string Subject = "subject";

    /// <summary>A tutor's students (their student profile names the tutor), optionally with their parents.</summary>
    public const string Tutor = "tutor";

    /// <summary>The students of a teacher's active enrollments (any subject).</summary>
    public const string Teacher = "teacher";

    /// <summary>A hand-picked list of people.</summary>
    public const string Users = "users";

    /// <summary>At most this many hand-picked people.</summary>
    public const int MaxUsers = 1000;

    /// <summary>The ids of the broadcast's audience.</summary>
    public static IQueryable<Guid> Of(TheBotDbContext db, Broadcast broadcast)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(broadcast);

        var users = db.Users.Where(u => u.IsActive);
        users = broadcast.AudienceKind switch
        {
            Role when UserRoleNames.TryParse(broadcast.Role, out var role) => users.Where(u => u.Role == role),
            Subject => users.Where(u =>
                db.Enrollments.Any(e => e.SubjectId == broadcast.SubjectId && e.Status == EnrollmentStatus.Active && (e.StudentId == u.Id || e.TeacherId == u.Id))),
            Tutor when broadcast.IncludeParents => users.Where(u =>
                db.StudentProfiles.Any(p => p.TutorId == broadcast.TutorId && p.UserId == u.Id)
                || db.StudentParents.Any(sp => sp.ParentId == u.Id && db.StudentProfiles.Any(p => p.TutorId == broadcast.TutorId && p.UserId == sp.StudentId))),
            Tutor => users.Where(u => db.StudentProfiles.Any(p => p.TutorId == broadcast.TutorId && p.UserId == u.Id)),
            Teacher => users.Where(u =>
                u.Role == UserRole.Student && db.Enrollments.Any(e => e.TeacherId == broadcast.TeacherId && e.Status == EnrollmentStatus.Active && e.StudentId == u.Id)),
            Users => users.Where(u => broadcast.UserIds!.Contains(u.Id)),
            Everyone => users,
            _ => users.Where(_ => false),
        };
        return users.Select(u => u.Id);
    }
}
