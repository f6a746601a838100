using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Chat;

/// <summary>
/// The room list (<c>GET /api/chat/rooms</c>) is one SQL statement of its own (ChatRoomList): these check that it
/// shows each room as the room itself does (<c>GET /api/chat/rooms/{id}</c>: unread count, title, last message), in
/// order of the newest activity, and that it counts the whole list only when a page cannot tell.
/// </summary>
public sealed class RoomListTests(TheBotAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_room_of_the_list_is_the_room_itself_newest_activity_first_in_one_command()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var subjectRoom = await Chatting.SubjectRoomAsync(c.Teacher, c.SubjectId);
        var withStudent = await Chatting.StartRoomAsync(c.Teacher, c.Student.Id);
        var withParent = await Chatting.StartRoomAsync(c.Parent, c.Teacher.Id);

        // The subject room: the teacher's own message, then the student's three, one of them deleted.
        await Chatting.PostAsync(c.Teacher, subjectRoom, "Welcome");
        var replies = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            replies.Add((await Chatting.PostAsync(c.Student, subjectRoom, $"Reply {i}")).Id);
        }

        await DeleteAsync(c.Student, subjectRoom, replies[1]);

        // The direct room: the teacher read the first of three; the newest is deleted, and is still the last message.
        var direct = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            direct.Add((await Chatting.PostAsync(c.Student, withStudent, $"Question {i}")).Id);
        }

        using (var read = await c.Teacher.Client.PostAsJsonAsync($"/api/chat/rooms/{withStudent}/read", new { messageId = direct[0] }, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.NoContent, read);
        }

        await DeleteAsync(c.Student, withStudent, direct[2]);

        var (list, commands) = await ListAsync(c.Teacher, "?pageSize=100");
        Assert.Equal(1, commands);
        Assert.Equal(3, list.GetProperty("totalCount").GetInt32());
        var items = list.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([withStudent, subjectRoom, withParent], items.Select(r => r.GetProperty("id").GetGuid()));
        Assert.Equal([1, 2, 0], items.Select(r => r.GetProperty("unreadCount").GetInt32()));
        Assert.True(items[0].GetProperty("lastMessage").GetProperty("deleted").GetBoolean());
        Assert.Equal(JsonValueKind.Null, items[2].GetProperty("lastMessage").ValueKind);
        foreach (var item in items)
        {
            Assert.False(item.TryGetProperty("participants", out _), "The list leaves who is in a room to the room itself.");
            var room = await RoomAsync(c.Teacher, item.GetProperty("id").GetGuid());
            foreach (var name in (string[])["id", "kind", "title", "subjectId", "unreadCount", "muted", "lastMessage", "createdAt"])
            {
                Assert.True(JsonElement.DeepEquals(room.GetProperty(name), item.GetProperty(name)),
                    $"{name}: the list says {item.GetProperty(name)}, the room {room.GetProperty(name)}");
            }
        }

        Assert.Equal(c.Student.Id, items[1].GetProperty("lastMessage").GetProperty("author").GetProperty("id").GetGuid());
        Assert.Equal("student", items[1].GetProperty("lastMessage").GetProperty("author").GetProperty("role").GetString());

        // The newest message is the caller's own: its author is the caller, as the room says.
        await Chatting.PostAsync(c.Teacher, withParent, "See you on Monday");
        var (after, _) = await ListAsync(c.Teacher, "?pageSize=100");
        var mine = after.GetProperty("items")[0];
        Assert.Equal(withParent, mine.GetProperty("id").GetGuid());
        var parentRoom = await RoomAsync(c.Teacher, withParent);
        Assert.True(JsonElement.DeepEquals(parentRoom.GetProperty("lastMessage"), mine.GetProperty("lastMessage")),
            $"the list says {mine.GetProperty("lastMessage")}, the room {parentRoom.GetProperty("lastMessage")}");
        Assert.Equal(c.Teacher.Id, mine.GetProperty("lastMessage").GetProperty("author").GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Someone_whose_rooms_are_all_closed_is_not_looked_up_again_on_every_list()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        await Chatting.StartRoomAsync(c.Parent, c.Teacher.Id);
        using (var drop = await c.Tutor.Client.PatchAsJsonAsync($"/api/enrollments/{c.EnrollmentId}", new { status = "dropped" }, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, drop);
        }

        // The parent still sees the closed room; realtime's membership of it is empty, and once found empty it is
        // remembered (ChatMembershipCache.NoRoomsKey) instead of being looked up in the database on each list.
        var (first, _) = await ListOnceAsync(c.Parent, string.Empty);
        Assert.Equal(1, Total(first));
        var (_, again) = await ListAsync(c.Parent, string.Empty);
        Assert.Equal(1, again);
    }

    [Fact]
    public async Task A_full_page_is_one_command_and_only_a_page_with_more_behind_it_counts_the_list()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        await Chatting.StartRoomAsync(c.Teacher, c.Student.Id);
        await Chatting.StartRoomAsync(c.Parent, c.Teacher.Id);

        // Three rooms (with the subject room): a page of exactly three ends the list.
        var (full, fullCommands) = await ListAsync(c.Teacher, "?pageSize=3");
        Assert.Equal((3, 3, 1), (Items(full), Total(full), fullCommands));

        var (first, firstCommands) = await ListAsync(c.Teacher, "?pageSize=2");
        Assert.Equal((2, 3, 2), (Items(first), Total(first), firstCommands));

        var (second, secondCommands) = await ListAsync(c.Teacher, "?pageSize=2&page=2");
        Assert.Equal((1, 3, 1), (Items(second), Total(second), secondCommands));

        var (beyond, _) = await ListAsync(c.Teacher, "?pageSize=2&page=3");
        Assert.Equal((0, 3), (Items(beyond), Total(beyond)));

        var stranger = await fixture.People.CreateAsync("student");
        var (none, noneCommands) = await ListAsync(stranger, string.Empty);
        Assert.Equal((0, 0, 1), (Items(none), Total(none), noneCommands));
    }

    [Fact]
    public async Task The_rooms_newest_message_in_the_list_follows_posts_edits_and_deletes_of_it_and_only_of_it()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var roomId = await Chatting.StartRoomAsync(c.Student, c.Teacher.Id);
        var older = await Chatting.PostAsync(c.Student, roomId, "First question");
        var newest = await Chatting.PostAsync(c.Student, roomId, "Second question", "second-1");
        await AssertListShowsTheRoomsNewestAsync(c.Teacher, roomId, newest.Id, "Second question");

        // The list carries its own copy of the newest message (ChatRoom.LastMessageId…): an edit of an older message
        // leaves it, an edit of the newest changes it.
        await EditAsync(c.Student, roomId, older.Id, "First question, edited");
        await AssertListShowsTheRoomsNewestAsync(c.Teacher, roomId, newest.Id, "Second question");
        await EditAsync(c.Student, roomId, newest.Id, "Second question, edited");
        var edited = await AssertListShowsTheRoomsNewestAsync(c.Teacher, roomId, newest.Id, "Second question, edited");
        Assert.True(edited.GetProperty("edited").GetBoolean());

        // A delete of an older message leaves it; a delete of the newest shows it deleted, without its text.
        await DeleteAsync(c.Student, roomId, older.Id);
        await AssertListShowsTheRoomsNewestAsync(c.Teacher, roomId, newest.Id, "Second question, edited");
        await DeleteAsync(c.Student, roomId, newest.Id);
        var deleted = await AssertListShowsTheRoomsNewestAsync(c.Teacher, roomId, newest.Id, string.Empty);
        Assert.True(deleted.GetProperty("deleted").GetBoolean());

        // The next post replaces it, with its file.
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent("my essay"), "text");
        form.Add(new ByteArrayContent("Rivers."u8.ToArray()), "file", "essay.txt");
        using var upload = await c.Teacher.Client.PostAsync($"/api/chat/rooms/{roomId}/attachments", form, Ct);
        await Expect.StatusAsync(HttpStatusCode.Created, upload);
        var withFile = (await upload.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        var shown = await AssertListShowsTheRoomsNewestAsync(c.Student, roomId, withFile, "my essay");
        Assert.Equal("essay.txt", shown.GetProperty("attachment").GetProperty("fileName").GetString());
        await DeleteAsync(c.Teacher, roomId, withFile);
        var gone = await AssertListShowsTheRoomsNewestAsync(c.Student, roomId, withFile, string.Empty);
        Assert.Equal(JsonValueKind.Null, gone.GetProperty("attachment").ValueKind);
    }

    /// <summary>The list's last message of the room is the room's own (read from its messages), and is the one expected.</summary>
    private static async Task<JsonElement> AssertListShowsTheRoomsNewestAsync(SignedIn caller, Guid roomId, Guid messageId, string text)
    {
        var (list, _) = await ListOnceAsync(caller, "?pageSize=100");
        var item = list.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == roomId);
        var room = await RoomAsync(caller, roomId);
        var shown = item.GetProperty("lastMessage");
        Assert.True(JsonElement.DeepEquals(room.GetProperty("lastMessage"), shown), $"the list says {shown}, the room {room.GetProperty("lastMessage")}");
        Assert.Equal(messageId, shown.GetProperty("id").GetGuid());
        Assert.Equal(text, shown.GetProperty("text").GetString());
        return shown;
    }

    private static async Task EditAsync(SignedIn author, Guid roomId, Guid messageId, string text)
    {
        using var response = await author.Client.PatchAsJsonAsync($"/api/chat/rooms/{roomId}/messages/{messageId}", new { text }, Ct);
        await Expect.StatusAsync(HttpStatusCode.OK, response);
    }

    private static int Items(JsonElement page) => page.GetProperty("items").GetArrayLength();

    private static int Total(JsonElement page) => page.GetProperty("totalCount").GetInt32();

    /// <summary>The page, and the fewer of two calls' commands: a call may also check the caller's session (cached for a minute).</summary>
    private static async Task<(JsonElement Page, int Commands)> ListAsync(SignedIn caller, string query)
    {
        var (_, first) = await ListOnceAsync(caller, query);
        var (page, second) = await ListOnceAsync(caller, query);
        return (page, Math.Min(first, second));
    }

    private static async Task<(JsonElement Page, int Commands)> ListOnceAsync(SignedIn caller, string query)
    {
        using var response = await caller.Client.GetAsync($"/api/chat/rooms{query}", Ct);
        await Expect.StatusAsync(HttpStatusCode.OK, response);
        var commands = int.Parse(Assert.Single(response.Headers.GetValues("X-Sql-Commands")), CultureInfo.InvariantCulture);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct), commands);
    }

    private static async Task<JsonElement> RoomAsync(SignedIn caller, Guid roomId)
    {
        using var response = await caller.Client.GetAsync($"/api/chat/rooms/{roomId}", Ct);
        await Expect.StatusAsync(HttpStatusCode.OK, response);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private static async Task DeleteAsync(SignedIn author, Guid roomId, Guid messageId)
    {
        using var response = await author.Client.DeleteAsync($"/api/chat/rooms/{roomId}/messages/{messageId}", Ct);
        await Expect.StatusAsync(HttpStatusCode.NoContent, response);
    }
}
