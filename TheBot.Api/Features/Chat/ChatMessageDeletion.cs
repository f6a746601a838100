using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Features.Audit;
using TheBot.Api.Platform.Realtime;
using TheBot.Realtime.Contracts;

namespace TheBot.Api.Features.Chat;

/// <summary>
/// Deleting a message, the one way both its author and moderation do it: a conditional update, so that two deletes
/// at once announce it once. Unread counts follow from deleted_at (<see cref="ChatUnreadCounts"/>), and the room's
/// <see cref="ChatRoom.LastDeletedSequence"/>, moved in the same statement, tells the room list whom it may concern;
/// when the message is the room's newest, the same statement marks the room's copy of it deleted (and drops its text
/// and file) for the list.
/// </summary>
internal static class ChatMessageDeletion
{
    public const string MessageEntity = "chat-message";
    public const string RoomEntity = "chat-room";

    /// <summary>True when this call deleted the message (false: it already was).</summary>
    public static async Task<bool> DeleteAsync(TheBotDbContext db, Guid messageId, Guid by, DateTimeOffset at, CancellationToken ct) =>
        await db.Database.ExecuteSqlAsync($"""
            WITH gone AS (
                UPDATE chat_messages SET deleted_at = {at}, deleted_by_id = {by}
                WHERE id = {messageId} AND deleted_at IS NULL
                RETURNING id, room_id, sequence)
            UPDATE chat_rooms AS r SET last_deleted_sequence = GREATEST(r.last_deleted_sequence, gone.sequence),
                last_message_deleted_at = CASE WHEN r.last_message_id = gone.id THEN {at} ELSE r.last_message_deleted_at END,
                last_message_text = CASE WHEN r.last_message_id = gone.id THEN '' ELSE r.last_message_text END,
                last_message_attachment_name = CASE WHEN r.last_message_id = gone.id THEN NULL ELSE r.last_message_attachment_name END,
                last_message_attachment_content_type = CASE WHEN r.last_message_id = gone.id THEN NULL ELSE r.last_message_attachment_content_type END,
                last_message_attachment_size = CASE WHEN r.last_message_id = gone.id THEN NULL ELSE r.last_message_attachment_size END
            FROM gone WHERE r.id = gone.room_id
            """, ct) > 0;

    /// <summary>The deletion and its audit row in one transaction: both are written, or neither.</summary>
    public static async Task<bool> DeleteAuditedAsync(TheBotDbContext db, AuditTrail audit, ChatMessage message, Guid by, DateTimeOffset at, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await DeleteAsync(db, message.Id, by, at, ct))
        {
            return false;
        }

        var author = await db.Users.AsNoTracking().Where(u => u.Id == message.AuthorId).Select(u => u.FullName).FirstOrDefaultAsync(ct) ?? "";
        audit.Record(MessageEntity, message.Id, $"{author}: {Excerpt(message.Text)}", "delete",
            AuditFieldChange.Of("roomId", message.RoomId, message.RoomId),
            AuditFieldChange.Of("authorId", message.AuthorId, message.AuthorId),
            AuditFieldChange.Of("text", message.Text, null),
            AuditFieldChange.Of("attachmentName", message.AttachmentName, null),
            AuditFieldChange.Of("deletedAt", null, at));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    public static Task AnnounceAsync(IRealtimePublisher realtime, Guid roomId, Guid messageId, Guid by, DateTimeOffset at, CancellationToken ct) =>
        realtime.PublishAsync(ChatEventNames.MessageDeleted, RealtimeAudience.ToRoom(roomId), new MessageDeletedEvent(roomId, messageId, by, at), ct);

    private static string Excerpt(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
