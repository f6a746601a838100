using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;

namespace TheBot.Api.Features.Chat;

/// <summary>
/// Changing a message's text in one statement: the message, and the room's copy of its newest message when that is
/// the one edited (<see cref="ChatRoom.LastMessageId"/>, what the room list shows). The message's row lock is taken
/// first, so two edits of one message write the room's copy in the order they wrote the message; a post that made
/// another message the newest meanwhile is not overwritten (the room's row is matched by its newest message's id).
/// </summary>
internal static class ChatMessageEditing
{
    public static Task<int> EditAsync(TheBotDbContext db, Guid messageId, string text, DateTimeOffset at, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"""
            WITH edited AS (
                UPDATE chat_messages SET text = {text}, edited_at = {at}
                WHERE id = {messageId} AND deleted_at IS NULL
                RETURNING id, room_id)
            UPDATE chat_rooms AS r SET last_message_text = {text}, last_message_edited_at = {at}
            FROM edited WHERE r.id = edited.room_id AND r.last_message_id = edited.id
            """, ct);
}
