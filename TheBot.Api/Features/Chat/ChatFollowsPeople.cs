using TheBot.Api.Features.Enrollments;
using TheBot.Api.Features.Users;

namespace TheBot.Api.Features.Chat;

/// <summary>Who may chat with whom follows roles, active state, tutors, parents and enrollments: the rooms (and realtime's room cache) follow them.</summary>
public sealed class ChatFollowsPeople(ChatRooms rooms) : IAccountChangeFollower, IEnrollmentChangeFollower
{
    public Task AccessChangedAsync(Guid userId, CancellationToken ct) => rooms.RecheckDirectRoomsOfAsync(userId, ct);

    public Task StudentPeopleChangedAsync(Guid studentId, IReadOnlyCollection<Guid> formerPeople, CancellationToken ct) =>
        rooms.RecheckDirectRoomsAsync(studentId, formerPeople, ct);

    public async Task EnrollmentChangedAsync(Guid subjectId, Guid teacherId, Guid studentId, CancellationToken ct)
    {
        await rooms.SyncSubjectRoomAsync(subjectId, teacherId, ct);
        await rooms.RecheckDirectRoomsAsync(studentId, [], ct);
    }
}
