using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Platform.Realtime;
using TheBot.Api.Platform.Validation;
using TheBot.Realtime.Contracts;

namespace TheBot.Api.Features.Assignments;

/// <summary>The live <c>assignmentChanged</c> event, after the save.</summary>
public static class AssignmentEvents
{
    /// <summary>To the students it is set for (or <paramref name="only"/> those): it was published, started, closed or moved.</summary>
    public static async Task PublishChangedAsync(
        TheBotDbContext db, IRealtimePublisher realtime, Assignment a, CancellationToken ct, IReadOnlyList<Guid>? only = null)
    {
        ArgumentNullException.ThrowIfNull(realtime);
        ArgumentNullException.ThrowIfNull(a);
        var students = only?.ToArray() ?? await AssignmentAccess.TargetedStudents(db, a).ToArrayAsync(ct);
        if (students.Length == 0)
        {
            return;
        }

        await realtime.PublishAsync(LearningEventNames.AssignmentChanged, RealtimeAudience.ToUsers(students),
            new AssignmentChangedEvent(a.Id, a.SubjectId, a.Title, WireName.Of(a.Status), a.DueAt), ct);
    }
}
