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
/// A retry with a stored client message id stores nothing (no gap in the sequences), and one racing it through another
/// api instance fails on the unique index; either way the caller answers with the stored message.
/// </summary>
internal static class ChatMessageStore
{
    private const string ClientMessageIdIndex = "ux_chat_messages_client_message_id";

    /// <summary>
    /// One post, as a batch of one: the stored message's sequence and its author as the payload shows them; null when a
    /// message with its client message id exists (already stored, or stored by another api instance at the same moment).
    /// </summary>
    public static async Task<StoredMessage?> InsertAsync(TheBotDbContext db, ChatMessage m, CancellationToken ct)
    {
        try
        {
            return (await InsertBatchAsync(db, [m], ct)).GetValueOrDefault(m.Id);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation && ex.ConstraintName == ClientMessageIdIndex)
        {
            return null;
        }
    }

    /// <summary>
    /// Stores several posts into one room (<see cref="ChatRoomWriter"/>'s batch) in one statement, one commit: the
    /// room's sequence goes up by the number stored, the messages take the consecutive sequences in the order given,
    /// the room's copy of its newest message becomes the batch's last one, and each author's read position moves to
    /// their newest of them. A post whose client message id is already stored
    /// is left out (no gap) and has no entry in the answer. The posts' client message ids are distinct per author.
    /// </summary>
    public static async Task<IReadOnlyDictionary<Guid, StoredMessage>> InsertBatchAsync(TheBotDbContext db, IReadOnlyList<ChatMessage> posts, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfZero(posts.Count);
        var roomId = posts[0].RoomId;
        if (posts.Any(p => p.RoomId != roomId))
        {
            throw new ArgumentException("A batch holds posts into one room.", nameof(posts));
        }

        var ids = posts.Select(p => p.Id).ToArray();
        var authors = posts.Select(p => p.AuthorId).ToArray();
        var texts = posts.Select(p => p.Text).ToArray();
        var clientIds = posts.Select(p => p.ClientMessageId).ToArray();
        var created = posts.Select(p => p.CreatedAt).ToArray();
        var keys = posts.Select(p => p.AttachmentKey).ToArray();
        var names = posts.Select(p => p.AttachmentName).ToArray();
        var types = posts.Select(p => p.AttachmentContentType).ToArray();
        var sizes = posts.Select(p => p.AttachmentSize).ToArray();
        var rows = await db.Database.SqlQuery<StoredBatchRow>($"""
            WITH incoming AS (
                SELECT i.*, row_number() OVER (ORDER BY i.ord) AS rn
                FROM unnest({ids}::uuid[], {authors}::uuid[], {texts}::text[], {clientIds}::text[], {created}::timestamptz[],
                            {keys}::text[], {names}::text[], {types}::text[], {sizes}::bigint[]) WITH ORDINALITY
                     AS i(id, author_id, text, client_message_id, created_at, attachment_key, attachment_name, attachment_content_type, attachment_size, ord)
                WHERE i.client_message_id IS NULL
                   OR NOT EXISTS (SELECT 1 FROM chat_messages AS x
                                  WHERE x.room_id = {roomId} AND x.author_id = i.author_id AND x.client_message_id = i.client_message_id)),
            room AS (
                UPDATE chat_rooms AS r
                SET last_sequence = r.last_sequence + stored.n, last_message_at = GREATEST(r.last_message_at, stored.newest_at),
                    last_message_id = newest.id, last_message_author_id = newest.author_id, last_message_text = newest.text,
                    last_message_client_message_id = newest.client_message_id, last_message_created_at = newest.created_at,
                    last_message_edited_at = NULL, last_message_deleted_at = NULL,
                    last_message_attachment_name = newest.attachment_name, last_message_attachment_content_type = newest.attachment_content_type,
                    last_message_attachment_size = newest.attachment_size
                FROM (SELECT count(*) AS n, max(created_at) AS newest_at FROM incoming) AS stored,
                     (SELECT * FROM incoming ORDER BY rn DESC LIMIT 1) AS newest
                WHERE r.id = {roomId}
                RETURNING r.last_sequence - stored.n AS base_sequence),
            message AS (
                INSERT INTO chat_messages (id, sequence, room_id, author_id, text, client_message_id, created_at,
                                           attachment_key, attachment_name, attachment_content_type, attachment_size)
                SELECT i.id, room.base_sequence + i.rn, {roomId}, i.author_id, i.text, i.client_message_id, i.created_at,
                       i.attachment_key, i.attachment_name, i.attachment_content_type, i.attachment_size
                FROM incoming AS i, room
                RETURNING id, sequence, author_id, created_at),
            author_read AS (
                UPDATE chat_participants AS p
                SET last_read_sequence = GREATEST(p.last_read_sequence, a.sequence), last_read_at = a.created_at,
                    last_posted_sequence = GREATEST(p.last_posted_sequence, a.sequence)
                FROM (SELECT DISTINCT ON (author_id) author_id, sequence, created_at FROM message ORDER BY author_id, sequence DESC) AS a
                WHERE p.room_id = {roomId} AND p.user_id = a.author_id)
            SELECT message.id, message.sequence, author.full_name AS author_name, author.role AS author_role
            FROM message JOIN users AS author ON author.id = message.author_id
            """).ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => new StoredMessage(r.Sequence, r.AuthorName, r.AuthorRole));
    }
}

internal sealed record StoredMessage(long Sequence, string AuthorName, string AuthorRole);

internal sealed record StoredBatchRow(Guid Id, long Sequence, string AuthorName, string AuthorRole);
