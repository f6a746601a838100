using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Platform;

/// <summary>Every list pages the same way; the lesson list stands in for all of them.</summary>
public sealed class PagingTests(TheBotAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(2, 1, 2)]
    [InlineData(2, 2, 2)]
    [InlineData(2, 3, 1)] // the last, partial page: the total comes from the page itself
    [InlineData(2, 4, 0)] // beyond the end: still the true total
    [InlineData(5, 1, 5)] // exactly one full page
    [InlineData(100, 1, 5)] // one page holds everything
    public async Task Every_page_reports_the_whole_lists_count(int pageSize, int page, int expectedItems)
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var day = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddDays(12);
        for (var i = 0; i < 5; i++)
        {
            await fixture.Learning.BookLessonAsync(c, day.AddHours(8 + (i * 2)));
        }

        using var response = await c.Teacher.Client.GetAsync($"/api/lessons?pageSize={pageSize}&page={page}", Ct);

        await Expect.StatusAsync(HttpStatusCode.OK, response);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(expectedItems, body.GetProperty("items").GetArrayLength());
        Assert.Equal(5, body.GetProperty("totalCount").GetInt32());
        Assert.Equal((5 + pageSize - 1) / pageSize, body.GetProperty("totalPages").GetInt32());
        Assert.Equal(page, body.GetProperty("page").GetInt32());
    }
}
