using System.Linq.Expressions;
using TheBot.Api.Data;
using TheBot.Api.Features.Enrollments;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Auth;

namespace TheBot.Api.Features.Assignments;

/// <summary>Who sees which assignments and submissions, and the responses they see.</summary>
public static class AssignmentAccess
{
    public static IQueryable<Assignment> Visible(TheBotDbContext db, CurrentUser caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return Visible(db, caller.Id, caller.Role);
    }

    /// <summary>Teachers: own; admins: all; others: non-draft assignments of a visible student's active enrollment.</summary>
    public static IQueryable<Assignment> Visible(TheBotDbContext db, Guid userId, UserRole role)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (role == UserRole.Admin)
        {
            return db.Assignments;
        }

        if (role == UserRole.Teacher)
        {
            return db.Assignments.Where(a => a.TeacherId == userId);
        }

        var students = StudentRelations.VisibleStudentIds(db, userId, role);
        return db.Assignments.Where(a => a.Status != AssignmentStatus.Draft && db.Enrollments.Any(e =>
            e.TeacherId == a.TeacherId && e.SubjectId == a.SubjectId && e.Status == EnrollmentStatus.Active && students.Contains(e.StudentId)));
    }

    /// <summary>Students: own; parents and tutors: their students'; teachers: to their assignments; admins: all.</summary>
    public static IQueryable<Submission> VisibleSubmissions(TheBotDbContext db, Guid userId, UserRole role)
    {
        ArgumentNullException.ThrowIfNull(db);
        return role switch
        {
            UserRole.Admin => db.Submissions,
            UserRole.Teacher => db.Submissions.Where(s => s.Assignment!.TeacherId == userId),
            UserRole.Student => db.Submissions.Where(s => s.StudentId == userId),
            _ => db.Submissions.Where(s => StudentRelations.VisibleStudentIds(db, userId, role).Contains(s.StudentId)),
        };
    }

    public static IQueryable<Submission> VisibleSubmissions(TheBotDbContext db, CurrentUser caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return VisibleSubmissions(db, caller.Id, caller.Role);
    }

    public static readonly Expression<Func<Assignment, AssignmentResponse>> Projection = a => new AssignmentResponse(
        a.Id,
        new EnrollmentSubject(a.SubjectId, a.Subject!.Name, a.Subject.Color),
        new PersonRef(a.TeacherId, a.Teacher!.FullName, a.Teacher.Email!),
        a.Title, a.Description, a.Kind, a.Status, a.DueAt, a.MaxScore, a.LatePenaltyPercent, a.MaxAttempts, a.Rubric, a.CreatedAt, a.PublishedAt);

    public static readonly Expression<Func<Submission, SubmissionResponse>> SubmissionProjection = s => new SubmissionResponse(
        s.Id,
        s.AssignmentId,
        s.Assignment!.Title,
        new EnrollmentSubject(s.Assignment.SubjectId, s.Assignment.Subject!.Name, s.Assignment.Subject.Color),
        new PersonRef(s.StudentId, s.Student!.FullName, s.Student.Email!),
        s.Attempt, s.Text, s.SubmittedAt, s.IsLate, s.PenaltyPercent, s.Status, s.Score, s.FinalScore, s.Assignment.MaxScore, s.Feedback, s.GradedAt,
        s.Files.OrderBy(f => f.Position).Select(f => new SubmissionFileResponse(f.Id, f.FileName, f.ContentType, f.Length)).ToList());
}
