using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Features.Enrollments;
using TheBot.Api.Platform.Errors;

namespace TheBot.Api.Features.Assignments;

/// <summary>
/// Which students an assignment is set for: the whole subject (no one chosen) or chosen students, each actively
/// enrolled with the teacher in the subject. While a draft the choice is replaced at will; once published students
/// can only be added (nobody loses work they may have started).
/// </summary>
public static class AssignmentTargeting
{
    /// <summary>422 naming the students who are not actively enrolled with the teacher in the subject, or null.</summary>
    public static async Task<ProblemHttpResult?> CheckEnrolledAsync(
        TheBotDbContext db, Guid teacherId, Guid subjectId, IReadOnlyCollection<Guid> studentIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(studentIds);
        if (studentIds.Count == 0)
        {
            return null;
        }

        var enrolled = await db.Enrollments
            .Where(e => e.TeacherId == teacherId && e.SubjectId == subjectId && e.Status == EnrollmentStatus.Active && studentIds.Contains(e.StudentId))
            .Select(e => e.StudentId).Distinct().ToListAsync(ct);
        var missing = studentIds.Except(enrolled).ToList();
        if (missing.Count == 0)
        {
            return null;
        }

        // Students the teacher once had in this subject are named; anybody else only by the id the caller sent.
        var known = await db.Enrollments
            .Where(e => e.TeacherId == teacherId && e.SubjectId == subjectId && missing.Contains(e.StudentId))
            .Select(e => new { e.StudentId, e.Student!.FullName }).Distinct().ToListAsync(ct);
        var names = missing.Select(id => known.FirstOrDefault(k => k.StudentId == id)?.FullName ?? id.ToString());
        return ApiProblems.Unprocessable(
            $"Not actively enrolled with the teacher in this subject: {string.Join(", ", names)}.",
            new Dictionary<string, object?> { ["studentIds"] = missing });
    }

    /// <summary>Sets the chosen students of a new assignment (none: the whole subject).</summary>
    public static void Choose(Assignment assignment, IReadOnlyCollection<Guid> studentIds, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        ArgumentNullException.ThrowIfNull(studentIds);
        assignment.ForAllStudents = studentIds.Count == 0;
        Add(assignment, studentIds, now);
    }

    /// <summary>
    /// Applies a new choice to an assignment loaded with its recipients: replaced while a draft, only grown once
    /// published (409 otherwise). Returns the students added, who have not been told of it yet.
    /// </summary>
    public static async Task<(IReadOnlyList<Guid> Added, ProblemHttpResult? Problem)> ChangeAsync(
        TheBotDbContext db, Assignment assignment, IReadOnlyCollection<Guid> studentIds, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        ArgumentNullException.ThrowIfNull(studentIds);
        var current = assignment.Recipients.Select(r => r.StudentId).ToHashSet();
        var added = studentIds.Where(id => !current.Contains(id)).ToList();
        switch (assignment.Status)
        {
            case AssignmentStatus.Draft:
                if (await CheckEnrolledAsync(db, assignment.TeacherId, assignment.SubjectId, studentIds, ct) is { } notEnrolled)
                {
                    return ([], notEnrolled);
                }

                assignment.Recipients.RemoveAll(r => !studentIds.Contains(r.StudentId));
                Add(assignment, added, now);
                assignment.ForAllStudents = studentIds.Count == 0;
                return (added, null);
            case AssignmentStatus.Published when assignment.ForAllStudents:
                return studentIds.Count == 0
                    ? ([], null)
                    : ([], ApiProblems.Conflict("The assignment is published for the whole subject: every enrolled student has it already."));
            case AssignmentStatus.Published:
                if (studentIds.Count == 0 || current.Any(id => !studentIds.Contains(id)))
                {
                    return ([], ApiProblems.Conflict("Once published, students can only be added: keep the chosen students and name the new ones."));
                }

                if (await CheckEnrolledAsync(db, assignment.TeacherId, assignment.SubjectId, added, ct) is { } notEnrolledAdded)
                {
                    return ([], notEnrolledAdded);
                }

                Add(assignment, added, now);
                return (added, null);
            default:
                return ([], ApiProblems.Conflict("The assignment is closed: its students can no longer change."));
        }
    }

    private static void Add(Assignment assignment, IEnumerable<Guid> studentIds, DateTimeOffset now) =>
        assignment.Recipients.AddRange(studentIds.Select(id => new AssignmentRecipient { AssignmentId = assignment.Id, StudentId = id, AddedAt = now }));
}
