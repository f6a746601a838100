using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Features.Notifications;
using TheBot.Realtime.Contracts;

namespace TheBot.Api.Features.Chat;

/// <summary>
/// "New messages" notifications for participants who have not muted the room and do not have it open on any
/// device (the hub's OpenRoom/CloseRoom, kept in Redis): one per person and room, raised again only after they
/// read it or the room (<see cref="CoalescedNotifications"/>); the room's unread count says how many.
/// Best effort after the message is stored, outside its transaction.
/// </summary>
public sealed class ChatMessageNotifications(TheBotDbContext db, ChatMembershipCache membership, CoalescedNotifications notifications)
{
    public static string KeyOf(Guid roomId) => $"chat-room:{roomId:D}";

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
        await notifications.RaiseAsync(recipients, NotificationTypes.ChatMessage, KeyOf(message.RoomId), message.Author.FullName, preview,
            $"/chat/{message.RoomId}", message.CreatedAt, ct);
    }

    /// <summary>Reading the room reads its notification.</summary>
    public Task RoomReadAsync(Guid roomId, Guid userId, DateTimeOffset now, CancellationToken ct) =>
        notifications.ReadAsync(userId, KeyOf(roomId), now, ct);
}
