using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Platform.Jobs;

namespace TheBot.Api.Features.Notifications;

/// <summary>Daily: notifications older than 30 days leave the inbox (archived, not deleted).</summary>
public sealed class ArchiveNotificationsJob(TheBotDbContext db, TimeProvider clock) : IScheduledJob
{
    public static readonly TimeSpan Age = TimeSpan.FromDays(30);

    public static string Name => "archive-notifications";

    public static string Description => "Archive notifications older than 30 days";

    public static JobSchedule Schedule => JobSchedule.DailyAt(TimeSpan.FromHours(2));

    public async Task<JobResult> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var cutoff = now - Age;
        var archived = await db.Notifications
            .Where(n => n.ArchivedAt == null && n.CreatedAt < cutoff)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ArchivedAt, now), cancellationToken);
        return JobResult.Of("notificationsArchived", $"{archived} notification(s) archived", ("archived", archived));
    }
}
