using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;

namespace TheBot.Api.Features.Notifications;

/// <summary>Claims a reminder before it is sent: true for the one caller that recorded it first.</summary>
public sealed class ReminderLedger(TheBotDbContext db, TimeProvider clock)
{
    public async Task<bool> TryClaimAsync(string kind, Guid targetId, string window, CancellationToken cancellationToken)
    {
        var inserted = await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO sent_reminders (id, kind, target_id, "window", sent_at)
            VALUES ({Guid.CreateVersion7()}, {kind}, {targetId}, {window}, {clock.GetUtcNow()})
            ON CONFLICT (kind, target_id, "window") DO NOTHING
            """,
            cancellationToken);
        return inserted == 1;
    }
}
