using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using TheBot.Realtime.Contracts;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Realtime;

/// <summary>
/// How realtime relays api's events: each replica writes them to its own connections, what queued up together goes
/// out together, and none of that may reorder, duplicate or drop an event.
/// </summary>
public sealed class RealtimeRelayTests(TheBotAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Events_published_back_to_back_reach_a_member_once_each_in_the_order_published()
    {
        var admin = await fixture.People.CreateAsync("admin");
        var student = await fixture.People.CreateAsync("student");
        var roomId = await Chatting.StartRoomAsync(admin, student.Id);
        await using var connection = RealtimeProbe.Connect(fixture.Host, student.AccessToken);
        var marker = Guid.NewGuid().ToString();
        var received = new ConcurrentQueue<int>();
        const int Count = 300;
        var last = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.On<JsonElement>("burst", payload =>
        {
            if (payload.GetProperty("marker").GetString() == marker)
            {
                var n = payload.GetProperty("n").GetInt32();
                received.Enqueue(n);
                if (n == Count - 1)
                {
                    last.TrySetResult();
                }
            }
        });
        await connection.StartJoinedAsync(Ct);

        // Pipelined on one Redis connection, so realtime finds many queued at once and relays them together. Every
        // third event names both the student and their room: the one connection in both groups still gets it once.
        await RealtimeProbe.PublishManyAsync(fixture.Host, Enumerable.Range(0, Count).Select(n => (
            "burst",
            n % 3 == 0 ? new RealtimeAudience(Users: [student.Id], Rooms: [roomId]) : n % 3 == 1 ? RealtimeAudience.ToRoom(roomId) : RealtimeAudience.ToUsers(student.Id),
            (object)new { marker, n })));
        await last.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        // A fence after the burst: once it has arrived, a duplicate of any burst event would have too.
        var fence = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.On<JsonElement>("fence", _ => fence.TrySetResult());
        await RealtimeProbe.PublishAsync(fixture.Host, "fence", RealtimeAudience.ToUsers(student.Id), new { });
        await fence.Task.WaitAsync(TimeSpan.FromSeconds(15), Ct);

        Assert.Equal(Enumerable.Range(0, Count), received);
    }

    [Fact]
    public async Task A_membership_change_applies_before_the_events_published_after_it_and_never_reaches_a_client()
    {
        var student = await fixture.People.CreateAsync("student");
        var roomId = Guid.NewGuid();
        await using var connection = RealtimeProbe.Connect(fixture.Host, student.AccessToken);
        var marker = Guid.NewGuid().ToString();
        var received = new ConcurrentQueue<int>();
        var internalEvents = 0;
        connection.On<JsonElement>("burst", payload =>
        {
            if (payload.GetProperty("marker").GetString() == marker)
            {
                received.Enqueue(payload.GetProperty("n").GetInt32());
            }
        });
        connection.On<JsonElement>(ChatMembership.ChangeEvent, _ => Interlocked.Increment(ref internalEvents));
        var fence = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.On<JsonElement>("fence", payload =>
        {
            if (payload.GetProperty("marker").GetString() == marker)
            {
                fence.TrySetResult();
            }
        });
        await connection.StartJoinedAsync(Ct);

        // Pipelined back to back, as api publishes a room's creation and its first message: the event right after
        // the join reaches the new member; the one right after the leave does not.
        var toStudent = RealtimeAudience.ToUsers(student.Id);
        var toRoom = RealtimeAudience.ToRoom(roomId);
        await RealtimeProbe.PublishManyAsync(fixture.Host, [
            ("burst", toRoom, new { marker, n = 0 }),
            (ChatMembership.ChangeEvent, toStudent, new RoomMembershipChange(student.Id, roomId, Joined: true)),
            ("burst", toRoom, new { marker, n = 1 }),
            ("burst", toRoom, new { marker, n = 2 }),
            (ChatMembership.ChangeEvent, toStudent, new RoomMembershipChange(student.Id, roomId, Joined: false)),
            ("burst", toRoom, new { marker, n = 3 }),
            ("fence", toStudent, new { marker }),
        ]);
        await fence.Task.WaitAsync(TimeSpan.FromSeconds(15), Ct);

        Assert.Equal([1, 2], received);
        Assert.Equal(0, Volatile.Read(ref internalEvents));
    }
}
