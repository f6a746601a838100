namespace TheBot.Realtime.Contracts;

/// <summary>
/// <c>lessonChanged</c>: sent to the lesson's teacher, student, the student's tutor and parents when
/// a lesson is created, rescheduled, confirmed, cancelled or completed. <see cref="Change"/> is what
/// happened (created, rescheduled, confirmed, cancelled, completed); <see cref="Status"/> the new
/// status in lower case.
/// </summary>
public sealed record LessonChangedEvent(
    Guid LessonId, Guid TeacherId, Guid StudentId, Guid SubjectId, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Status, string Change);

/// <summary><c>assignmentChanged</c>: sent to the enrolled students an assignment is set for, once it has started, when it is published (or starts), closed or moved.</summary>
public sealed record AssignmentChangedEvent(Guid AssignmentId, Guid SubjectId, string Title, string Status, DateTimeOffset? DueAt);

/// <summary><c>submissionGraded</c>: sent to the student, parents and tutor when a submission is graded or returned.</summary>
public sealed record SubmissionGradedEvent(Guid SubmissionId, Guid AssignmentId, Guid StudentId, string Status, decimal? Score, decimal? FinalScore, decimal MaxScore, bool IsLate);

/// <summary><c>submissionReceived</c>: sent to the teacher when a student submits work.</summary>
public sealed record SubmissionReceivedEvent(Guid SubmissionId, Guid AssignmentId, Guid StudentId, int Attempt, bool IsLate);

public static class LearningEventNames
{
    public const string LessonChanged = "lessonChanged";
    public const string AssignmentChanged = "assignmentChanged";
    public const string SubmissionReceived = "submissionReceived";
    public const string SubmissionGraded = "submissionGraded";
}
