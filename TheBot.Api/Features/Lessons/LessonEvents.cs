using TheBot.Api.Data;
using TheBot.Api.Features.Enrollments;
using TheBot.Api.Features.Notifications;
using TheBot.Api.Platform.Realtime;
using TheBot.Api.Platform.Validation;
using TheBot.Realtime.Contracts;

namespace TheBot.Api.Features.Lessons;

/// <summary>
/// After a lesson changes (committed): the live event to its teacher, its student, and the student's tutor and parents,
/// and the notifications <see cref="LessonNotices"/> staged with the change.
/// </summary>
public sealed class LessonEvents(TheBotDbContext db, IRealtimePublisher realtime, Notifier notifier)
{
    /// <param name="change">created, rescheduled, or the new status (confirmed, cancelled, completed, missed).</param>
    public async Task ChangedAsync(Lesson lesson, string change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lesson);
        var guardians = await StudentRelations.GuardiansAsync(db, lesson.StudentId, cancellationToken);
        await realtime.PublishAsync(LearningEventNames.LessonChanged, RealtimeAudience.ToUsers([lesson.TeacherId, lesson.StudentId, .. guardians]),
            new LessonChangedEvent(lesson.Id, lesson.TeacherId, lesson.StudentId, lesson.SubjectId, lesson.StartsAt, lesson.EndsAt,
                WireName.Of(lesson.Status), change), cancellationToken);
        await notifier.PublishStagedAsync(cancellationToken);
    }
}
