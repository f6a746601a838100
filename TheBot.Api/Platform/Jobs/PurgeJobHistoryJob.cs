using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;

namespace TheBot.Api.Platform.Jobs;

/// <summary>Keeps the job history to what an admin would look at: 30 days.</summary>
public sealed class PurgeJobHistoryJob(TheBotDbContext db, TimeProvider clock) : IScheduledJob
{
    public static string Name => "purge-job-history";

    public static string Description => "Delete job run records older than 30 days";

    public static JobSchedule Schedule => JobSchedule.DailyAt(TimeSpan.FromHours(4));

    public async Task<JobResult> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - TimeSpan.FromDays(30);
        var deleted = await db.JobRuns.Where(r => r.StartedAt < cutoff && r.Outcome != JobOutcome.Running).ExecuteDeleteAsync(cancellationToken);
        return JobResult.Of("runRecordsDeleted", $"{deleted} run record(s) deleted", ("deleted", deleted));
    }
}
