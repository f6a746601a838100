using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Platform.Jobs;

namespace TheBot.Api.Features.ParentInvitations;

/// <summary>
/// Marks open parent invitations past their expiry as expired, so tutors see which ones lapsed. Accepting
/// and redeeming check the expiry themselves: an invitation is never usable late, whenever this runs.
/// </summary>
public sealed class ExpireParentInvitationsJob(TheBotDbContext db, TimeProvider clock) : IScheduledJob
{
    public static string Name => "expire-parent-invitations";

    public static string Description => "Mark parent invitations nobody answered within 7 days as expired";

    public static JobSchedule Schedule => new(TimeSpan.FromHours(1), TimeSpan.FromMinutes(20));

    public async Task<JobResult> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var expired = await db.ParentInvitations
            .Where(i => i.Status == ParentInvitationStatus.Pending && i.ExpiresAt <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, ParentInvitationStatus.Expired), cancellationToken);
        return JobResult.Of("invitationsExpired", $"{expired} invitation(s) expired", ("expired", expired));
    }
}
