using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Assignments;

/// <summary>A start date: hidden before it; at it visible, and the students told once (the assignment-starts job).</summary>
public sealed class AssignmentStartTests(TheBotAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Work_that_starts_later_is_hidden_until_its_start_then_its_students_are_told_once_and_live()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        await using var socket = await Chatting.ListenAsync(fixture.Host, c.Student, Ct);
        socket.Connection.On<JsonElement>("assignmentChanged", payload => socket.Record("assignmentChanged", payload));
        var id = await fixture.Learning.AssignAsync(c, new NewAssignment(Title: "Monday's test", StartsAt: DateTimeOffset.UtcNow.AddHours(1)));

        foreach (var viewer in new[] { c.Student, c.Parent, c.Tutor })
        {
            Assert.DoesNotContain(id, (await viewer.Client.GetFromJsonAsync<JsonElement>("/api/assignments", Ct)).ItemIds());
            using var get = await viewer.Client.GetAsync($"/api/assignments/{id}", Ct);
            await Expect.ProblemAsync(HttpStatusCode.NotFound, get);
        }

        using (var early = await c.Student.Client.PostAsJsonAsync($"/api/assignments/{id}/submissions", new { text = "Early bird" }, Ct))
        {
            await Expect.ProblemAsync(HttpStatusCode.NotFound, early);
        }

        Assert.Empty(await HomeworkAsync(c.Student, "Monday's test"));
        var teachers = await c.Teacher.Client.GetFromJsonAsync<JsonElement>($"/api/assignments/{id}", Ct);
        Assert.Equal("published", teachers.GetProperty("status").GetString());
        Assert.True(teachers.GetProperty("startsAt").GetDateTimeOffset() > DateTimeOffset.UtcNow);

        // The hour passes.
        await fixture.Billing.ExecuteSqlAsync("UPDATE assignments SET starts_at = now() - interval '1 second' WHERE id = $1", id);
        Assert.Contains(id, (await c.Student.Client.GetFromJsonAsync<JsonElement>("/api/assignments", Ct)).ItemIds());

        var admin = await fixture.People.AdminAsync();
        await admin.RunJobAsync("assignment-starts");
        var live = await socket.WaitAsync("assignmentChanged", p => p.GetProperty("assignmentId").GetGuid() == id);
        Assert.Equal("published", live.GetProperty("status").GetString());
        Assert.Single(await HomeworkAsync(c.Student, "Monday's test"));
        Assert.Single(await HomeworkAsync(c.Parent, "Monday's test"));

        var again = await admin.RunJobAsync("assignment-starts");
        Assert.True(again.GetProperty("counts").TryGetProperty("started", out _));
        Assert.Single(await HomeworkAsync(c.Student, "Monday's test"));
        Assert.Equal(1, socket.Count("assignmentChanged", p => p.GetProperty("assignmentId").GetGuid() == id));
        Assert.Contains(id, (await c.Parent.Client.GetFromJsonAsync<JsonElement>("/api/assignments", Ct)).ItemIds());
    }

    [Fact]
    public async Task A_past_start_tells_at_once_a_start_must_precede_the_due_date_and_stays_once_students_see_it()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var due = DateTimeOffset.UtcNow.AddDays(2);
        using (var after = await c.Teacher.Client.PostAsJsonAsync("/api/assignments", new
        {
            subjectId = c.SubjectId, title = "Backwards", kind = "homework", dueAt = due, startsAt = due.AddMinutes(1), maxScore = 10,
        }, Ct))
        {
            var problem = await Expect.ProblemAsync(HttpStatusCode.BadRequest, after);
            Assert.True(problem.GetProperty("errors").TryGetProperty("startsAt", out _));
        }

        await fixture.Learning.AssignAsync(c, new NewAssignment(Title: "Started yesterday", StartsAt: DateTimeOffset.UtcNow.AddDays(-1)));
        Assert.Single(await HomeworkAsync(c.Student, "Started yesterday"));

        var draft = await fixture.Learning.AssignAsync(c, new NewAssignment(Title: "Next week", Publish: false, StartsAt: DateTimeOffset.UtcNow.AddDays(1)));
        using (var publish = await c.Teacher.Client.PostAsync($"/api/assignments/{draft}/publish", null, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, publish);
        }

        Assert.Empty(await HomeworkAsync(c.Student, "Next week"));
        using (var tooLate = await c.Teacher.Client.PatchAsJsonAsync($"/api/assignments/{draft}", new { dueAt = DateTimeOffset.UtcNow.AddHours(2) }, Ct))
        {
            var problem = await Expect.ProblemAsync(HttpStatusCode.BadRequest, tooLate);
            Assert.True(problem.GetProperty("errors").TryGetProperty("dueAt", out _));
        }

        // Brought forward to now: announced at once, not by the job.
        using (var now = await c.Teacher.Client.PatchAsJsonAsync($"/api/assignments/{draft}", new { startsAt = DateTimeOffset.UtcNow.AddSeconds(-1) }, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, now);
        }

        Assert.Single(await HomeworkAsync(c.Student, "Next week"));
        Assert.Contains(draft, (await c.Student.Client.GetFromJsonAsync<JsonElement>("/api/assignments", Ct)).ItemIds());
        using var moveBack = await c.Teacher.Client.PatchAsJsonAsync($"/api/assignments/{draft}", new { startsAt = DateTimeOffset.UtcNow.AddDays(1) }, Ct);
        await Expect.ProblemAsync(HttpStatusCode.Conflict, moveBack);
    }

    private static async Task<List<JsonElement>> HomeworkAsync(SignedIn user, string title) =>
        [.. (await user.NotificationsAsync()).Where(n => n.GetProperty("type").GetString() == "assignment"
            && n.GetProperty("title").GetString()!.Contains(title, StringComparison.Ordinal))];
}
