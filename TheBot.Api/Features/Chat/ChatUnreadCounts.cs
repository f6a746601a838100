using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;

namespace TheBot.Api.Features.Chat;

/// <summary>
/// Unread counts without a counter per member. A room's sequences have no gaps (<see cref="ChatRoom.LastSequence"/>),
/// so <c>LastSequence − LastReadSequence</c> messages follow a reader's position; of those, the ones deleted and the
/// reader's own are not unread, and both are counted from small indexes (ix_chat_messages_deleted, and room, author,
/// sequence): deletions are rare, and posting moves the author's own position past their message, so the range is
/// almost always empty. A post or a delete therefore writes no member's row; reading moves one row forward only.
/// </summary>
internal static class ChatUnreadCounts
{
    /// <summary>The user has read the room up to <paramref name="sequence"/> (never back: two devices may race).</summary>
    public static Task<int> ReadUpToAsync(TheBotDbContext db, Guid roomId, Guid userId, long sequence, DateTimeOffset now, CancellationToken ct) =>
        db.ChatParticipants.Where(p => p.RoomId == roomId && p.UserId == userId)
            .ExecuteUpdateAsync(s => s
                .SetProperty(p => p.LastReadSequence, p => p.LastReadSequence < sequence ? sequence : p.LastReadSequence)
                .SetProperty(p => p.LastReadAt, now), ct);
}
