using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Realtime;

/// <summary>Two realtime replicas behind the front door: events and presence reach connections on either.</summary>
[Collection(ScaleOutAppFixture.Collection)]
public sealed class RealtimeScaleOutTests(ScaleOutAppFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record ReplicaInfo(string ConnectionId, string Replica);

    /// <summary>
    /// Opens connections of the user until two of them sit on different replicas (for up to 30 s: the front door
    /// balances over the replicas it has found healthy, and a replica may join moments after the app is up); closes the rest.
    /// </summary>
    private async Task<(Listener First, Listener Second)> OnTwoReplicasAsync(SignedIn user)
    {
        var byReplica = new Dictionary<string, Listener>();
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (byReplica.Count < 2 && DateTimeOffset.UtcNow < deadline)
        {
            var listener = await Chatting.ListenAsync(app.Host, user, Ct);
            var info = await listener.Connection.InvokeAsync<ReplicaInfo>("GetConnectionInfo", Ct);
            if (!byReplica.TryAdd(info.Replica, listener))
            {
                await listener.DisposeAsync();
            }
        }

        Assert.True(byReplica.Count == 2, $"All connections landed on one replica: {string.Join(", ", byReplica.Keys)}");
        var pair = byReplica.Values.ToList();
        return (pair[0], pair[1]);
    }

    [Fact]
    public async Task A_message_reaches_connections_on_both_replicas_and_presence_is_shared()
    {
        var tutor = await app.People.CreateAsync("tutor");
        var teacher = await app.People.CreateAsync("teacher");
        var subjectId = await app.Learning.CreateSubjectAsync();
        await app.Learning.TeachAsync(teacher, subjectId);
        var family = await app.Learning.CreateFamilyAsync(tutor);
        await app.Learning.EnrollAsync(tutor, family.Student.Id, subjectId, teacher.Id);
        var roomId = await Chatting.StartRoomAsync(family.Student, teacher.Id);

        var (onFirst, onSecond) = await OnTwoReplicasAsync(teacher);
        await using var first = onFirst;
        await using var second = onSecond;

        var message = (await Chatting.PostAsync(family.Student, roomId, "across replicas")).Id;
        var isMessage = Chatting.MessageIs(message);
        await first.WaitAsync("messageCreated", isMessage);
        await second.WaitAsync("messageCreated", isMessage);

        // Presence: the student comes online (on whichever replica); both of the teacher's connections hear it
        // and both replicas report the student online; then offline once the student leaves.
        var student = await Chatting.ListenAsync(app.Host, family.Student, Ct);
        Func<JsonElement, bool> studentOnline = p => p.GetProperty("userId").GetGuid() == family.Student.Id && p.GetProperty("online").GetBoolean();
        await first.WaitAsync("presence", studentOnline);
        await second.WaitAsync("presence", studentOnline);
        Assert.Contains(family.Student.Id, await first.Connection.InvokeAsync<Guid[]>("GetPresence", new[] { family.Student.Id }, Ct));
        Assert.Contains(family.Student.Id, await second.Connection.InvokeAsync<Guid[]>("GetPresence", new[] { family.Student.Id }, Ct));

        await student.DisposeAsync();
        Func<JsonElement, bool> studentOffline = p => p.GetProperty("userId").GetGuid() == family.Student.Id && !p.GetProperty("online").GetBoolean();
        await first.WaitAsync("presence", studentOffline);
        await second.WaitAsync("presence", studentOffline);
        Assert.Empty(await second.Connection.InvokeAsync<Guid[]>("GetPresence", new[] { family.Student.Id }, Ct));

        // Each event reached each connection once, however many replicas relay.
        Assert.Equal(1, first.Count("messageCreated", isMessage));
        Assert.Equal(1, second.Count("messageCreated", isMessage));
    }

    [Fact]
    public async Task Typing_reaches_the_rooms_other_connections_on_both_replicas_but_not_the_typing_one()
    {
        var tutor = await app.People.CreateAsync("tutor");
        var teacher = await app.People.CreateAsync("teacher");
        var subjectId = await app.Learning.CreateSubjectAsync();
        await app.Learning.TeachAsync(teacher, subjectId);
        var family = await app.Learning.CreateFamilyAsync(tutor);
        await app.Learning.EnrollAsync(tutor, family.Student.Id, subjectId, teacher.Id);
        var roomId = await Chatting.StartRoomAsync(family.Student, teacher.Id);

        var (teacherOnFirst, teacherOnSecond) = await OnTwoReplicasAsync(teacher);
        await using var teacherFirst = teacherOnFirst;
        await using var teacherSecond = teacherOnSecond;
        // The student types on one device; their other device, on the other replica, hears it too (only the
        // typing connection is left out, as SignalR's OthersInGroup did).
        var (studentOnFirst, studentOnSecond) = await OnTwoReplicasAsync(family.Student);
        await using var typist = studentOnFirst;
        await using var otherDevice = studentOnSecond;

        await typist.Connection.InvokeAsync("Typing", roomId, Ct);

        Func<JsonElement, bool> studentTyping = p => p.GetProperty("roomId").GetGuid() == roomId && p.GetProperty("userId").GetGuid() == family.Student.Id;
        await teacherFirst.WaitAsync("typing", studentTyping);
        await teacherSecond.WaitAsync("typing", studentTyping);
        await otherDevice.WaitAsync("typing", studentTyping);
        // Published after the typing reached the others: once the typist has it, the typing had its chance too.
        await RealtimeProbe.PublishAsync(app.Host, "fence", TheBot.Realtime.Contracts.RealtimeAudience.ToUsers(family.Student.Id), new { });
        await typist.WaitAsync("fence", _ => true);

        Assert.Equal(0, typist.Count("typing", _ => true));
        Assert.Equal(1, teacherFirst.Count("typing", studentTyping));
        Assert.Equal(1, teacherSecond.Count("typing", studentTyping));
    }

    [Fact]
    public async Task Signing_out_closes_the_sessions_sockets_on_every_replica_at_once()
    {
        var user = await app.People.CreateAsync("student");
        var (onFirst, onSecond) = await OnTwoReplicasAsync(user);
        await using var first = onFirst;
        await using var second = onSecond;
        var closed = Task.WhenAll(first.Connection.WhenClosed(), second.Connection.WhenClosed());

        using (var logout = await user.Client.PostAsync("/api/auth/logout", null, Ct))
        {
            await Expect.StatusAsync(System.Net.HttpStatusCode.NoContent, logout);
        }

        await closed.WaitAsync(TimeSpan.FromSeconds(15), Ct);
    }

    [Fact]
    public async Task Deactivating_a_user_closes_their_sockets_on_every_replica_and_no_replica_lets_them_back()
    {
        var admin = await app.People.CreateAsync("admin");
        var user = await app.People.CreateAsync("teacher");
        var (onFirst, onSecond) = await OnTwoReplicasAsync(user);
        await using var first = onFirst;
        await using var second = onSecond;
        var closed = Task.WhenAll(first.Connection.WhenClosed(), second.Connection.WhenClosed());

        using (var deactivate = await admin.Client.DeleteAsync($"/api/admin/users/{user.Id}", Ct))
        {
            await Expect.StatusAsync(System.Net.HttpStatusCode.NoContent, deactivate);
        }

        await closed.WaitAsync(TimeSpan.FromSeconds(15), Ct);
        // The front door spreads new connections over both replicas: each attempt is refused.
        for (var i = 0; i < 4; i++)
        {
            await using var again = RealtimeProbe.Connect(app.Host, user.AccessToken);
            var error = await Assert.ThrowsAnyAsync<Exception>(() => again.StartJoinedAsync(Ct));
            Assert.Contains("401", error.Message, StringComparison.Ordinal);
        }
    }
}
