using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Features.Notifications;
using TheBot.Realtime.Contracts;

namespace TheBot.Api.Features.Chat;

/// <summary>
/// "New message" notifications for participants who have not muted the room and do not have it open
/// on any device (the hub's OpenRoom/CloseRoom, kept in Redis). Best effort after the message is stored.
/// </summary>
public sealed class ChatMessageNotifications(TheBotDbContext db, ChatMembershipCache membership, Notifier notifier)
{
    public async Task NewMessageAsync(ChatMessagePayload message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var others = await db.ChatParticipants.AsNoTracking()
            .Where(p => p.RoomId == message.RoomId && p.UserId != message.Author.Id && !p.Muted)
            .Select(p => p.UserId)
            .ToListAsync(ct);
        var viewers = await membership.ViewersAsync(message.RoomId, others);
        var recipients = others.Where(userId => !viewers.Contains(userId)).ToList();

        var preview = message.Text.Length <= 140 ? message.Text : message.Text[..139] + "…";
        await notifier.NotifyAsync(recipients, NotificationTypes.ChatMessage, message.Author.FullName, preview,
            $"/chat/{message.RoomId}", NotificationPriority.Normal, ct);
    }
}
