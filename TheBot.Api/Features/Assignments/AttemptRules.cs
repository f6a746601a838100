using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Platform.Errors;

namespace TheBot.Api.Features.Assignments;

/// <summary>
/// The attempt rules: every attempt, opened or handed in at once, takes a number and counts against the maximum; a
/// timed assignment's attempt is opened first, and its work is refused once the time limit and the grace have passed.
/// </summary>
public static class AttemptRules
{
    /// <summary>Problem <c>code</c> of a hand-in refused because the attempt's time ran out.</summary>
    public const string OverTimeCode = "overTime";

    /// <summary>Problem <c>code</c> of a hand-in to a timed assignment without an open attempt.</summary>
    public const string NotStartedCode = "attemptNotStarted";

    /// <summary>Problem <c>code</c> of a timed quiz's questions asked for by a parent or tutor before its due date.</summary>
    public const string HiddenUntilDueCode = "questionsHiddenUntilDue";

    /// <summary>The highest attempt number the student has taken, opened or handed in (0: none).</summary>
    public static async Task<int> UsedAsync(TheBotDbContext db, Guid assignmentId, Guid studentId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var handedIn = db.Submissions.Where(s => s.AssignmentId == assignmentId && s.StudentId == studentId).Select(s => s.Attempt);
        var opened = db.AssignmentAttempts.Where(a => a.AssignmentId == assignmentId && a.StudentId == studentId).Select(a => a.Number);
        return await handedIn.Concat(opened).MaxAsync(n => (int?)n, ct) ?? 0;
    }

    public static Task<AssignmentAttempt?> OpenAsync(TheBotDbContext db, Guid assignmentId, Guid studentId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.AssignmentAttempts.FirstOrDefaultAsync(a => a.AssignmentId == assignmentId && a.StudentId == studentId && a.Status == AttemptStatus.Open, ct);
    }

    /// <summary>Records an open attempt as over time (once: a racing hand-in or start finds it done).</summary>
    public static Task MarkOverTimeAsync(TheBotDbContext db, Guid attemptId, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.AssignmentAttempts.Where(a => a.Id == attemptId && a.Status == AttemptStatus.Open)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, AttemptStatus.OverTime).SetProperty(a => a.EndedAt, now), ct);
    }

    public static ProblemHttpResult OverTime(AssignmentAttempt attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var deadline = attempt.DeadlineAt!.Value;
        return ApiProblems.Conflict(
            string.Create(CultureInfo.InvariantCulture,
                $"Attempt {attempt.Number} ran over its time: it had to be handed in by {deadline:yyyy-MM-dd HH:mm:ss} UTC (with {Assignment.AttemptGrace.TotalSeconds:0} s of grace). The work was not accepted; the attempt is recorded as over time."),
            new Dictionary<string, object?> { ["code"] = OverTimeCode, ["attempt"] = attempt.Number, ["deadlineAt"] = deadline });
    }

    public static ProblemHttpResult NotStarted(int timeLimitMinutes) => ApiProblems.Conflict(
        $"This work has a time limit of {timeLimitMinutes} minutes: start an attempt first (its clock starts then), then hand it in.",
        new Dictionary<string, object?> { ["code"] = NotStartedCode });

    public static ProblemHttpResult QuestionsHiddenUntilDue(DateTimeOffset dueAt) => ApiProblems.Conflict(
        string.Create(CultureInfo.InvariantCulture,
            $"A timed quiz's questions are the student's to see first, when their attempt's clock starts: parents and tutors see them after the due date ({dueAt:yyyy-MM-dd HH:mm} UTC)."),
        new Dictionary<string, object?> { ["code"] = HiddenUntilDueCode, ["dueAt"] = dueAt });
}
