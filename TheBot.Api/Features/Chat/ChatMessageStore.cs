using Microsoft.EntityFrameworkCore;
using Npgsql;
using TheBot.Api.Data;

namespace TheBot.Api.Features.Chat;

/// <summary>
/// Stores a post in one statement (one transaction, one round trip) whatever the room's size:
/// <list type="number">
/// <item>the room's <see cref="ChatRoom.LastSequence"/> goes up by one (the only row posts into one room share: its
/// lock is held for the rest of this statement only), and the message becomes the room's newest as the room list
/// shows it (<see cref="ChatRoom.LastMessageId"/> and the columns after it);</item>
/// <item>the message is inserted with that sequence;</item>
/// <item>the author's own read position moves to it (writing is having read; one row, the author's);</item>
/// <item>the author's name and role come back with the sequence, so nothing is read again to answer.</item>
/// </list>
/// No other member's row is touched: their unread counts follow from the sequences (<see cref="ChatUnreadCounts"/>).
/// A retry with a stored client message id fails the statement on the unique index and leaves nothing behind (no
/// gap in the sequences); the caller then answers with the stored message.
/// </summary>
internal static class ChatMessageStore
{
    private const string ClientMessageIdIndex = "ux_chat_messages_client_message_id";

    /// <summary>The stored message's sequence and its author as the payload shows them; null when a message with its client message id exists.</summary>
    public static async Task<StoredMessage?> InsertAsync(TheBotDbContext db, ChatMessage m, CancellationToken ct)
    {
        try
        {
            var rows = await db.Database.SqlQuery<StoredMessage>($"""
                WITH room AS (
                    UPDATE chat_rooms SET last_sequence = last_sequence + 1, last_message_at = GREATEST(last_message_at, {m.CreatedAt}),
                        last_message_id = {m.Id}, last_message_author_id = {m.AuthorId}, last_message_text = {m.Text},
                        last_message_client_message_id = {m.ClientMessageId}, last_message_created_at = {m.CreatedAt},
                        last_message_edited_at = NULL, last_message_deleted_at = NULL,
                        last_message_attachment_name = {m.AttachmentName}, last_message_attachment_content_type = {m.AttachmentContentType},
                        last_message_attachment_size = {m.AttachmentSize}
                    WHERE id = {m.RoomId}
                    RETURNING last_sequence),
                message AS (
                    INSERT INTO chat_messages (id, sequence, room_id, author_id, text, client_message_id, created_at,
                                               attachment_key, attachment_name, attachment_content_type, attachment_size)
                    SELECT {m.Id}, room.last_sequence, {m.RoomId}, {m.AuthorId}, {m.Text}, {m.ClientMessageId}, {m.CreatedAt},
                           {m.AttachmentKey}, {m.AttachmentName}, {m.AttachmentContentType}, {m.AttachmentSize}
                    FROM room
                    RETURNING sequence),
                author_read AS (
                    UPDATE chat_participants
                    SET last_read_sequence = GREATEST(last_read_sequence, (SELECT sequence FROM message)), last_read_at = {m.CreatedAt},
                        last_posted_sequence = GREATEST(last_posted_sequence, (SELECT sequence FROM message))
                    WHERE room_id = {m.RoomId} AND user_id = {m.AuthorId})
                SELECT message.sequence, author.full_name AS author_name, author.role AS author_role
                FROM message, users AS author WHERE author.id = {m.AuthorId}
                """).ToListAsync(ct);
            return rows.Single();
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation && ex.ConstraintName == ClientMessageIdIndex)
        {
            return null;
        }
    }
}

internal sealed record StoredMessage(long Sequence, string AuthorName, string AuthorRole);
