using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Chat;

/// <summary>
/// A post's database work does not grow with the room: the SQL commands a post sends (X-Sql-Commands, enabled
/// for the test fixture) are the same in a room of 2 as in a room of 50, and so are a read's and a delete's.
/// </summary>
public sealed class PostCostTests(TheBotAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Posting_reading_and_deleting_cost_the_same_commands_in_a_room_of_two_and_of_fifty()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var roomId = await Chatting.SubjectRoomAsync(c.Teacher, c.SubjectId);
        var small = await CostsAsync(c.Teacher, roomId);

        var admin = await fixture.People.AdminAsync();
        for (var i = 0; i < 48; i++)
        {
            var student = await fixture.People.CreateAccountAsync("student");
            await fixture.Learning.EnrollAsync(admin, student.Id, c.SubjectId, c.Teacher.Id);
        }

        using (var room = await c.Teacher.Client.GetAsync($"/api/chat/rooms/{roomId}", Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, room);
            Assert.Equal(50, (await room.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("participants").GetArrayLength());
        }

        var large = await CostsAsync(c.Teacher, roomId);
        Assert.Equal(small, large);
        // Access check, the post's one statement, the recipients of its notification and their one statement.
        Assert.True(large.Post <= 4, $"A post sent {large.Post} SQL commands.");
        // The 49 students' unread counts are the sequence arithmetic's: each sees the two messages left of four (one of each pair deleted).
        using var list = await c.Student.Client.GetAsync($"/api/chat/rooms/{roomId}", Ct);
        Assert.Equal(2, (await list.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("unreadCount").GetInt32());
    }

    private sealed record Costs(int Post, int Read, int Delete);

    /// <summary>The fewer of two calls' commands each: a call may also check the caller's session (cached for a minute).</summary>
    private static async Task<Costs> CostsAsync(SignedIn author, Guid roomId)
    {
        var (post1, id1) = await PostAsync(author, roomId);
        var (post2, _) = await PostAsync(author, roomId);
        var read1 = await SendAsync(author, HttpMethod.Post, $"/api/chat/rooms/{roomId}/read", HttpStatusCode.NoContent);
        var read2 = await SendAsync(author, HttpMethod.Post, $"/api/chat/rooms/{roomId}/read", HttpStatusCode.NoContent);
        var delete = await SendAsync(author, HttpMethod.Delete, $"/api/chat/rooms/{roomId}/messages/{id1}", HttpStatusCode.NoContent);
        return new Costs(Math.Min(post1, post2), Math.Min(read1, read2), delete);
    }

    private static async Task<(int Commands, Guid Id)> PostAsync(SignedIn author, Guid roomId)
    {
        using var response = await author.Client.PostAsJsonAsync($"/api/chat/rooms/{roomId}/messages",
            new { text = "Homework is on page 12", clientMessageId = Guid.NewGuid().ToString("N") }, Ct);
        var id = await Expect.CreatedAsync(response);
        return (Commands(response), id);
    }

    private static async Task<int> SendAsync(SignedIn caller, HttpMethod method, string url, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, url);
        if (method == HttpMethod.Post)
        {
            request.Content = JsonContent.Create(new { messageId = (Guid?)null });
        }

        using var response = await caller.Client.SendAsync(request, Ct);
        await Expect.StatusAsync(expected, response);
        return Commands(response);
    }

    private static int Commands(HttpResponseMessage response) =>
        int.Parse(Assert.Single(response.Headers.GetValues("X-Sql-Commands")), CultureInfo.InvariantCulture);
}
