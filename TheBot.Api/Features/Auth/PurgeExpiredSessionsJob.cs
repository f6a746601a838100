using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Platform.Jobs;

namespace TheBot.Api.Features.Auth;

/// <summary>Deletes sessions that expired or were revoked more than a week ago (the devices list no longer shows them).</summary>
public sealed class PurgeExpiredSessionsJob(TheBotDbContext db, TimeProvider clock) : IScheduledJob
{
    public static string Name => "purge-expired-sessions";

    public static string Description => "Delete refresh-token sessions that expired or were revoked over a week ago";

    public static JobSchedule Schedule => JobSchedule.Every(TimeSpan.FromHours(1));

    public async Task<JobResult> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - TimeSpan.FromDays(7);
        var deleted = await db.AuthSessions
            .Where(s => s.ExpiresAt < cutoff || s.RevokedAt < cutoff)
            .ExecuteDeleteAsync(cancellationToken);
        return JobResult.Of("sessionsDeleted", $"{deleted} session(s) deleted", ("deleted", deleted));
    }
}
