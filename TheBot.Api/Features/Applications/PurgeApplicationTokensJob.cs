using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Platform.Jobs;

namespace TheBot.Api.Features.Applications;

/// <summary>Expired sign-up tracking tokens stop existing; the applications stay for the admins.</summary>
public sealed class PurgeApplicationTokensJob(TheBotDbContext db, TimeProvider clock) : IScheduledJob
{
    public static string Name => "purge-application-tokens";

    public static string Description => "Forget sign-up tracking tokens past their expiry (applications are kept)";

    public static JobSchedule Schedule => JobSchedule.DailyAt(TimeSpan.FromHours(2));

    public async Task<JobResult> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var purged = await db.SignupApplications
            .Where(a => a.TrackingTokenHash != null && a.TokenExpiresAt < now)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.TrackingTokenHash, (byte[]?)null), cancellationToken);
        return JobResult.Of("trackingTokensForgotten", $"{purged} tracking token(s) forgotten", ("forgotten", purged));
    }
}
