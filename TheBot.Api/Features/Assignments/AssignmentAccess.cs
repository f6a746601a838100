using System.Linq.Expressions;
using TheBot.Api.Data;
using TheBot.Api.Features.Enrollments;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Auth;

namespace TheBot.Api.Features.Assignments;

/// <summary>Who sees which assignments and submissions, and the responses they see.</summary>
public static class AssignmentAccess
{
    public static IQueryable<Assignment> Visible(TheBotDbContext db, CurrentUser caller, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return Visible(db, caller.Id, caller.Role, now);
    }

    /// <summary>
    /// Teachers: own; admins: all; others: non-draft assignments that have started, of a visible student's active
    /// enrollment, set for the whole subject or for that student.
    /// </summary>
    public static IQueryable<Assignment> Visible(TheBotDbContext db, Guid userId, UserRole role, DateTimeOffset now)
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
        return db.Assignments.Where(a => a.Status != AssignmentStatus.Draft && (a.StartsAt == null || a.StartsAt <= now) && db.Enrollments.Any(e =>
            e.TeacherId == a.TeacherId && e.SubjectId == a.SubjectId && e.Status == EnrollmentStatus.Active && students.Contains(e.StudentId)
            && (a.ForAllStudents || a.Recipients.Any(r => r.StudentId == e.StudentId))));
    }

    /// <summary>The students an assignment is set for: its chosen ones (or the whole subject) with an active enrollment.</summary>
    public static IQueryable<Guid> TargetedStudents(TheBotDbContext db, Assignment assignment)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(assignment);
        var (id, teacherId, subjectId, forAll) = (assignment.Id, assignment.TeacherId, assignment.SubjectId, assignment.ForAllStudents);
        return db.Enrollments
            .Where(e => e.TeacherId == teacherId && e.SubjectId == subjectId && e.Status == EnrollmentStatus.Active
                && (forAll || db.AssignmentRecipients.Any(r => r.AssignmentId == id && r.StudentId == e.StudentId)))
            .Select(e => e.StudentId);
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

    /// <summary>Opened attempts, seen by the same people as submissions.</summary>
    public static IQueryable<AssignmentAttempt> VisibleAttempts(TheBotDbContext db, CurrentUser caller)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(caller);
        var userId = caller.Id;
        return caller.Role switch
        {
            UserRole.Admin => db.AssignmentAttempts,
            UserRole.Teacher => db.AssignmentAttempts.Where(a => a.Assignment!.TeacherId == userId),
            UserRole.Student => db.AssignmentAttempts.Where(a => a.StudentId == userId),
            _ => db.AssignmentAttempts.Where(a => StudentRelations.VisibleStudentIds(db, userId, caller.Role).Contains(a.StudentId)),
        };
    }

    /// <summary>
    /// Attempts by what they are now: an open one whose deadline (and grace) has passed is over time, whether or not
    /// anybody has tried to hand it in since.
    /// </summary>
    public static IQueryable<AssignmentAttempt> WithStatus(IQueryable<AssignmentAttempt> attempts, AttemptStatus status, DateTimeOffset now)
    {
        var expiredBefore = now - Assignment.AttemptGrace;
        return status switch
        {
            AttemptStatus.Open => attempts.Where(a => a.Status == AttemptStatus.Open && (a.DeadlineAt == null || a.DeadlineAt >= expiredBefore)),
            AttemptStatus.OverTime => attempts.Where(a => a.Status == AttemptStatus.OverTime
                || (a.Status == AttemptStatus.Open && a.DeadlineAt != null && a.DeadlineAt < expiredBefore)),
            _ => attempts.Where(a => a.Status == status),
        };
    }

    /// <summary>The response for an attempt as it is at <paramref name="now"/> (see <see cref="WithStatus"/>).</summary>
    public static Expression<Func<AssignmentAttempt, AttemptResponse>> AttemptProjection(DateTimeOffset now)
    {
        var expiredBefore = now - Assignment.AttemptGrace;
        return a => new AttemptResponse(
            a.Id,
            a.AssignmentId,
            a.Assignment!.Title,
            new PersonRef(a.StudentId, a.Student!.FullName, a.Student.Email!),
            a.Number,
            a.StartedAt,
            a.DeadlineAt,
            a.Status == AttemptStatus.Open && a.DeadlineAt != null && a.DeadlineAt < expiredBefore ? AttemptStatus.OverTime : a.Status,
            a.EndedAt,
            a.SubmissionId);
    }

    /// <summary>The response every endpoint returns; <see cref="ForViewer"/> hides the chosen students from anybody but the teacher and admins.</summary>
    public static readonly Expression<Func<Assignment, AssignmentResponse>> Projection = a => new AssignmentResponse(
        a.Id,
        new EnrollmentSubject(a.SubjectId, a.Subject!.Name, a.Subject.Color),
        new PersonRef(a.TeacherId, a.Teacher!.FullName, a.Teacher.Email!),
        a.Title, a.Description, a.Kind, a.Status, a.DueAt, a.MaxScore, a.LatePenaltyPercent, a.MaxAttempts, a.Rubric, a.CreatedAt, a.PublishedAt,
        a.StartsAt, a.TimeLimitMinutes, a.ForAllStudents,
        a.Recipients.OrderBy(r => r.Student!.FullName).ThenBy(r => r.StudentId)
            .Select(r => new PersonRef(r.StudentId, r.Student!.FullName, r.Student.Email!)).ToList(),
        a.Questions.Count,
        a.ShowAnswersAfterDue);

    /// <summary>Students, parents and tutors do not learn who else an assignment was set for.</summary>
    public static AssignmentResponse ForViewer(AssignmentResponse response, CurrentUser caller)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(caller);
        return caller.Role is UserRole.Teacher or UserRole.Admin ? response : response with { Students = [] };
    }

    public static readonly Expression<Func<Submission, SubmissionResponse>> SubmissionProjection = s => new SubmissionResponse(
        s.Id,
        s.AssignmentId,
        s.Assignment!.Title,
        new EnrollmentSubject(s.Assignment.SubjectId, s.Assignment.Subject!.Name, s.Assignment.Subject.Color),
        new PersonRef(s.StudentId, s.Student!.FullName, s.Student.Email!),
        s.Attempt, s.Text, s.SubmittedAt, s.IsLate, s.PenaltyPercent, s.Status, s.Score, s.FinalScore, s.Assignment.MaxScore, s.Feedback, s.GradedAt,
        s.Files.OrderBy(f => f.Position).Select(f => new SubmissionFileResponse(f.Id, f.FileName, f.ContentType, f.Length)).ToList(),
        s.StartedAt,
        s.Answers.OrderBy(a => a.Question!.Position)
            .Select(a => new AnswerResponse(a.QuestionId, a.OptionIds, a.Number, a.Text, a.Points, a.Outcome)).ToList());
}
