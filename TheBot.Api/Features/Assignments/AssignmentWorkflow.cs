using TheBot.Api.Platform.Validation;
using TheBot.Api.Platform.Workflow;
using static TheBot.Api.Features.Assignments.AssignmentStatus;

namespace TheBot.Api.Features.Assignments;

/// <summary>
/// The assignment state machine: a draft is published to the enrolled students (or created published),
/// and a published assignment is closed to stop submissions. Submissions: submitted work is graded (and
/// may be graded again) or returned for rework; a returned attempt is final, the student submits anew.
/// </summary>
public static class AssignmentWorkflow
{
    private static readonly Transitions<AssignmentStatus> Allowed = new Transitions<AssignmentStatus>()
        .Allow(Published, from: Draft)
        .Allow(Closed, from: Published);

    private static readonly Transitions<SubmissionStatus> SubmissionAllowed = new Transitions<SubmissionStatus>()
        .Allow(SubmissionStatus.Graded, from: [SubmissionStatus.Submitted, SubmissionStatus.Graded])
        .Allow(SubmissionStatus.Returned, from: SubmissionStatus.Submitted);

    public static TransitionResult Publish(Assignment assignment, DateTimeOffset now)
    {
        var result = Move(assignment, from: Draft, to: Published);
        if (result.StatusChanged)
        {
            assignment.PublishedAt = now;
        }

        return result;
    }

    public static TransitionResult Close(Assignment assignment) => Move(assignment, from: Published, to: Closed);

    /// <summary>Whether a submission can be graded now (409 when returned); checked before the score is.</summary>
    public static TransitionResult CanGrade(Submission submission)
    {
        ArgumentNullException.ThrowIfNull(submission);
        return SubmissionAllowed.Permits(submission.Status, SubmissionStatus.Graded)
            ? TransitionResult.Changed
            : TransitionResult.NotAllowed("A returned submission cannot be graded; the student submits a new attempt.");
    }

    /// <summary>Scores the work (the late penalty applied) with the grader's feedback; no grader: a quiz graded by the server.</summary>
    public static TransitionResult Grade(Submission submission, decimal score, string? feedback, Guid? graderId, DateTimeOffset now)
    {
        if (CanGrade(submission) is { Succeeded: false } refused)
        {
            return refused;
        }

        submission.Score = score;
        submission.FinalScore = Submission.ApplyPenalty(score, submission.PenaltyPercent);
        submission.Feedback = feedback;
        submission.Status = SubmissionStatus.Graded;
        submission.GradedAt = now;
        submission.GradedById = graderId;
        return TransitionResult.Changed;
    }

    /// <summary>Back to the student for rework, with feedback.</summary>
    public static TransitionResult Return(Submission submission, string? feedback, Guid graderId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(submission);
        if (!SubmissionAllowed.Permits(submission.Status, SubmissionStatus.Returned))
        {
            return TransitionResult.NotAllowed($"Only submitted work can be returned; this one is {WireName.Of(submission.Status)}.");
        }

        submission.Status = SubmissionStatus.Returned;
        submission.Feedback = feedback;
        submission.GradedAt = now;
        submission.GradedById = graderId;
        return TransitionResult.Changed;
    }

    private static TransitionResult Move(Assignment assignment, AssignmentStatus from, AssignmentStatus to)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        if (!Allowed.Permits(assignment.Status, to))
        {
            return TransitionResult.NotAllowed($"The assignment is {WireName.Of(assignment.Status)}; only a {WireName.Of(from)} one can become {WireName.Of(to)}.");
        }

        assignment.Status = to;
        return TransitionResult.Changed;
    }
}
