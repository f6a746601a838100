using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;

namespace TheBot.Api.Features.Telegram;

/// <summary>Telegram's 403 for a private chat: nothing more goes there until the user links again (the profile shows why).</summary>
public static class TelegramChatBlocking
{
    public static async Task MarkAsync(TheBotDbContext db, Guid userId, long chatId, string reason, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(reason);
        var stored = reason.Length > 1000 ? reason[..1000] : reason;
        await db.TelegramChats.Where(c => c.UserId == userId && c.ChatId == chatId && c.BlockedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.BlockedAt, now).SetProperty(c => c.BlockedReason, stored), ct);
    }
}
