using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using TheBot.Realtime.Contracts;
using TheBot.Tests.Fixtures;
using TheBot.Tests.Realtime;

namespace TheBot.Tests.Api.Chat;

public sealed class ChatTests(TheBotAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_message_posted_over_rest_reaches_the_other_participant_and_the_senders_other_device()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var roomId = await Chatting.StartRoomAsync(c.Student, c.Teacher.Id);
        await using var teacherSocket = await Chatting.ListenAsync(fixture.Host, c.Teacher, Ct);
        await using var studentOtherDevice = await Chatting.ListenAsync(fixture.Host, c.Student, Ct);

        var latencies = new List<double>();
        var lastId = Guid.Empty;
        for (var i = 0; i < 5; i++)
        {
            // Measured from just before the POST to the moment the other socket has the event (not waiting for the response).
            var text = $"Hello {i}";
            var arrival = teacherSocket.WaitAsync("messageCreated", p => p.GetProperty("message").GetProperty("text").GetString() == text)
                .ContinueWith(t => (Payload: t.Result, At: Stopwatch.GetTimestamp()), TaskScheduler.Default);
            var start = Stopwatch.GetTimestamp();
            var id = (await Chatting.PostAsync(c.Student, roomId, text, Guid.NewGuid().ToString())).Id;
            var (received, at) = await arrival;
            latencies.Add(Stopwatch.GetElapsedTime(start, at).TotalMilliseconds);
            await studentOtherDevice.WaitAsync("messageCreated", Chatting.MessageIs(id));
            Assert.Equal($"Hello {i}", received.GetProperty("message").GetProperty("text").GetString());
            Assert.Equal(c.Student.Id, received.GetProperty("message").GetProperty("author").GetProperty("id").GetGuid());
            lastId = id;
        }

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"REST post -> socket messageCreated latency (ms, from sending the POST to the event on the other participant's socket): " +
            $"min {latencies.Min():F1}, median {latencies.Order().ElementAt(latencies.Count / 2):F1}, max {latencies.Max():F1}");
        Console.WriteLine($"[chat-latency] REST post -> socket: median {latencies.Order().ElementAt(latencies.Count / 2):F1} ms, max {latencies.Max():F1} ms");

        // The list shows the teacher one room with five unread messages and the last one.
        using var rooms = await c.Teacher.Client.GetAsync("/api/chat/rooms", Ct);
        await Expect.StatusAsync(HttpStatusCode.OK, rooms);
        var room = (await rooms.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("items").EnumerateArray()
            .Single(r => r.GetProperty("id").GetGuid() == roomId);
        Assert.Equal(5, room.GetProperty("unreadCount").GetInt32());
        Assert.Equal(lastId, room.GetProperty("lastMessage").GetProperty("id").GetGuid());
        Assert.Equal("direct", room.GetProperty("kind").GetString());

        using var read = await c.Teacher.Client.PostAsync($"/api/chat/rooms/{roomId}/read", null, Ct);
        await Expect.StatusAsync(HttpStatusCode.NoContent, read);
        await studentOtherDevice.WaitAsync("roomRead", p => p.GetProperty("userId").GetGuid() == c.Teacher.Id);
        using var after = await c.Teacher.Client.GetAsync($"/api/chat/rooms/{roomId}", Ct);
        Assert.Equal(0, (await after.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("unreadCount").GetInt32());
    }

    [Fact]
    public async Task Edits_and_deletes_propagate_and_only_the_author_or_an_admin_may_make_them()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var roomId = await Chatting.StartRoomAsync(c.Teacher, c.Student.Id);
        await using var studentSocket = await Chatting.ListenAsync(fixture.Host, c.Student, Ct);
        var id = (await Chatting.PostAsync(c.Teacher, roomId, "Homework: page 12")).Id;

        using var notMine = await c.Student.Client.PatchAsJsonAsync($"/api/chat/rooms/{roomId}/messages/{id}", new { text = "hacked" }, Ct);
        await Expect.ProblemAsync(HttpStatusCode.Forbidden, notMine);
        using var cannotDelete = await c.Student.Client.DeleteAsync($"/api/chat/rooms/{roomId}/messages/{id}", Ct);
        await Expect.ProblemAsync(HttpStatusCode.Forbidden, cannotDelete);

        using var edit = await c.Teacher.Client.PatchAsJsonAsync($"/api/chat/rooms/{roomId}/messages/{id}", new { text = "Homework: page 13" }, Ct);
        await Expect.StatusAsync(HttpStatusCode.OK, edit);
        var edited = await studentSocket.WaitAsync("messageEdited", Chatting.MessageIs(id));
        Assert.Equal("Homework: page 13", edited.GetProperty("message").GetProperty("text").GetString());
        Assert.True(edited.GetProperty("message").GetProperty("edited").GetBoolean());

        using var delete = await c.Teacher.Client.DeleteAsync($"/api/chat/rooms/{roomId}/messages/{id}", Ct);
        await Expect.StatusAsync(HttpStatusCode.NoContent, delete);
        await studentSocket.WaitAsync("messageDeleted", p => p.GetProperty("messageId").GetGuid() == id);
        var stored = (await Chatting.MessagesAsync(c.Student, roomId)).GetProperty("items").EnumerateArray().Single();
        Assert.True(stored.GetProperty("deleted").GetBoolean());
        Assert.Equal("", stored.GetProperty("text").GetString());

        // An admin moderates: deletes the student's message.
        var studentMessage = (await Chatting.PostAsync(c.Student, roomId, "rude words")).Id;
        var admin = await fixture.People.AdminAsync();
        using var moderated = await admin.Client.DeleteAsync($"/api/chat/rooms/{roomId}/messages/{studentMessage}", Ct);
        await Expect.StatusAsync(HttpStatusCode.NoContent, moderated);
        await studentSocket.WaitAsync("messageDeleted", p => p.GetProperty("messageId").GetGuid() == studentMessage);
    }

    [Fact]
    public async Task A_retried_send_with_the_same_client_message_id_stores_one_message()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var roomId = await Chatting.StartRoomAsync(c.Student, c.Teacher.Id);
        var clientMessageId = Guid.NewGuid().ToString();

        var sends = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => c.Student.Client.PostAsJsonAsync(
            $"/api/chat/rooms/{roomId}/messages", new { text = "once", clientMessageId }, Ct)));
        var ids = new HashSet<Guid>();
        foreach (var send in sends)
        {
            using (send)
            {
                Assert.True(send.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, await send.Content.ReadAsStringAsync(Ct));
                ids.Add((await send.Content.ReadFromJsonAsync<ChatMessage>(Ct))!.Id);
            }
        }

        Assert.Single(ids);
        Assert.Single((await Chatting.MessagesAsync(c.Teacher, roomId)).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task An_outsider_cannot_read_post_or_type_and_receives_nothing()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var outsider = await fixture.People.CreateAsync("student");
        var roomId = await Chatting.StartRoomAsync(c.Student, c.Teacher.Id);
        await using var outsiderSocket = await Chatting.ListenAsync(fixture.Host, outsider, Ct);
        await using var teacherSocket = await Chatting.ListenAsync(fixture.Host, c.Teacher, Ct);

        using var read = await outsider.Client.GetAsync($"/api/chat/rooms/{roomId}/messages", Ct);
        await Expect.ProblemAsync(HttpStatusCode.NotFound, read);
        using var post = await outsider.Client.PostAsJsonAsync($"/api/chat/rooms/{roomId}/messages", new { text = "let me in" }, Ct);
        await Expect.ProblemAsync(HttpStatusCode.NotFound, post);
        using var room = await outsider.Client.GetAsync($"/api/chat/rooms/{roomId}", Ct);
        await Expect.ProblemAsync(HttpStatusCode.NotFound, room);
        using var markRead = await outsider.Client.PostAsync($"/api/chat/rooms/{roomId}/read", null, Ct);
        await Expect.ProblemAsync(HttpStatusCode.NotFound, markRead);
        await Assert.ThrowsAsync<HubException>(() => outsiderSocket.Connection.InvokeAsync("Typing", roomId, Ct));
        await Assert.ThrowsAsync<HubException>(() => outsiderSocket.Connection.InvokeAsync("OpenRoom", roomId, Ct));

        var message = await Chatting.PostAsync(c.Student, roomId, "private");
        await teacherSocket.WaitAsync("messageCreated", Chatting.MessageIs(message.Id));
        await RealtimeProbe.PublishAsync(fixture.Host, "fence", RealtimeAudience.ToUsers(outsider.Id), new { });
        await outsiderSocket.WaitAsync("fence", _ => true);

        Assert.DoesNotContain(outsiderSocket.Events, e => e.Name is "messageCreated" or "typing" or "roomRead");
    }

    [Fact]
    public async Task Typing_reaches_only_the_other_participants()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var outsider = await fixture.People.CreateAsync("teacher");
        var roomId = await Chatting.StartRoomAsync(c.Student, c.Teacher.Id);
        await using var student = await Chatting.ListenAsync(fixture.Host, c.Student, Ct);
        await using var teacher = await Chatting.ListenAsync(fixture.Host, c.Teacher, Ct);
        await using var bystander = await Chatting.ListenAsync(fixture.Host, outsider, Ct);

        await student.Connection.InvokeAsync("Typing", roomId, Ct);
        await student.Connection.InvokeAsync("Typing", roomId, Ct); // within a second: dropped

        var typing = await teacher.WaitAsync("typing", p => p.GetProperty("roomId").GetGuid() == roomId);
        Assert.Equal(c.Student.Id, typing.GetProperty("userId").GetGuid());
        await RealtimeProbe.PublishAsync(fixture.Host, "fence", RealtimeAudience.ToUsers(outsider.Id, c.Teacher.Id, c.Student.Id), new { });
        await bystander.WaitAsync("fence", _ => true);
        await teacher.WaitAsync("fence", _ => true);
        await student.WaitAsync("fence", _ => true);

        Assert.Equal(1, teacher.Count("typing", _ => true));
        Assert.Equal(0, student.Count("typing", _ => true));
        Assert.Equal(0, bystander.Count("typing", _ => true));
    }

    [Fact]
    public async Task A_client_that_reconnects_catches_up_with_after()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var roomId = await Chatting.StartRoomAsync(c.Student, c.Teacher.Id);
        var teacher = await Chatting.ListenAsync(fixture.Host, c.Teacher, Ct);
        var first = (await Chatting.PostAsync(c.Student, roomId, "one")).Id;
        await teacher.WaitAsync("messageCreated", Chatting.MessageIs(first));

        // The socket drops; the conversation goes on.
        await teacher.DisposeAsync();
        var missed = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            missed.Add((await Chatting.PostAsync(c.Student, roomId, $"missed {i}")).Id);
        }

        await using var reconnected = await Chatting.ListenAsync(fixture.Host, c.Teacher, Ct);
        var caughtUp = await Chatting.MessagesAsync(c.Teacher, roomId, $"?after={first}");
        Assert.Equal(missed, caughtUp.ItemIds());
        Assert.False(caughtUp.GetProperty("hasMore").GetBoolean());

        // Paging both ways: two at a time, backwards from the newest and forwards from the first.
        var newest = await Chatting.MessagesAsync(c.Teacher, roomId, "?limit=2");
        Assert.Equal(missed[1..], newest.ItemIds());
        Assert.True(newest.GetProperty("hasMore").GetBoolean());
        var older = await Chatting.MessagesAsync(c.Teacher, roomId, $"?before={missed[1]}&limit=2");
        Assert.Equal([first, missed[0]], older.ItemIds());
        Assert.False(older.GetProperty("hasMore").GetBoolean());
        var forward = await Chatting.MessagesAsync(c.Teacher, roomId, $"?after={first}&limit=2");
        Assert.True(forward.GetProperty("hasMore").GetBoolean());

        // And live again.
        var next = (await Chatting.PostAsync(c.Student, roomId, "live again")).Id;
        await reconnected.WaitAsync("messageCreated", Chatting.MessageIs(next));
    }

    [Fact]
    public async Task A_subject_room_follows_enrollments_and_a_dropped_student_stops_receiving_at_once()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        using var rooms = await c.Student.Client.GetAsync("/api/chat/rooms", Ct);
        var subjectRoom = (await rooms.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("items").EnumerateArray()
            .Single(r => r.GetProperty("kind").GetString() == "subject" && r.GetProperty("subjectId").GetGuid() == c.SubjectId);
        var roomId = subjectRoom.GetProperty("id").GetGuid();
        Assert.False(subjectRoom.TryGetProperty("participants", out _), "The list leaves who is in a room to the room itself.");
        using (var room = await c.Student.Client.GetAsync($"/api/chat/rooms/{roomId}", Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, room);
            Assert.Contains((await room.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("participants").EnumerateArray(),
                p => p.GetProperty("id").GetGuid() == c.Teacher.Id);
        }

        await using var student = await Chatting.ListenAsync(fixture.Host, c.Student, Ct);
        var hello = (await Chatting.PostAsync(c.Teacher, roomId, "Welcome to the class")).Id;
        await student.WaitAsync("messageCreated", Chatting.MessageIs(hello));

        using var drop = await c.Tutor.Client.PatchAsJsonAsync($"/api/enrollments/{c.EnrollmentId}", new { status = "dropped" }, Ct);
        await Expect.StatusAsync(HttpStatusCode.OK, drop);
        await student.WaitAsync("roomLeft", p => p.GetProperty("roomId").GetGuid() == roomId);

        var secret = (await Chatting.PostAsync(c.Teacher, roomId, "after you left")).Id;
        await RealtimeProbe.PublishAsync(fixture.Host, "fence", RealtimeAudience.ToUsers(c.Student.Id), new { });
        await student.WaitAsync("fence", _ => true);
        Assert.Equal(0, student.Count("messageCreated", Chatting.MessageIs(secret)));
        using var read = await c.Student.Client.GetAsync($"/api/chat/rooms/{roomId}/messages", Ct);
        await Expect.ProblemAsync(HttpStatusCode.NotFound, read);
    }

    [Fact]
    public async Task Message_text_is_limited_to_ten_thousand_characters()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var roomId = await Chatting.StartRoomAsync(c.Student, c.Teacher.Id);

        using var tooLong = await c.Student.Client.PostAsJsonAsync($"/api/chat/rooms/{roomId}/messages", new { text = new string('a', 10_001) }, Ct);
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, tooLong);
        using var blank = await c.Student.Client.PostAsJsonAsync($"/api/chat/rooms/{roomId}/messages", new { text = "   " }, Ct);
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, blank);
        var longest = await Chatting.PostAsync(c.Student, roomId, new string('a', 10_000));
        Assert.Equal(10_000, longest.Text.Length);
    }

    [Fact]
    public async Task A_file_attached_to_a_message_reaches_the_room_and_only_participants_can_download_it()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var outsider = await fixture.People.CreateAsync("teacher");
        var roomId = await Chatting.StartRoomAsync(c.Student, c.Teacher.Id);
        await using var teacher = await Chatting.ListenAsync(fixture.Host, c.Teacher, Ct);

        using var form = new MultipartFormDataContent();
        form.Add(new StringContent("my essay"), "text");
        form.Add(new StringContent("essay-1"), "clientMessageId");
        var bytes = System.Text.Encoding.UTF8.GetBytes("Essay about rivers.\nThe Volga is long.\n");
        form.Add(new ByteArrayContent(bytes), "file", "essay.txt");
        using var upload = await c.Student.Client.PostAsync($"/api/chat/rooms/{roomId}/attachments", form, Ct);
        await Expect.StatusAsync(HttpStatusCode.Created, upload);
        var message = await upload.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var url = message.GetProperty("attachment").GetProperty("url").GetString()!;

        var live = await teacher.WaitAsync("messageCreated", Chatting.MessageIs(message.GetProperty("id").GetGuid()));
        Assert.Equal("essay.txt", live.GetProperty("message").GetProperty("attachment").GetProperty("fileName").GetString());
        using var download = await c.Teacher.Client.GetAsync(url, Ct);
        await Expect.StatusAsync(HttpStatusCode.OK, download);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync(Ct));
        using var forbidden = await outsider.Client.GetAsync(url, Ct);
        await Expect.ProblemAsync(HttpStatusCode.NotFound, forbidden);
    }
}
