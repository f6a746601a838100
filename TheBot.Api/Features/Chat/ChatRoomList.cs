using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Auth;
using TheBot.Api.Platform.Paging;

namespace TheBot.Api.Features.Chat;

/// <summary>
/// The caller's rooms with unread counts, participants and last messages in four queries (count, rooms,
/// participants, last messages by key) whatever the page holds. Correlated "first message of each room"
/// inside one projection made EF rank every message of every room (a window over the whole table):
/// 2.4 s for a user in 100 rooms of the benchmark data. The newest message is read by its key (room,
/// <see cref="ChatRoom.LastSequence"/>), and unread counts are arithmetic on sequences
/// (<see cref="ChatUnreadCounts"/>): counting messages here was two thirds of the list's database time.
/// </summary>
internal static class ChatRoomList
{
    public static async Task<PagedResult<ChatRoomResponse>> PageAsync(TheBotDbContext db, Guid me, PageRequest paging, CancellationToken ct)
    {
        var mine = db.ChatParticipants.AsNoTracking().Where(p => p.UserId == me);
        var total = await mine.CountAsync(ct);
        var rows = total == 0
            ? []
            : await mine
                .OrderByDescending(p => p.Room!.LastMessageAt ?? p.Room.CreatedAt).ThenByDescending(p => p.RoomId)
                .Skip(paging.Skip).Take(paging.Size)
                .Select(Row(db))
                .ToListAsync(ct);
        return new PagedResult<ChatRoomResponse>(await CompleteAsync(db, me, rows, ct), paging.PageNumber, paging.Size, total);
    }

    public static async Task<ChatRoomResponse?> OneAsync(TheBotDbContext db, Guid roomId, Guid me, CancellationToken ct)
    {
        var rows = await db.ChatParticipants.AsNoTracking()
            .Where(p => p.RoomId == roomId && p.UserId == me)
            .Select(Row(db))
            .ToListAsync(ct);
        return rows.Count == 0 ? null : (await CompleteAsync(db, me, rows, ct))[0];
    }

    private sealed record RoomRow(Guid RoomId, ChatRoomKind Kind, string? SubjectName, Guid? SubjectId, int UnreadCount, bool Muted, DateTimeOffset CreatedAt, long LastSequence);

    // Unread: the messages after my position, less those deleted and my own (ChatUnreadCounts): two counts,
    // each a range of its own index that is empty unless messages were deleted or I wrote without reading.
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
                .Select(p => new { p.RoomId, p.UserId, p.User!.FullName, p.User.Role, p.LastReadAt })
                .ToListAsync(ct))
            .ToLookup(p => p.RoomId, p => new ChatParticipantResponse(p.UserId, p.FullName, p.Role.ToName(), p.LastReadAt));

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
