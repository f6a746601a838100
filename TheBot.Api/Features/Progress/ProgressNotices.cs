using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Features.Notifications;
using TheBot.Realtime.Contracts;

namespace TheBot.Api.Features.Progress;

/// <summary>A report sent to the student's parents stores a notification for each, staged with the sending (one transaction).</summary>
public sealed class ProgressNotices(TheBotDbContext db, Notifier notifier)
{
    /// <summary>Stages the parents' notifications of a report being sent (not yet saved); returns the parents.</summary>
    public async Task<Guid[]> StageReportSentAsync(ProgressReport report, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(report);
        var about = await db.Users.Where(u => u.Id == report.StudentId)
            .Select(u => new
            {
                Student = u.FullName,
                Author = db.Users.Where(a => a.Id == report.AuthorId).Select(a => a.FullName).First(),
                Parents = db.StudentParents.Where(sp => sp.StudentId == u.Id).Select(sp => sp.ParentId).ToList(),
            })
            .FirstAsync(ct);
        await notifier.StageAsync(about.Parents, NotificationTypes.ReportSent, r => r.Say(
            new($"Report on {about.Student}: {report.Title}", $"From {about.Author}"),
            new($"Отчёт об ученике {about.Student}: {report.Title}", $"От: {about.Author}")).To("/progress"),
            cancellationToken: ct);
        return [.. about.Parents];
    }

    /// <summary>After the save: pushes what was staged live.</summary>
    public Task PublishAsync(CancellationToken ct) => notifier.PublishStagedAsync(ct);
}
