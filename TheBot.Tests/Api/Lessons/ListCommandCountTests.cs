using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Lessons;

/// <summary>
/// Lists cost a fixed number of SQL commands whatever their length (no N+1): api reports the
/// commands each request sent in X-Sql-Commands (enabled for the test fixture only).
/// </summary>
public sealed class ListCommandCountTests(TheBotAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The fewer of two calls' commands: a call may also check the caller's session (cached for a minute).</summary>
    private static async Task<(int Commands, int Items)> CountAsync(SignedIn viewer, string url)
    {
        var first = await CountOnceAsync(viewer, url);
        var second = await CountOnceAsync(viewer, url);
        return (Math.Min(first.Commands, second.Commands), second.Items);
    }

    private static async Task<(int Commands, int Items)> CountOnceAsync(SignedIn viewer, string url)
    {
        using var response = await viewer.Client.GetAsync(url, Ct);
        await Expect.StatusAsync(HttpStatusCode.OK, response);
        var header = Assert.Single(response.Headers.GetValues("X-Sql-Commands"));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        return (int.Parse(header, System.Globalization.CultureInfo.InvariantCulture), body.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Lesson_assignment_submission_and_material_lists_cost_the_same_commands_for_one_row_and_for_many()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var day = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddDays(10);
        await BookAsync(c, day.AddHours(8));
        await CreateAssignmentAndSubmitAsync(c);

        var urls = new[] { "/api/lessons", "/api/assignments", "/api/assignments/submissions", "/api/materials" };
        var viewers = new[] { c.Teacher, c.Student, c.Parent, c.Tutor };
        var before = new Dictionary<(string, Guid), int>();
        foreach (var url in urls)
        {
            foreach (var viewer in viewers)
            {
                var (commands, items) = await CountAsync(viewer, url);
                Assert.Equal(1, items);
                before[(url, viewer.Id)] = commands;
            }
        }

        for (var i = 1; i <= 6; i++)
        {
            await BookAsync(c, day.AddHours(8 + (i * 2)));
            await CreateAssignmentAndSubmitAsync(c);
        }

        foreach (var url in urls)
        {
            foreach (var viewer in viewers)
            {
                var (commands, items) = await CountAsync(viewer, url);
                Assert.Equal(7, items);
                Assert.True(before[(url, viewer.Id)] == commands,
                    $"{url} as {viewer.Role}: {before[(url, viewer.Id)]} commands for one row, {commands} for seven");
            }
        }
    }

    private async Task BookAsync(Classroom c, DateTimeOffset start) => await fixture.Learning.BookLessonAsync(c, start);

    private async Task CreateAssignmentAndSubmitAsync(Classroom c)
    {
        var id = await fixture.Learning.AssignAsync(c, new NewAssignment("Worksheet", "test", DateTimeOffset.UtcNow.AddDays(1)));
        await fixture.Learning.SubmitAsync(c.Student, id, "Done");
        using var material = await c.Teacher.Client.PostAsJsonAsync("/api/materials", new { subjectId = c.SubjectId, title = "Notes", kind = "lesson", difficulty = 2 }, Ct);
        await Expect.StatusAsync(HttpStatusCode.Created, material);
    }
}
