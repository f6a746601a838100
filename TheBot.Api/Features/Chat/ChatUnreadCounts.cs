using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;

namespace TheBot.Api.Features.Chat;

/// <summary>
/// Keeps <see cref="ChatParticipant.UnreadCount"/> right. A new message adds one for everyone else and a
/// deleted one takes it back, in the same transaction as the message; reading (or joining) recounts.
/// A recount first locks the participant's row, then counts in a new statement: a message being stored
/// concurrently either committed before the count (and is counted once) or adds its one after it.
/// </summary>
internal static class ChatUnreadCounts
{
    /// <summary>Within the transaction that stored the message.</summary>
    public static async Task AddMessageAsync(TheBotDbContext db, ChatMessage message, CancellationToken ct)
    {
        await LockOthersAsync(db, message.RoomId, message.AuthorId, ct);
        await db.ChatParticipants
            .Where(p => p.RoomId == message.RoomId && p.UserId != message.AuthorId && p.LastReadSequence < message.Sequence)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.UnreadCount, p => p.UnreadCount + 1), ct);
    }

    /// <summary>Within the transaction that marked the message deleted (once).</summary>
    public static async Task RemoveMessageAsync(TheBotDbContext db, Guid roomId, Guid authorId, long sequence, CancellationToken ct)
    {
        await LockOthersAsync(db, roomId, authorId, ct);
        await db.ChatParticipants
            .Where(p => p.RoomId == roomId && p.UserId != authorId && p.LastReadSequence < sequence && p.UnreadCount > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.UnreadCount, p => p.UnreadCount - 1), ct);
    }

    /// <summary>The user has read the room up to <paramref name="sequence"/> (never back); recounts what is left.</summary>
    public static async Task ReadUpToAsync(TheBotDbContext db, Guid roomId, Guid userId, long sequence, DateTimeOffset now, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await LockAsync(db, roomId, [userId], ct);
        await db.ChatParticipants.Where(p => p.RoomId == roomId && p.UserId == userId)
            .ExecuteUpdateAsync(s => s
                .SetProperty(p => p.LastReadSequence, p => p.LastReadSequence < sequence ? sequence : p.LastReadSequence)
                .SetProperty(p => p.LastReadAt, now)
                .SetProperty(p => p.UnreadCount, p => db.ChatMessages.Count(m =>
                    m.RoomId == roomId
                    && m.Sequence > (p.LastReadSequence < sequence ? sequence : p.LastReadSequence)
                    && m.AuthorId != userId
                    && m.DeletedAt == null)), ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>For people who just joined a room: what is there already and unread.</summary>
    public static async Task RecountAsync(TheBotDbContext db, Guid roomId, IReadOnlyCollection<Guid> userIds, CancellationToken ct)
    {
        if (userIds.Count == 0)
        {
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await LockAsync(db, roomId, userIds, ct);
        await db.ChatParticipants.Where(p => p.RoomId == roomId && userIds.Contains(p.UserId))
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.UnreadCount, p => db.ChatMessages.Count(m =>
                m.RoomId == roomId && m.Sequence > p.LastReadSequence && m.AuthorId != p.UserId && m.DeletedAt == null)), ct);
        await transaction.CommitAsync(ct);
    }

    // Every writer takes a room's participant rows in user id order: an UPDATE alone takes them in whatever
    // order its plan reads them, and two posts into one room deadlocked (seen in the fan-out benchmark).
    private static async Task LockOthersAsync(TheBotDbContext db, Guid roomId, Guid authorId, CancellationToken ct) =>
        await db.Database.ExecuteSqlAsync(
            $"SELECT 1 FROM chat_participants WHERE room_id = {roomId} AND user_id <> {authorId} ORDER BY user_id FOR UPDATE", ct);

    private static async Task LockAsync(TheBotDbContext db, Guid roomId, IReadOnlyCollection<Guid> userIds, CancellationToken ct)
    {
        var ids = userIds.ToArray();
        await db.Database.ExecuteSqlAsync(
            $"SELECT 1 FROM chat_participants WHERE room_id = {roomId} AND user_id = ANY({ids}) ORDER BY user_id FOR UPDATE", ct);
    }
}
