using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Features.Enrollments;
using TheBot.Api.Features.Notifications;
using TheBot.Api.Platform.Auth;
using TheBot.Realtime.Contracts;

namespace TheBot.Api.Features.Assignments;

/// <summary>
/// The notifications work stores, staged with the change (saved in its transaction): homework, once published and
/// started, tells the students it is set for and their parents; a grade tells the student and their parents. Never the teacher.
/// </summary>
public sealed class AssignmentNotices(TheBotDbContext db, Notifier notifier)
{
    /// <summary>
    /// Homework became visible (not yet saved): the students it is set for as stored (or <paramref name="students"/>, when
    /// they are not stored yet or only some are to be told) and their parents.
    /// </summary>
    public async Task<int> StageHomeworkAsync(Assignment assignment, CancellationToken ct, IReadOnlyCollection<Guid>? students = null)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        var chosen = students?.ToArray();
        var studentIds = chosen is null
            ? await AssignmentAccess.TargetedStudents(db, assignment).ToListAsync(ct)
            : await db.Enrollments
                .Where(e => e.TeacherId == assignment.TeacherId && e.SubjectId == assignment.SubjectId && e.Status == EnrollmentStatus.Active
                    && chosen.Contains(e.StudentId))
                .Select(e => e.StudentId).Distinct().ToListAsync(ct);
        var parents = await db.StudentParents.Where(sp => studentIds.Contains(sp.StudentId)).Select(sp => sp.ParentId).ToListAsync(ct);
        var recipients = studentIds.Concat(parents).Distinct().ToList();
        var subject = await db.Subjects.Where(s => s.Id == assignment.SubjectId).Select(s => s.Name).FirstAsync(ct);
        return await notifier.StageAsync(recipients, NotificationTypes.Assignment, r =>
        {
            var due = r.Time(assignment.DueAt);
            return r.Say(
                new($"New homework: {assignment.Title}", $"{subject}, due {due}"),
                new($"Новое задание: {assignment.Title}", $"{subject}, срок {due}")).To(LinkFor(r));
        }, cancellationToken: ct);
    }

    /// <summary>Work was graded (not yet saved): its student and their parents.</summary>
    public async Task<int> StageGradeAsync(Submission submission, CancellationToken ct, Assignment? of = null)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var assignment = of ?? submission.Assignment ?? throw new InvalidOperationException("Load the submission's assignment first.");
        var student = await db.Users.Where(u => u.Id == submission.StudentId)
            .Select(u => new { u.FullName, Parents = db.StudentParents.Where(sp => sp.StudentId == u.Id).Select(sp => sp.ParentId).ToList() })
            .FirstAsync(ct);
        var score = string.Create(CultureInfo.InvariantCulture, $"{submission.FinalScore ?? submission.Score:0.##} / {assignment.MaxScore:0.##}");
        return await notifier.StageAsync([submission.StudentId, .. student.Parents], NotificationTypes.Grade, r => (r.Role == UserRole.Parent
            ? r.Say(new($"Grade for {student.FullName}: {score}", assignment.Title), new($"Оценка: {student.FullName} — {score}", assignment.Title))
            : r.Say(new($"Graded: {score}", assignment.Title), new($"Оценка: {score}", assignment.Title))).To(LinkFor(r)),
            cancellationToken: ct);
    }

    /// <summary>After the save: pushes what was staged live.</summary>
    public Task PublishAsync(CancellationToken ct) => notifier.PublishStagedAsync(ct);

    /// <summary>Students see their work under assignments; parents follow it under progress.</summary>
    private static string LinkFor(NotificationRecipient r) => r.Role == UserRole.Student ? "/assignments" : "/progress";
}
