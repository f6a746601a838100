using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Platform.Jobs;
using TheBot.Api.Platform.Realtime;

namespace TheBot.Api.Features.Assignments;

/// <summary>
/// Every minute: published assignments whose start has come are announced — their students and the students' parents
/// are notified and the students get <c>assignmentChanged</c> live. Each assignment once: the run claims it by setting
/// <see cref="Assignment.AnnouncedAt"/> in the transaction that stores the notifications, so a second replica (or a
/// manual run) finds it taken, and a failed run leaves it for the next. Visibility does not wait for this job: students
/// see the work from <see cref="Assignment.StartsAt"/> on.
/// </summary>
public sealed class AssignmentStartsJob(TheBotDbContext db, AssignmentNotices notices, IRealtimePublisher realtime, TimeProvider clock) : IScheduledJob
{
    private const int BatchSize = 200;

    public static string Name => "assignment-starts";

    public static string Description => "Tell students of published assignments whose start has come";

    public static JobSchedule Schedule => JobSchedule.Every(TimeSpan.FromMinutes(1));

    public async Task<JobResult> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await db.Assignments.AsNoTracking()
            .Where(a => a.AnnouncedAt == null && a.StartsAt != null && a.StartsAt <= now && a.Status == AssignmentStatus.Published)
            .OrderBy(a => a.StartsAt).ThenBy(a => a.Id)
            .Take(BatchSize)
            .Select(a => a.Id)
            .ToListAsync(cancellationToken);

        var started = 0;
        foreach (var id in due)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var claimed = await db.Assignments
                .Where(a => a.Id == id && a.AnnouncedAt == null && a.Status == AssignmentStatus.Published)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.AnnouncedAt, now), cancellationToken);
            if (claimed == 0)
            {
                continue;
            }

            var assignment = await db.Assignments.AsNoTracking().FirstAsync(a => a.Id == id, cancellationToken);
            await notices.StageHomeworkAsync(assignment, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            await AssignmentEvents.PublishChangedAsync(db, realtime, assignment, cancellationToken);
            await notices.PublishAsync(cancellationToken);
            started++;
        }

        return JobResult.Of("assignmentsStarted", $"{started} assignment(s) started", ("started", started));
    }
}
