using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using TheBot.Api.Data;
using TheBot.Api.Features.Assignments;
using TheBot.Api.Features.Enrollments;
using TheBot.Api.Features.Invoices;
using TheBot.Api.Features.Lessons;
using TheBot.Api.Features.Users;

namespace TheBot.Api.Features.Audit;

/// <summary>
/// The tracked entities whose changes by staff are recorded automatically when saved (see
/// <see cref="AuditSaveChangesInterceptor"/>): people, enrollments, invoices, grades and lessons. A feature adds
/// its own entity here with one more <see cref="AuditedEntity"/>.
/// </summary>
public static class AuditedEntities
{
    public const string User = "user";
    public const string Enrollment = "enrollment";
    public const string Invoice = "invoice";
    public const string Submission = "submission";
    public const string Lesson = "lesson";

    private static readonly HashSet<string> UserInternals =
    [
        nameof(Users.User.Id), nameof(Users.User.SecurityStamp), nameof(Users.User.ConcurrencyStamp), nameof(Users.User.NormalizedEmail),
        nameof(Users.User.NormalizedUserName), nameof(Users.User.AccessFailedCount), nameof(Users.User.LockoutEnd),
        nameof(Users.User.LockoutEnabled), nameof(Users.User.AvatarKey), nameof(Users.User.AvatarContentType), nameof(Users.User.CreatedAt),
    ];

    public static IReadOnlyList<AuditedEntity> All { get; } =
    [
        new()
        {
            ClrType = typeof(User),
            EntityType = User,
            Id = e => ((User)e.Entity).Id,
            Label = (e, _, _) => Task.FromResult(UserLabel((User)e.Entity)),
            Action = UserAction,
            Ignored = UserInternals,
            Secrets = new HashSet<string> { nameof(Users.User.PasswordHash) },
        },
        Profile<StudentProfile>("studentProfile.", p => p.UserId),
        Profile<TeacherProfile>("teacherProfile.", p => p.UserId),
        Profile<TutorProfile>("tutorProfile.", p => p.UserId),
        new()
        {
            ClrType = typeof(Enrollment),
            EntityType = Enrollment,
            Id = e => ((Enrollment)e.Entity).Id,
            Label = EnrollmentLabelAsync,
            Action = (e, _, changes) => Standard<EnrollmentStatus>(e, changes, nameof(Enrollments.Enrollment.Status), _ => "change-status"),
            Ignored = new HashSet<string> { nameof(Enrollments.Enrollment.Id), nameof(Enrollments.Enrollment.CreatedAt), nameof(Enrollments.Enrollment.CreatedById) },
        },
        new()
        {
            ClrType = typeof(Invoice),
            EntityType = Invoice,
            Id = e => ((Invoice)e.Entity).Id,
            Label = (e, _, _) => Task.FromResult(InvoiceLabel((Invoice)e.Entity)),
            Action = (e, _, changes) => Standard<InvoiceStatus>(e, changes, nameof(Invoices.Invoice.Status), to => to switch
            {
                InvoiceStatus.Sent => "send",
                InvoiceStatus.Cancelled => "cancel",
                _ => "change-status",
            }),
            Ignored = new HashSet<string> { nameof(Invoices.Invoice.Id), nameof(Invoices.Invoice.CreatedAt), nameof(Invoices.Invoice.Number) },
        },
        new()
        {
            ClrType = typeof(Submission),
            EntityType = Submission,
            Id = e => ((Submission)e.Entity).Id,
            Label = SubmissionLabelAsync,
            Action = (e, _, changes) => e.State == EntityState.Modified && changes.Count > 0
                ? ((Submission)e.Entity).Status == SubmissionStatus.Returned ? "return" : "grade"
                : null,
            Only = new HashSet<string>
            {
                nameof(Assignments.Submission.Score), nameof(Assignments.Submission.FinalScore),
                nameof(Assignments.Submission.Feedback), nameof(Assignments.Submission.Status),
            },
        },
        new()
        {
            ClrType = typeof(Lesson),
            EntityType = Lesson,
            Id = e => ((Lesson)e.Entity).Id,
            Label = LessonLabelAsync,
            Action = LessonAction,
            Ignored = new HashSet<string>
            {
                nameof(Lessons.Lesson.Id), nameof(Lessons.Lesson.CreatedAt), nameof(Lessons.Lesson.CreatedById),
                nameof(Lessons.Lesson.UpdatedAt), nameof(Lessons.Lesson.Version),
            },
        },
    ];

    private static readonly Dictionary<Type, AuditedEntity> ByType = All.ToDictionary(a => a.ClrType);

    public static AuditedEntity? For(Type clrType) => ByType.GetValueOrDefault(clrType);

    /// <summary>create / delete, or the status's own action when the status changed, else update.</summary>
    private static string? Standard<TStatus>(EntityEntry entry, IReadOnlyList<AuditFieldChange> changes, string statusProperty, Func<TStatus, string> statusAction)
        => entry.State switch
        {
            EntityState.Added => "create",
            EntityState.Deleted => "delete",
            _ when changes.Count == 0 => null,
            _ when changes.Any(c => c.Field == AuditFieldChange.FieldName(statusProperty)) => statusAction((TStatus)entry.CurrentValues[statusProperty]!),
            _ => "update",
        };

    private static string? UserAction(EntityEntry entry, AuditActor actor, IReadOnlyList<AuditFieldChange> changes)
    {
        if (entry.State is EntityState.Added or EntityState.Deleted)
        {
            return entry.State == EntityState.Added ? "create" : "delete";
        }

        var user = (User)entry.Entity;
        bool Changed(string property) => changes.Any(c => c.Field == AuditFieldChange.FieldName(property));
        if (changes.Count == 0 || (Changed(nameof(Users.User.PasswordHash)) && user.PasswordHash is null && changes.Count == 1))
        {
            // Nothing that counts, or the first half of a password reset (the removal): the new password is the change.
            return null;
        }

        return Changed(nameof(Users.User.IsActive)) ? (user.IsActive ? "reactivate" : "deactivate")
            : Changed(nameof(Users.User.Role)) ? "change-role"
            : Changed(nameof(Users.User.PasswordHash)) ? (actor.Id == user.Id ? "change-password" : "reset-password")
            : "update";
    }

    private static string? LessonAction(EntityEntry entry, AuditActor actor, IReadOnlyList<AuditFieldChange> changes)
    {
        var lesson = (Lesson)entry.Entity;
        bool Changed(string property) => changes.Any(c => c.Field == AuditFieldChange.FieldName(property));
        return entry.State switch
        {
            EntityState.Added => "create",
            EntityState.Deleted => "delete",
            _ when changes.Count == 0 => null,
            _ when Changed(nameof(Lessons.Lesson.Status)) && lesson.Status == LessonStatus.Cancelled => "cancel",
            _ when Changed(nameof(Lessons.Lesson.StartsAt)) || Changed(nameof(Lessons.Lesson.EndsAt)) => "reschedule",
            _ when Changed(nameof(Lessons.Lesson.Status)) => "change-status",
            _ => "update",
        };
    }

    private static AuditedEntity Profile<TProfile>(string prefix, Func<TProfile, Guid> userId) where TProfile : class => new()
    {
        ClrType = typeof(TProfile),
        EntityType = User,
        Id = e => userId((TProfile)e.Entity),
        Label = async (e, db, ct) =>
        {
            var id = userId((TProfile)e.Entity);
            var tracked = e.Context.ChangeTracker.Entries<User>().FirstOrDefault(u => u.Entity.Id == id)?.Entity;
            if (tracked is not null)
            {
                return UserLabel(tracked);
            }

            return db is null ? id.ToString() : await db.Users.AsNoTracking().Where(u => u.Id == id)
                .Select(u => u.FullName + " (" + u.Email + ")").FirstOrDefaultAsync(ct) ?? id.ToString();
        },
        Action = (e, _, changes) => e.State switch
        {
            EntityState.Modified when changes.Count == 0 => null,
            EntityState.Added => "update",
            EntityState.Deleted => "update",
            _ => "update",
        },
        Ignored = new HashSet<string> { "UserId" },
        FieldPrefix = prefix,
    };

    private static string UserLabel(User user) => user.Email is { Length: > 0 } email ? $"{user.FullName} ({email})" : user.FullName;

    private static string InvoiceLabel(Invoice invoice) =>
        string.Create(CultureInfo.InvariantCulture, $"{invoice.Description} · {invoice.Amount:0.00} {invoice.Currency}");

    private static async Task<string> EnrollmentLabelAsync(EntityEntry entry, TheBotDbContext? db, CancellationToken ct)
    {
        var enrollment = (Enrollment)entry.Entity;
        var names = db is null ? null : await NamesAsync(db, enrollment.StudentId, enrollment.SubjectId, ct);
        return names ?? $"{enrollment.StudentId} · {enrollment.SubjectId}";
    }

    private static async Task<string> LessonLabelAsync(EntityEntry entry, TheBotDbContext? db, CancellationToken ct)
    {
        var lesson = (Lesson)entry.Entity;
        var when = lesson.StartsAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        var names = db is null ? null : await NamesAsync(db, lesson.StudentId, lesson.SubjectId, ct);
        return $"{names ?? lesson.SubjectId.ToString()} · {when}";
    }

    private static async Task<string> SubmissionLabelAsync(EntityEntry entry, TheBotDbContext? db, CancellationToken ct)
    {
        var submission = (Submission)entry.Entity;
        var found = db is null ? null : await db.Submissions.AsNoTracking().Where(s => s.Id == submission.Id)
            .Select(s => s.Assignment!.Title + " · " + s.Student!.FullName).FirstOrDefaultAsync(ct);
        return string.Create(CultureInfo.InvariantCulture, $"{found ?? submission.AssignmentId.ToString()} · attempt {submission.Attempt}");
    }

    private static async Task<string?> NamesAsync(TheBotDbContext db, Guid studentId, Guid subjectId, CancellationToken ct)
    {
        var student = await db.Users.AsNoTracking().Where(u => u.Id == studentId).Select(u => u.FullName).FirstOrDefaultAsync(ct);
        var subject = await db.Subjects.AsNoTracking().Where(s => s.Id == subjectId).Select(s => s.Name).FirstOrDefaultAsync(ct);
        return student is null && subject is null ? null : $"{student ?? studentId.ToString()} · {subject ?? subjectId.ToString()}";
    }
}
