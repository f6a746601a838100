using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Platform.Jobs;

namespace TheBot.Api.Features.Jobs;

/// <summary>Deletes sessions that expired or were revoked more than a week ago (the devices list no longer shows them).</summary>
public sealed class PurgeExpiredSessionsJob(TheBotDbContext db, TimeProvider clock) : IScheduledJob
{
    public static string Name => "purge-expired-sessions";

    public static string Description => "Delete refresh-token sessions that expired or were revoked over a week ago";

    public static JobSchedule Schedule => JobSchedule.Every(TimeSpan.FromHours(1));

    public async Task<string> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - TimeSpan.FromDays(7);
        var deleted = await db.AuthSessions
            .Where(s => s.ExpiresAt < cutoff || s.RevokedAt < cutoff)
            .ExecuteDeleteAsync(cancellationToken);
        return $"{deleted} session(s) deleted";
    }
}

/// <summary>Expired sign-up tracking tokens stop existing; the applications stay for the admins.</summary>
public sealed class PurgeApplicationTokensJob(TheBotDbContext db, TimeProvider clock) : IScheduledJob
{
    public static string Name => "purge-application-tokens";

    public static string Description => "Forget sign-up tracking tokens past their expiry (applications are kept)";

    public static JobSchedule Schedule => JobSchedule.DailyAt(TimeSpan.FromHours(2));

    public async Task<string> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var purged = await db.SignupApplications
            .Where(a => a.TrackingTokenHash != null && a.TokenExpiresAt < now)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.TrackingTokenHash, (byte[]?)null), cancellationToken);
        return $"{purged} tracking token(s) forgotten";
    }
}

/// <summary>Keeps the job history to what an admin would look at: 30 days.</summary>
public sealed class PurgeJobHistoryJob(TheBotDbContext db, TimeProvider clock) : IScheduledJob
{
    public static string Name => "purge-job-history";

    public static string Description => "Delete job run records older than 30 days";

    public static JobSchedule Schedule => JobSchedule.DailyAt(TimeSpan.FromHours(4));

    public async Task<string> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - TimeSpan.FromDays(30);
        var deleted = await db.JobRuns.Where(r => r.StartedAt < cutoff && r.Outcome != JobOutcome.Running).ExecuteDeleteAsync(cancellationToken);
        return $"{deleted} run record(s) deleted";
    }
}
