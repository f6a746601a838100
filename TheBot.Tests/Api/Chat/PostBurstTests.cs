using System.Net;
using System.Net.Http.Json;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Chat;

/// <summary>Posts into one room at once: each is stored once, in one order, or refused with Retry-After — never lost.</summary>
public sealed class PostBurstTests(TheBotAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_burst_of_posts_into_one_room_is_stored_or_refused_with_retry_after_and_nothing_is_lost()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var roomId = await Chatting.StartRoomAsync(c.Student, c.Teacher.Id);

        var posts = Enumerable.Range(0, 80).Select(async i =>
        {
            var author = i % 2 == 0 ? c.Student : c.Teacher;
            using var response = await author.Client.PostAsJsonAsync($"/api/chat/rooms/{roomId}/messages",
                new { text = $"burst {i}", clientMessageId = $"burst-{i}" }, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.Created
                || (response.StatusCode == HttpStatusCode.TooManyRequests && response.Headers.RetryAfter is not null),
                $"post {i}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
            return (Text: $"burst {i}", Stored: response.StatusCode == HttpStatusCode.Created);
        });
        var results = await Task.WhenAll(posts);

        var page = await Chatting.MessagesAsync(c.Teacher, roomId, "?limit=100");
        var stored = page.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("text").GetString()).ToList();
        Assert.Equal(results.Where(r => r.Stored).Select(r => r.Text).Order(), stored.Order());

        // Every reader sees the same order.
        var again = await Chatting.MessagesAsync(c.Student, roomId, "?limit=100");
        Assert.Equal(stored, again.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("text").GetString()).ToList());
    }
}
