using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TheBot.Api.Data;

namespace TheBot.Api.Platform.Jobs;

/// <summary>
/// Claims and records occurrences in <c>job_runs</c>. Every claim is one atomic statement, so two
/// replicas asking for the same occurrence at the same instant get one winner.
/// </summary>
public sealed class JobRunStore(TheBotDbContext db, IOptions<JobSchedulerOptions> options, TimeProvider clock)
{
    public static readonly string RunnerName = $"{Environment.MachineName}:{Environment.ProcessId}";

    /// <summary>Claims a scheduled occurrence; null when another replica already has (or had) it.</summary>
    public async Task<JobRun?> TryClaimAsync(string jobName, string occurrenceKey, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7();
        var inserted = await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO job_runs (id, job_name, occurrence_key, outcome, attempt, manual, started_at, lease_until, runner)
            VALUES ({id}, {jobName}, {occurrenceKey}, 'Running', 1, FALSE, {now}, {now + options.Value.Lease}, {RunnerName})
            ON CONFLICT (job_name, occurrence_key) DO NOTHING
            """, cancellationToken);
        return inserted == 1 ? await db.JobRuns.AsNoTracking().FirstAsync(r => r.Id == id, cancellationToken) : null;
    }

    /// <summary>Starts a manual occurrence; manual runs never collide with the schedule.</summary>
    public async Task<JobRun> StartManualAsync(string jobName, Guid requestedById, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var run = new JobRun
        {
            Id = Guid.CreateVersion7(),
            JobName = jobName,
            OccurrenceKey = $"manual:{Guid.NewGuid():N}",
            Manual = true,
            RequestedById = requestedById,
            StartedAt = now,
            LeaseUntil = now + options.Value.Lease,
            Runner = RunnerName,
        };
        db.JobRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        db.Entry(run).State = EntityState.Detached;
        return run;
    }

    /// <summary>
    /// Claims one occurrence that failed and is due for a retry, or whose runner died (lease expired).
    /// </summary>
    public async Task<JobRun?> TryClaimRetryAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var lease = now + options.Value.Lease;
        var claimed = await db.JobRuns
            .FromSqlInterpolated($"""
                UPDATE job_runs SET outcome = 'Running', attempt = attempt + 1, lease_until = {lease}, runner = {RunnerName},
                       retry_at = NULL, started_at = {now}, finished_at = NULL, duration_ms = NULL
                WHERE id = (
                    SELECT id FROM job_runs
                    WHERE (outcome = 'Failed' AND retry_at <= {now}) OR (outcome = 'Running' AND lease_until < {now})
                    ORDER BY started_at
                    LIMIT 1
                    FOR UPDATE SKIP LOCKED)
                RETURNING *
                """)
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        return claimed.FirstOrDefault();
    }

    public async Task CompleteAsync(JobRun run, JobResult result, double durationMs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        var now = clock.GetUtcNow();
        var counts = new Dictionary<string, long>(result.Counts, StringComparer.Ordinal);
        await db.JobRuns.Where(r => r.Id == run.Id).ExecuteUpdateAsync(u => u
            .SetProperty(r => r.Outcome, JobOutcome.Succeeded)
            .SetProperty(r => r.FinishedAt, now)
            .SetProperty(r => r.DurationMs, durationMs)
            .SetProperty(r => r.Summary, Truncate(result.Summary, 1000))
            .SetProperty(r => r.ResultCode, result.Code)
            .SetProperty(r => r.Counts, counts)
            .SetProperty(r => r.Error, (string?)null), cancellationToken);
    }

    public async Task FailAsync(JobRun run, string error, double durationMs, bool retryNow, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var settings = options.Value;
        DateTimeOffset? retryAt = retryNow
            ? now
            : run.Attempt < settings.MaxAttempts
                ? now + (settings.FirstRetryDelay * Math.Pow(2, run.Attempt - 1))
                : null;
        await db.JobRuns.Where(r => r.Id == run.Id).ExecuteUpdateAsync(u => u
            .SetProperty(r => r.Outcome, JobOutcome.Failed)
            .SetProperty(r => r.FinishedAt, now)
            .SetProperty(r => r.DurationMs, durationMs)
            .SetProperty(r => r.Error, Truncate(error, 4000))
            .SetProperty(r => r.RetryAt, retryAt), cancellationToken);
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
