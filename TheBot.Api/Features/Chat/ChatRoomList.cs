using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Auth;
using TheBot.Api.Platform.Paging;
using TheBot.Realtime.Contracts;

namespace TheBot.Api.Features.Chat;

/// <summary>
/// The caller's rooms, newest activity first: <see cref="PageAsync"/> is one statement (one round trip) whatever the
/// page holds, and the whole list is counted only when the page cannot tell (a page that is not full ends the list).
/// Per room it reads the participant row, the room (which carries its newest message, <see cref="ChatRoom.LastMessageId"/>
/// and the columns after it: no lookup in chat_messages), the newest message's author when that is neither me nor the
/// other person, and for a direct room the other person's name (by the other half of <see cref="ChatRoom.DirectKey"/>); unread counts
/// are arithmetic on sequences (<see cref="ChatUnreadCounts"/>), never a count of a room's messages. Participants and
/// their read positions are a room's business (<see cref="OneAsync"/>): the list does not show them.
/// </summary>
internal static class ChatRoomList
{
    public static async Task<PagedResult<ChatRoomSummary>> PageAsync(TheBotDbContext db, Guid me, PageRequest paging, CancellationToken ct)
    {
        // One row more than the page: when it comes back, the list goes on and only a count can tell how far.
        var rows = await PageRows(db, me, paging.Skip, paging.Size + 1).ToListAsync(ct);
        var more = rows.Count > paging.Size;
        var pageTellsTheTotal = !more && (rows.Count > 0 || paging.Skip == 0);
        var total = pageTellsTheTotal
            ? paging.Skip + rows.Count
            : await db.ChatParticipants.CountAsync(p => p.UserId == me, ct);
        var items = new List<ChatRoomSummary>(Math.Min(rows.Count, paging.Size));
        foreach (var row in more ? rows.Take(paging.Size) : rows)
        {
            items.Add(row.ToSummary());
        }

        return new PagedResult<ChatRoomSummary>(items, paging.PageNumber, paging.Size, total);
    }

    // The page of the caller's participant rows is chosen first (ordered by the room's newest activity), then only its
    // rooms are completed. Each participant row looks its room up by key: the LATERAL's OFFSET 0 keeps the planner from
    // turning that into a hash join over a sequential scan of every room, which it prefers for a hundred rows.
    // The two counts subtract what follows the read position but is not unread: deleted messages (ix_chat_messages_deleted)
    // and the reader's own live messages (room, author, sequence). Each is counted only when its bound says there can be
    // some after the position (the room's LastDeletedSequence, the participant's LastPostedSequence); a post moves its
    // author's position past their message, so both are almost always skipped.
    // A direct room's key is its two people's ids (ChatRoom.DirectKeyOf): the other person is the half that is not me.
    // The newest message's author is me or the other person of a direct room more often than not; only someone else is
    // looked up (the one-time filter of the OFFSET 0 subquery skips the lookup otherwise), and my own name once (an
    // uncorrelated subquery runs once per statement). A subject room's name is read only for subject rooms.
    private static IQueryable<ChatRoomListRow> PageRows(TheBotDbContext db, Guid me, int skip, int take) =>
        db.Database.SqlQuery<ChatRoomListRow>($"""
            SELECT page.room_id, page.kind, page.subject_id, page.created_at, page.muted,
                   CASE WHEN page.kind = 'Subject' THEN (SELECT s.name FROM subjects AS s WHERE s.id = page.subject_id)
                        ELSE other.full_name END AS title,
                   other.id AS other_id, other.avatar_key AS other_avatar_key,
                   (page.last_sequence - page.last_read_sequence
                     - CASE WHEN page.last_deleted_sequence > page.last_read_sequence
                            THEN (SELECT count(*) FROM chat_messages AS d
                                  WHERE d.room_id = page.room_id AND d.sequence > page.last_read_sequence AND d.deleted_at IS NOT NULL)
                            ELSE 0 END
                     - CASE WHEN page.last_posted_sequence > page.last_read_sequence
                            THEN (SELECT count(*) FROM chat_messages AS own
                                  WHERE own.room_id = page.room_id AND own.author_id = page.user_id AND own.sequence > page.last_read_sequence
                                    AND own.deleted_at IS NULL)
                            ELSE 0 END)::int AS unread_count,
                   page.last_message_id AS message_id, page.last_message_author_id AS message_author_id,
                   CASE page.last_message_author_id WHEN page.user_id THEN (SELECT u.full_name FROM users AS u WHERE u.id = {me})
                                    WHEN other.id THEN other.full_name ELSE author.full_name END AS message_author_name,
                   CASE page.last_message_author_id WHEN page.user_id THEN (SELECT u.role FROM users AS u WHERE u.id = {me})
                                    WHEN other.id THEN other.role ELSE author.role END AS message_author_role,
                   page.last_message_text AS message_text, page.last_message_client_message_id AS message_client_message_id,
                   page.last_message_created_at AS message_created_at, page.last_message_edited_at AS message_edited_at,
                   page.last_message_deleted_at AS message_deleted_at, page.last_message_attachment_name AS message_attachment_name,
                   page.last_message_attachment_content_type AS message_attachment_content_type,
                   page.last_message_attachment_size AS message_attachment_size
            FROM (SELECT p.room_id, p.user_id, p.last_read_sequence, p.last_posted_sequence, p.muted,
                         r.kind, r.subject_id, r.created_at, r.last_sequence, r.last_deleted_sequence,
                         r.last_message_id, r.last_message_author_id, r.last_message_text, r.last_message_client_message_id,
                         r.last_message_created_at, r.last_message_edited_at, r.last_message_deleted_at,
                         r.last_message_attachment_name, r.last_message_attachment_content_type, r.last_message_attachment_size,
                         coalesce(r.last_message_at, r.created_at) AS active_at,
                         CASE WHEN split_part(r.direct_key, ':', 1) = replace(p.user_id::text, '-', '')
                              THEN split_part(r.direct_key, ':', 2) ELSE split_part(r.direct_key, ':', 1) END AS other_id
                  FROM chat_participants AS p
                  CROSS JOIN LATERAL (SELECT r.kind, r.subject_id, r.created_at, r.last_sequence, r.last_deleted_sequence,
                                             r.last_message_at, r.direct_key, r.last_message_id, r.last_message_author_id,
                                             r.last_message_text, r.last_message_client_message_id, r.last_message_created_at,
                                             r.last_message_edited_at, r.last_message_deleted_at, r.last_message_attachment_name,
                                             r.last_message_attachment_content_type, r.last_message_attachment_size
                                      FROM chat_rooms AS r WHERE r.id = p.room_id OFFSET 0) AS r
                  WHERE p.user_id = {me}
                  ORDER BY active_at DESC, p.room_id DESC
                  LIMIT {take} OFFSET {skip}) AS page
            LEFT JOIN users AS other ON other.id = page.other_id::uuid
            LEFT JOIN LATERAL (SELECT u.full_name, u.role FROM users AS u
                               WHERE u.id = page.last_message_author_id AND page.last_message_author_id <> page.user_id
                                 AND page.last_message_author_id IS DISTINCT FROM other.id
                               OFFSET 0) AS author ON true
            ORDER BY page.active_at DESC, page.room_id DESC
            """);

    public static async Task<ChatRoomResponse?> OneAsync(TheBotDbContext db, Guid roomId, Guid me, CancellationToken ct)
    {
        var rows = await db.ChatParticipants.AsNoTracking()
            .Where(p => p.RoomId == roomId && p.UserId == me)
            .Select(Row(db))
            .ToListAsync(ct);
        return rows.Count == 0 ? null : (await CompleteAsync(db, me, rows, ct))[0];
    }

    private sealed record RoomRow(Guid RoomId, ChatRoomKind Kind, string? SubjectName, Guid? SubjectId, int UnreadCount, bool Muted, DateTimeOffset CreatedAt, long LastSequence);

    // Unread: the messages after my position, less those deleted and my own (ChatUnreadCounts), as in the list.
    private static Expression<Func<ChatParticipant, RoomRow>> Row(TheBotDbContext db) => p => new RoomRow(
        p.RoomId,
        p.Room!.Kind,
        p.Room.Subject != null ? p.Room.Subject.Name : null,
        p.Room.SubjectId,
        (int)(p.Room.LastSequence - p.LastReadSequence)
            - db.ChatMessages.Count(m => m.RoomId == p.RoomId && m.Sequence > p.LastReadSequence && m.DeletedAt != null)
            - db.ChatMessages.Count(m => m.RoomId == p.RoomId && m.AuthorId == p.UserId && m.Sequence > p.LastReadSequence && m.DeletedAt == null),
        p.Muted,
        p.Room.CreatedAt,
        p.Room.LastSequence);

    private static async Task<List<ChatRoomResponse>> CompleteAsync(TheBotDbContext db, Guid me, List<RoomRow> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        var ids = rows.Select(r => r.RoomId).ToList();
        var participants = (await db.ChatParticipants.AsNoTracking()
                .Where(p => ids.Contains(p.RoomId))
                .OrderBy(p => p.JoinedAt).ThenBy(p => p.UserId)
                .Select(p => new { p.RoomId, p.UserId, p.User!.FullName, p.User.Role, p.LastReadAt, p.User.AvatarKey })
                .ToListAsync(ct))
            .ToLookup(p => p.RoomId, p => new ChatParticipantResponse(p.UserId, p.FullName, p.Role.ToName(), p.LastReadAt, UserAvatars.UrlOf(p.UserId, p.AvatarKey)));

        var withMessages = rows.Where(r => r.LastSequence > 0).Select(r => r.RoomId).ToList();
        var lastMessages = withMessages.Count == 0
            ? []
            : (await db.ChatRooms.AsNoTracking()
                    .Where(r => withMessages.Contains(r.Id))
                    .Join(db.ChatMessages, r => new { RoomId = r.Id, Sequence = r.LastSequence }, m => new { m.RoomId, m.Sequence }, (r, m) => m)
                    .Select(ChatAccess.MessagePayload)
                    .ToListAsync(ct))
                .ToDictionary(m => m.RoomId);

        return [.. rows.Select(r =>
        {
            var people = participants[r.RoomId].ToList();
            var title = r.Kind == ChatRoomKind.Subject
                ? r.SubjectName ?? string.Empty
                : people.FirstOrDefault(p => p.Id != me)?.FullName ?? string.Empty;
            return new ChatRoomResponse(r.RoomId, r.Kind, title, r.SubjectId, people, r.UnreadCount, r.Muted, lastMessages.GetValueOrDefault(r.RoomId), r.CreatedAt);
        })];
    }
}

/// <summary>One room of the list as <see cref="ChatRoomList.PageAsync"/> reads it; the newest message's columns are null when it has none.</summary>
internal sealed record ChatRoomListRow(
    Guid RoomId, string Kind, Guid? SubjectId, DateTimeOffset CreatedAt, bool Muted, string? Title, Guid? OtherId, string? OtherAvatarKey, int UnreadCount,
    Guid? MessageId, Guid? MessageAuthorId, string? MessageAuthorName, string? MessageAuthorRole, string? MessageText,
    string? MessageClientMessageId, DateTimeOffset? MessageCreatedAt, DateTimeOffset? MessageEditedAt, DateTimeOffset? MessageDeletedAt,
    string? MessageAttachmentName, string? MessageAttachmentContentType, long? MessageAttachmentSize)
{
    /// <summary>The room as the list shows it; the newest message as <see cref="ChatAccess.MessagePayload"/> shows any message.</summary>
    public ChatRoomSummary ToSummary() => new(
        RoomId,
        Enum.Parse<ChatRoomKind>(Kind),
        Title ?? string.Empty,
        SubjectId,
        UnreadCount,
        Muted,
        MessageId is { } id ? Message(id) : null,
        CreatedAt,
        OtherId is { } other ? UserAvatars.UrlOf(other, OtherAvatarKey) : null);

    private ChatMessagePayload Message(Guid id)
    {
        var deleted = MessageDeletedAt is not null;
        return new ChatMessagePayload(
            id,
            RoomId,
            new ChatAuthor(MessageAuthorId!.Value, MessageAuthorName!, MessageAuthorRole!),
            deleted ? string.Empty : MessageText!,
            MessageClientMessageId,
            MessageCreatedAt!.Value,
            MessageEditedAt,
            MessageEditedAt is not null,
            deleted,
            MessageAttachmentName is null || deleted
                ? null
                : new ChatAttachment(MessageAttachmentName!, MessageAttachmentContentType!, MessageAttachmentSize!.Value,
                    $"/api/chat/rooms/{RoomId}/messages/{id}/attachment"));
    }
}
