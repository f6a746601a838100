using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Platform.Jobs;

namespace TheBot.Api.Features.Telegram;

/// <summary>Hourly: "Link Telegram" tokens past their expiry are deleted (a used one is deleted when used).</summary>
public sealed class DeleteExpiredTelegramLinksJob(TheBotDbContext db, TimeProvider clock) : IScheduledJob
{
    public static string Name => "delete-expired-telegram-links";

    public static string Description => "Delete \"Link Telegram\" links that expired unused";

    public static JobSchedule Schedule => JobSchedule.Every(TimeSpan.FromHours(1));

    public async Task<JobResult> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var deleted = await db.TelegramLinkTokens.Where(t => t.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
        return JobResult.Of("telegramLinksDeleted", $"{deleted} expired Telegram link(s) deleted", ("deleted", deleted));
    }
}
