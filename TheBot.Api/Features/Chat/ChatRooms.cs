using Microsoft.EntityFrameworkCore;
using Npgsql;
using TheBot.Api.Data;
using TheBot.Api.Features.Enrollments;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Auth;
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
        // Someone who comes back finds their own earlier messages there: the room list must know to take them off.
        var posted = room.LastSequence == 0 || joined.Count == 0
            ? []
            : await db.ChatMessages.Where(m => m.RoomId == room.Id && joined.Contains(m.AuthorId))
                .GroupBy(m => m.AuthorId).Select(g => new { AuthorId = g.Key, Last = g.Max(m => m.Sequence) })
                .ToDictionaryAsync(x => x.AuthorId, x => x.Last, ct);
        foreach (var userId in joined)
        {
            room.Participants.Add(new ChatParticipant { RoomId = room.Id, UserId = userId, JoinedAt = now, LastPostedSequence = posted.GetValueOrDefault(userId) });
        }

        foreach (var participant in left)
        {
            room.Participants.Remove(participant);
        }

        if (joined.Count == 0 && left.Count == 0)
        {
            return;
        }

        // Those who join find the room's messages unread: their position starts at 0 (ChatUnreadCounts).
        await db.SaveChangesAsync(ct);
        await AnnounceAsync(room.Id, joined, left.Select(p => p.UserId).ToList(), ct);
    }

    /// <summary>
    /// After the relationships around a student changed (an enrollment began or ended, another tutor, a
    /// parent linked): the direct rooms between the people around the student are judged again, and
    /// realtime's membership follows — a room whose pair may no longer chat loses both from its group (no
    /// typing, no events reach them), one whose pair may chat again regains them. The database decides
    /// posts and reads on every request (ChatApi); this keeps the cache from saying "allowed" after it.
    /// </summary>
    /// <param name="formerPeople">People who were around the student until this change (a replaced tutor).</param>
    public async Task RecheckDirectRoomsAsync(Guid studentId, IReadOnlyCollection<Guid> formerPeople, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(formerPeople);
        var circle = await db.StudentProfiles.Where(p => p.UserId == studentId).Select(p => p.UserId)
            .Concat(db.StudentProfiles.Where(p => p.UserId == studentId && p.TutorId != null).Select(p => p.TutorId!.Value))
            .Concat(db.StudentParents.Where(sp => sp.StudentId == studentId).Select(sp => sp.ParentId))
            .Concat(db.Enrollments.Where(e => e.StudentId == studentId).Select(e => e.TeacherId))
            .ToListAsync(ct);
        var people = circle.Concat(formerPeople).Distinct().ToList();
        var rows = await db.ChatParticipants.AsNoTracking()
            .Where(p => people.Contains(p.UserId) && p.Room!.Kind == ChatRoomKind.Direct)
            .Select(p => new DirectMember(p.RoomId, p.UserId, p.User!.Role))
            .ToListAsync(ct);
        // A direct room has two participants: both in the circle means the room is between two of them.
        await RecheckAsync(rows.GroupBy(r => r.RoomId).Where(g => g.Count() == 2), ct);
    }

    /// <summary>After a person's role or active state changed: each of their direct rooms is judged again.</summary>
    public async Task RecheckDirectRoomsOfAsync(Guid userId, CancellationToken ct)
    {
        var rows = await db.ChatParticipants.AsNoTracking()
            .Where(p => p.Room!.Kind == ChatRoomKind.Direct && db.ChatParticipants.Any(me => me.RoomId == p.RoomId && me.UserId == userId))
            .Select(p => new DirectMember(p.RoomId, p.UserId, p.User!.Role))
            .ToListAsync(ct);
        await RecheckAsync(rows.GroupBy(r => r.RoomId).Where(g => g.Count() == 2), ct);
    }

    private async Task RecheckAsync(IEnumerable<IGrouping<Guid, DirectMember>> rooms, CancellationToken ct)
    {
        foreach (var room in rooms)
        {
            var (first, second) = (room.First(), room.Last());
            Guid[] pair = [first.UserId, second.UserId];
            if (await ChatAccess.CanStartDirectAsync(db, first.UserId, first.Role, second.UserId, ct))
            {
                await membership.JoinedAsync(room.Key, pair);
            }
            else
            {
                await membership.LeftAsync(room.Key, pair);
            }
        }
    }

    private sealed record DirectMember(Guid RoomId, Guid UserId, UserRole Role);

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
