using Microsoft.EntityFrameworkCore;
using Npgsql;
using TheBot.Api.Data;
using TheBot.Api.Features.Enrollments;
using TheBot.Api.Platform.Realtime;
using TheBot.Realtime.Contracts;

namespace TheBot.Api.Features.Chat;

/// <summary>
/// Subject rooms follow enrollments: a teacher's room for a subject holds the teacher and every
/// student actively enrolled with them in it. Enrollments call <see cref="SyncSubjectRoomAsync"/>
/// after each change; people who join or leave are announced to realtime (group membership).
/// </summary>
public sealed class ChatRooms(TheBotDbContext db, ChatMembershipCache membership, IRealtimePublisher realtime, TimeProvider clock)
{
    public async Task SyncSubjectRoomAsync(Guid subjectId, Guid teacherId, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await SyncOnceAsync(subjectId, teacherId, ct);
                return;
            }
            catch (DbUpdateException ex) when (attempt < 2 && ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                // Another request synced the same room at the same time; look again.
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task SyncOnceAsync(Guid subjectId, Guid teacherId, CancellationToken ct)
    {
        var students = await db.Enrollments
            .Where(e => e.SubjectId == subjectId && e.TeacherId == teacherId && e.Status == EnrollmentStatus.Active)
            .Select(e => e.StudentId).Distinct().ToListAsync(ct);
        var room = await db.ChatRooms.Include(r => r.Participants)
            .FirstOrDefaultAsync(r => r.Kind == ChatRoomKind.Subject && r.SubjectId == subjectId && r.TeacherId == teacherId, ct);
        if (room is null && students.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        if (room is null)
        {
            room = new ChatRoom { Id = Guid.CreateVersion7(), Kind = ChatRoomKind.Subject, SubjectId = subjectId, TeacherId = teacherId, CreatedAt = now };
            db.ChatRooms.Add(room);
        }

        var desired = students.Append(teacherId).ToHashSet();
        var joined = desired.Where(id => room.Participants.All(p => p.UserId != id)).ToList();
        var left = room.Participants.Where(p => !desired.Contains(p.UserId)).ToList();
        foreach (var userId in joined)
        {
            room.Participants.Add(new ChatParticipant { RoomId = room.Id, UserId = userId, JoinedAt = now });
        }

        foreach (var participant in left)
        {
            room.Participants.Remove(participant);
        }

        if (joined.Count == 0 && left.Count == 0)
        {
            return;
        }

        await db.SaveChangesAsync(ct);
        await ChatUnreadCounts.RecountAsync(db, room.Id, joined, ct);
        await AnnounceAsync(room.Id, joined, left.Select(p => p.UserId).ToList(), ct);
    }

    /// <summary>After a commit: realtime moves connections in or out of the room's group; the people hear of it.</summary>
    public async Task AnnounceAsync(Guid roomId, IReadOnlyCollection<Guid> joined, IReadOnlyCollection<Guid> left, CancellationToken ct)
    {
        if (joined.Count > 0)
        {
            await membership.JoinedAsync(roomId, joined);
            await realtime.PublishAsync(ChatEventNames.RoomJoined, RealtimeAudience.ToUsers([.. joined]), new RoomJoinedEvent(roomId), ct);
        }

        if (left.Count > 0)
        {
            await membership.LeftAsync(roomId, left);
            await realtime.PublishAsync(ChatEventNames.RoomLeft, RealtimeAudience.ToUsers([.. left]), new RoomLeftEvent(roomId), ct);
        }
    }
}
