using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Lessons;

public sealed class LessonStatusFilterTests(TheBotAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateTimeOffset Future(int days, int hour) =>
        new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddDays(days).AddHours(hour);

    private static async Task<Guid> BookAsync(Classroom c, DateTimeOffset start)
    {
        using var response = await c.Teacher.Client.PostAsJsonAsync("/api/lessons", new
        {
            studentId = c.Student.Id,
            subjectId = c.SubjectId,
            startsAt = start,
            endsAt = start.AddHours(1),
        }, Ct);
        return await Expect.CreatedAsync(response);
    }

    private static async Task<List<Guid>> LessonIdsAsync(SignedIn viewer, string status)
    {
        using var response = await viewer.Client.GetAsync($"/api/lessons?pageSize=100&status={status}", Ct);
        await Expect.StatusAsync(HttpStatusCode.OK, response);
        var page = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        return page.GetProperty("items").EnumerateArray().Select(l => l.GetProperty("id").GetGuid()).ToList();
    }

    [Fact]
    public async Task Missed_lessons_are_listed_by_their_status()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var missedId = await BookAsync(c, Future(5, 9));
        var pendingId = await BookAsync(c, Future(5, 12));
        // Time passing: the first lesson began half an hour ago, so it can be marked missed.
        await fixture.Billing.ExecuteSqlAsync(
            "UPDATE lessons SET starts_at = now() - interval '30 minutes', ends_at = now() + interval '30 minutes' WHERE id = $1", missedId);
        using (var missed = await c.Teacher.Client.PostAsync($"/api/lessons/{missedId}/missed", null, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, missed);
        }

        Assert.Equal([missedId], await LessonIdsAsync(c.Teacher, "missed"));
        Assert.Equal([missedId], await LessonIdsAsync(c.Parent, "Missed"));
        Assert.Equal([pendingId], await LessonIdsAsync(c.Teacher, "pending"));
    }

    [Fact]
    public async Task An_unknown_status_is_refused_naming_the_field_and_every_status()
    {
        var c = await fixture.Learning.CreateClassroomAsync();

        foreach (var wrong in new[] { "absent", "4", "missed " })
        {
            using var response = await c.Teacher.Client.GetAsync($"/api/lessons?status={Uri.EscapeDataString(wrong)}", Ct);

            var problem = await Expect.ProblemAsync(HttpStatusCode.BadRequest, response);
            var message = Assert.Single(problem.GetProperty("errors").GetProperty("status").EnumerateArray()).GetString();
            Assert.Equal("Status must be one of: pending, confirmed, completed, cancelled, missed.", message);
        }
    }
}
