using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TheBot.Tests.Api.Audit;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Chat;

/// <summary>Admins browse, read and clean up any room; each read and deletion is in the audit log; no one else may.</summary>
public sealed class ChatModerationTests(TheBotAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Admins_find_rooms_by_member_and_by_name()
    {
        var admin = await fixture.People.AdminAsync();
        var c = await fixture.Learning.CreateClassroomAsync();
        var roomId = await Chatting.StartRoomAsync(c.Tutor, c.Parent.Id);
        await Chatting.PostAsync(c.Tutor, roomId, "Hello from the tutor");

        var byMember = await RoomsAsync(admin, $"?memberId={c.Parent.Id}");
        var room = Assert.Single(byMember.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetGuid() == roomId);
        Assert.Equal("direct", room.GetProperty("kind").GetString());
        Assert.Equal(
            new[] { c.Parent.Id, c.Tutor.Id }.Order(),
            room.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("id").GetGuid()).Order());
        Assert.Equal(1, room.GetProperty("messageCount").GetInt64());

        var parentName = await NameAsync(admin, c.Parent.Id);
        var bySearch = await RoomsAsync(admin, $"?search={Uri.EscapeDataString(parentName)}");
        Assert.Contains(bySearch.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetGuid() == roomId);
        var nobody = await RoomsAsync(admin, $"?search=no-such-person-{Guid.NewGuid():N}");
        Assert.Equal(0, nobody.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Reading_a_room_shows_its_messages_and_is_recorded()
    {
        var admin = await fixture.People.AdminAsync();
        var c = await fixture.Learning.CreateClassroomAsync();
        var roomId = await Chatting.StartRoomAsync(c.Tutor, c.Parent.Id);
        var first = await Chatting.PostAsync(c.Tutor, roomId, "First");
        var second = await Chatting.PostAsync(c.Parent, roomId, "Second");

        using var read = await admin.Client.GetAsync($"/api/admin/chat/rooms/{roomId}/messages?limit=10", Ct);
        await Expect.StatusAsync(HttpStatusCode.OK, read);
        var page = await read.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal([first.Id, second.Id], page.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("id").GetGuid()));

        var row = await AuditLog.SingleAsync(admin, roomId, "read-messages");
        AuditLog.ActedBy(row, admin, "admin");
        Assert.Equal("chat-room", row.GetProperty("entity").GetProperty("type").GetString());
        Assert.Equal("2", AuditLog.Change(row, "messages").After);
        Assert.Equal(second.Id.ToString(), AuditLog.Change(row, "lastMessageId").After);

        using var missing = await admin.Client.GetAsync($"/api/admin/chat/rooms/{Guid.NewGuid()}/messages", Ct);
        await Expect.ProblemAsync(HttpStatusCode.NotFound, missing);
    }

    [Fact]
    public async Task Deleting_a_message_works_like_the_author_s_delete_and_is_recorded_once()
    {
        var admin = await fixture.People.AdminAsync();
        var c = await fixture.Learning.CreateClassroomAsync();
        var roomId = await Chatting.StartRoomAsync(c.Tutor, c.Parent.Id);
        await Chatting.PostAsync(c.Tutor, roomId, "Fine message");
        var rude = await Chatting.PostAsync(c.Tutor, roomId, "Rude message");
        Assert.Equal(2, await UnreadAsync(c.Parent, roomId));
        await using var listener = await Chatting.ListenAsync(fixture.Host, c.Parent, Ct);

        for (var i = 0; i < 2; i++)
        {
            using var delete = await admin.Client.DeleteAsync($"/api/admin/chat/rooms/{roomId}/messages/{rude.Id}", Ct);
            await Expect.StatusAsync(HttpStatusCode.NoContent, delete);
        }

        await listener.WaitAsync("messageDeleted", e => e.GetProperty("messageId").GetGuid() == rude.Id);
        Assert.Equal(1, await UnreadAsync(c.Parent, roomId));
        var messages = await Chatting.MessagesAsync(c.Parent, roomId);
        var shown = messages.GetProperty("items").EnumerateArray().Single(m => m.GetProperty("id").GetGuid() == rude.Id);
        Assert.Equal("", shown.GetProperty("text").GetString());

        var row = await AuditLog.SingleAsync(admin, rude.Id, "delete");
        AuditLog.ActedBy(row, admin, "admin");
        Assert.Equal("chat-message", row.GetProperty("entity").GetProperty("type").GetString());
        Assert.Equal(("Rude message", null), AuditLog.Change(row, "text"));
        Assert.Equal(c.Tutor.Id.ToString(), AuditLog.Change(row, "authorId").Before);

        using var wrongRoom = await admin.Client.DeleteAsync($"/api/admin/chat/rooms/{Guid.NewGuid()}/messages/{rude.Id}", Ct);
        await Expect.ProblemAsync(HttpStatusCode.NotFound, wrongRoom);
    }

    [Fact]
    public async Task An_author_deleting_their_own_message_is_not_moderation()
    {
        var admin = await fixture.People.AdminAsync();
        var c = await fixture.Learning.CreateClassroomAsync();
        var roomId = await Chatting.StartRoomAsync(c.Tutor, c.Parent.Id);
        var mine = await Chatting.PostAsync(c.Tutor, roomId, "Oops");

        using var delete = await c.Tutor.Client.DeleteAsync($"/api/chat/rooms/{roomId}/messages/{mine.Id}", Ct);
        await Expect.StatusAsync(HttpStatusCode.NoContent, delete);

        Assert.Empty(await AuditLog.OfEntityAsync(admin, mine.Id));
    }

    [Theory]
    [InlineData("tutor")]
    [InlineData("teacher")]
    [InlineData("parent")]
    [InlineData("student")]
    public async Task Only_admins_moderate(string role)
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var roomId = await Chatting.StartRoomAsync(c.Tutor, c.Parent.Id);
        var message = await Chatting.PostAsync(c.Tutor, roomId, "Keep me");
        var someone = await fixture.People.CreateAsync(role);

        using (var list = await someone.Client.GetAsync("/api/admin/chat/rooms", Ct))
        {
            await Expect.ProblemAsync(HttpStatusCode.Forbidden, list);
        }

        using (var read = await someone.Client.GetAsync($"/api/admin/chat/rooms/{roomId}/messages", Ct))
        {
            await Expect.ProblemAsync(HttpStatusCode.Forbidden, read);
        }

        using (var delete = await someone.Client.DeleteAsync($"/api/admin/chat/rooms/{roomId}/messages/{message.Id}", Ct))
        {
            await Expect.ProblemAsync(HttpStatusCode.Forbidden, delete);
        }

        Assert.Equal(1, await UnreadAsync(c.Parent, roomId));
    }

    private static async Task<JsonElement> RoomsAsync(SignedIn admin, string query)
    {
        using var response = await admin.Client.GetAsync($"/api/admin/chat/rooms{query}", Ct);
        await Expect.StatusAsync(HttpStatusCode.OK, response);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private static async Task<string> NameAsync(SignedIn admin, Guid userId) =>
        (await admin.Client.GetFromJsonAsync<JsonElement>($"/api/admin/users/{userId}", Ct)).GetProperty("fullName").GetString()!;

    private static async Task<int> UnreadAsync(SignedIn user, Guid roomId) =>
        (await user.Client.GetFromJsonAsync<JsonElement>($"/api/chat/rooms/{roomId}", Ct)).GetProperty("unreadCount").GetInt32();
}
