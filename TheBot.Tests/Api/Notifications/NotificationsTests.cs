using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Notifications;

public sealed class NotificationsTests(TheBotAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> ListAsync(SignedIn user, string query = "")
    {
        using var response = await user.Client.GetAsync($"/api/notifications{query}", Ct);
        await Expect.StatusAsync(HttpStatusCode.OK, response);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    [Fact]
    public async Task A_broadcast_to_a_role_reaches_connected_members_live_and_is_stored_for_those_offline()
    {
        var online = await fixture.People.CreateAsync("tutor");
        var offline = await fixture.People.CreateAsync("tutor");
        var notTargeted = await fixture.People.CreateAsync("parent");
        await using var onlineSocket = await Chatting.ListenAsync(fixture.Host, online, Ct);
        await using var parentSocket = await Chatting.ListenAsync(fixture.Host, notTargeted, Ct);
        var admin = await fixture.People.AdminAsync();
        var title = $"Centre closed {Guid.NewGuid():N}"[..40];

        using var response = await admin.Client.PostAsJsonAsync("/api/admin/broadcasts",
            new { title, body = "Holiday on Monday", role = "tutor", priority = "high" }, Ct);
        var id = await Expect.AcceptedAsync(response);

        var live = await onlineSocket.WaitAsync("notification", p => p.GetProperty("title").GetString() == title, TimeSpan.FromSeconds(30));
        Assert.Equal("broadcast", live.GetProperty("type").GetString());
        Assert.Equal("high", live.GetProperty("priority").GetString());

        // The fan-out goes in chunks: the online tutor's copy may come before the offline one's is stored.
        var body = await WaitUntilCompletedAsync(admin, id);
        Assert.True(body.GetProperty("recipientCount").GetInt32() >= 2);
        var stored = await ListAsync(offline);
        Assert.Contains(stored.GetProperty("items").EnumerateArray(), n => n.GetProperty("title").GetString() == title);
        Assert.DoesNotContain((await ListAsync(notTargeted)).GetProperty("items").EnumerateArray(), n => n.GetProperty("title").GetString() == title);
        Assert.Equal(0, parentSocket.Count("notification", p => p.GetProperty("title").GetString() == title));

        using var byTutor = await online.Client.PostAsJsonAsync("/api/admin/broadcasts", new { title = "x", everyone = true }, Ct);
        await Expect.ProblemAsync(HttpStatusCode.Forbidden, byTutor);
        using var twoAudiences = await admin.Client.PostAsJsonAsync("/api/admin/broadcasts", new { title = "x", everyone = true, role = "tutor" }, Ct);
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, twoAudiences);
    }

    [Fact]
    public async Task A_new_message_notifies_a_participant_who_does_not_have_the_room_open()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var roomId = await Chatting.StartRoomAsync(c.Student, c.Teacher.Id);
        await using var teacher = await Chatting.ListenAsync(fixture.Host, c.Teacher, Ct);

        await Chatting.PostAsync(c.Student, roomId, "Are we meeting today?");
        var notification = await teacher.WaitAsync("notification", p => p.GetProperty("type").GetString() == "chatMessage");
        Assert.Equal($"/chat/{roomId}", notification.GetProperty("link").GetString());

        // With the room open on a device: the notification, once read, is not raised again by the next message.
        var raised = Assert.Single((await ListAsync(c.Teacher)).GetProperty("items").EnumerateArray(), n => n.GetProperty("type").GetString() == "chatMessage");
        using (var read = await c.Teacher.Client.PostAsync($"/api/notifications/{raised.GetProperty("id").GetGuid()}/read", null, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.NoContent, read);
        }

        await teacher.Connection.InvokeAsync("OpenRoom", roomId, Ct);
        var seen = (await Chatting.PostAsync(c.Student, roomId, "I am here")).Id;
        await teacher.WaitAsync("messageCreated", Chatting.MessageIs(seen));
        Assert.Equal(0, (await ListAsync(c.Teacher)).GetProperty("unreadCount").GetInt32());

        // Muted: none either, once closed.
        await teacher.Connection.InvokeAsync("CloseRoom", roomId, Ct);
        using var mute = await c.Teacher.Client.PutAsJsonAsync($"/api/chat/rooms/{roomId}/mute", new { muted = true }, Ct);
        await Expect.StatusAsync(HttpStatusCode.NoContent, mute);
        await Chatting.PostAsync(c.Student, roomId, "Hello?");
        Assert.Equal(0, (await ListAsync(c.Teacher)).GetProperty("unreadCount").GetInt32());

        // Unmuted and closed: raised again, in place.
        using var unmute = await c.Teacher.Client.PutAsJsonAsync($"/api/chat/rooms/{roomId}/mute", new { muted = false }, Ct);
        await Expect.StatusAsync(HttpStatusCode.NoContent, unmute);
        await Chatting.PostAsync(c.Student, roomId, "Still there?");
        var list = await ListAsync(c.Teacher);
        Assert.Equal(1, list.GetProperty("unreadCount").GetInt32());
        Assert.Equal(raised.GetProperty("id").GetGuid(), Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Messages_into_a_room_raise_one_notification_that_reading_the_room_reads()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var roomId = await Chatting.StartRoomAsync(c.Student, c.Teacher.Id);
        await using var teacher = await Chatting.ListenAsync(fixture.Host, c.Teacher, Ct);

        Guid last = default;
        for (var i = 0; i < 3; i++)
        {
            last = (await Chatting.PostAsync(c.Student, roomId, $"question {i}")).Id;
        }

        // One notification stored and pushed once; the room's unread count says how many messages wait.
        await teacher.WaitAsync("messageCreated", Chatting.MessageIs(last));
        var first = await teacher.WaitAsync("notification", p => p.GetProperty("link").GetString() == $"/chat/{roomId}");
        Assert.Equal(1, teacher.Count("notification", p => p.GetProperty("link").GetString() == $"/chat/{roomId}"));
        var list = await ListAsync(c.Teacher);
        var notification = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal(first.GetProperty("id").GetGuid(), notification.GetProperty("id").GetGuid());
        Assert.Equal("question 0", notification.GetProperty("body").GetString());

        // Reading the room reads its notification; the next message raises the same one again with its text.
        using (var read = await c.Teacher.Client.PostAsJsonAsync($"/api/chat/rooms/{roomId}/read", new { messageId = (Guid?)null }, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.NoContent, read);
        }

        Assert.Equal(0, (await ListAsync(c.Teacher)).GetProperty("unreadCount").GetInt32());
        await Chatting.PostAsync(c.Student, roomId, "one more");
        list = await ListAsync(c.Teacher);
        Assert.Equal(1, list.GetProperty("unreadCount").GetInt32());
        var again = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal(notification.GetProperty("id").GetGuid(), again.GetProperty("id").GetGuid());
        Assert.Equal("one more", again.GetProperty("body").GetString());
        await teacher.WaitAsync("notification", p => p.GetProperty("body").GetString() == "one more");
    }

    [Fact]
    public async Task Notifications_are_listed_unread_first_and_can_be_read_archived_and_switched_off()
    {
        // Three rooms the teacher hears from: chat notifications are one per room.
        var c = await fixture.Learning.CreateClassroomAsync();
        var roomId = await Chatting.StartRoomAsync(c.Student, c.Teacher.Id);
        await Chatting.PostAsync(c.Student, roomId, "message 0");
        await Chatting.PostAsync(c.Student, await Chatting.SubjectRoomAsync(c.Student, c.SubjectId), "message 1");
        await Chatting.PostAsync(c.Parent, await Chatting.StartRoomAsync(c.Parent, c.Teacher.Id), "message 2");

        var list = await ListAsync(c.Teacher);
        Assert.Equal(3, list.GetProperty("unreadCount").GetInt32());
        var items = list.GetProperty("items").EnumerateArray().ToList();
        var oldest = items[^1].GetProperty("id").GetGuid();
        using (var read = await c.Teacher.Client.PostAsync($"/api/notifications/{oldest}/read", null, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.NoContent, read);
        }

        list = await ListAsync(c.Teacher);
        Assert.Equal(2, list.GetProperty("unreadCount").GetInt32());
        Assert.Equal(oldest, list.GetProperty("items").EnumerateArray().Last().GetProperty("id").GetGuid());

        using (var notMine = await c.Student.Client.PostAsync($"/api/notifications/{oldest}/read", null, Ct))
        {
            await Expect.ProblemAsync(HttpStatusCode.NotFound, notMine);
        }

        using (var archive = await c.Teacher.Client.PostAsync($"/api/notifications/{oldest}/archive", null, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.NoContent, archive);
        }

        Assert.Equal(2, (await ListAsync(c.Teacher)).GetProperty("totalCount").GetInt32());
        Assert.Equal(1, (await ListAsync(c.Teacher, "?archived=true")).GetProperty("totalCount").GetInt32());

        using (var readAll = await c.Teacher.Client.PostAsync("/api/notifications/read-all", null, Ct))
        {
            Assert.Equal(2, (await readAll.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("marked").GetInt32());
        }

        Assert.Equal(0, (await ListAsync(c.Teacher)).GetProperty("unreadCount").GetInt32());

        // Settings: chat messages switched off, quiet hours validated.
        using (var bad = await c.Teacher.Client.PutAsJsonAsync("/api/notifications/settings", new { disabledTypes = Array.Empty<string>(), quietHoursStart = "22:00" }, Ct))
        {
            await Expect.ProblemAsync(HttpStatusCode.BadRequest, bad);
        }

        using (var put = await c.Teacher.Client.PutAsJsonAsync("/api/notifications/settings",
            new { disabledTypes = new[] { "chatMessage" }, quietHoursStart = "22:00", quietHoursEnd = "07:00" }, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, put);
        }

        using (var get = await c.Teacher.Client.GetAsync("/api/notifications/settings", Ct))
        {
            var settings = await get.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.Equal("chatMessage", settings.GetProperty("disabledTypes")[0].GetString());
            Assert.Equal("22:00", settings.GetProperty("quietHoursStart").GetString());
            Assert.Equal("07:00", settings.GetProperty("quietHoursEnd").GetString());
        }

        await Chatting.PostAsync(c.Student, roomId, "nobody will be told");
        list = await ListAsync(c.Teacher);
        Assert.Equal(0, list.GetProperty("unreadCount").GetInt32());
        Assert.Equal(2, list.GetProperty("totalCount").GetInt32());
    }

    private static async Task<JsonElement> WaitUntilCompletedAsync(SignedIn admin, Guid broadcastId)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        while (true)
        {
            var body = await admin.Client.GetFromJsonAsync<JsonElement>($"/api/admin/broadcasts/{broadcastId}", timeout.Token);
            if (body.TryGetProperty("completedAt", out var completed) && completed.ValueKind == JsonValueKind.String)
            {
                return body;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), timeout.Token);
        }
    }
}
