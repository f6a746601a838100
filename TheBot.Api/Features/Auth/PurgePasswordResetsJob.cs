using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Platform.Jobs;

namespace TheBot.Api.Features.Auth;

/// <summary>Deletes password reset requests a day after their link expired (used or not): they can do nothing any more.</summary>
public sealed class PurgePasswordResetsJob(TheBotDbContext db, TimeProvider clock) : IScheduledJob
{
    public static string Name => "purge-password-resets";

    public static string Description => "Delete password reset links a day after they expired";

    public static JobSchedule Schedule => JobSchedule.Every(TimeSpan.FromHours(1));

    public async Task<JobResult> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - TimeSpan.FromDays(1);
        var deleted = await db.PasswordResetRequests
            .Where(r => r.ExpiresAt < cutoff)
            .ExecuteDeleteAsync(cancellationToken);
        return JobResult.Of("passwordResetsDeleted", $"{deleted} password reset link(s) deleted", ("deleted", deleted));
    }
}
