using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TheBot.Api.Data;
using TheBot.Api.Platform.Jobs;

namespace TheBot.Api.Features.Audit;

/// <summary>Daily: deletes audit rows older than <see cref="AuditOptions.RetentionDays"/> (the only way a row ever goes).</summary>
public sealed class PurgeAuditLogJob(TheBotDbContext db, IOptions<AuditOptions> options, TimeProvider clock) : IScheduledJob
{
    public static string Name => "purge-audit-log";

    public static string Description => "Delete audit log rows older than the retention period (Audit:RetentionDays)";

    public static JobSchedule Schedule => JobSchedule.DailyAt(TimeSpan.FromHours(4.5));

    public async Task<JobResult> RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - TimeSpan.FromDays(options.Value.RetentionDays);
        var deleted = await db.AuditEntries.Where(e => e.At < cutoff).ExecuteDeleteAsync(cancellationToken);
        return JobResult.Of("auditRowsDeleted", $"{deleted} audit row(s) older than {options.Value.RetentionDays} days deleted", ("deleted", deleted));
    }
}
