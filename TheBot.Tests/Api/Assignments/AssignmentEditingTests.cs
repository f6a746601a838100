using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Assignments;

public sealed class AssignmentEditingTests(TheBotAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<Guid> AssignAsync(Classroom c, DateTimeOffset dueAt) =>
        fixture.Learning.AssignAsync(c, new NewAssignment("Fractions", "homework", dueAt, MaxScore: 10, LatePenaltyPercent: 20, MaxAttempts: 2));

    private static async Task<JsonElement> PatchAsync(SignedIn by, Guid id, object body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await by.Client.PatchAsJsonAsync($"/api/assignments/{id}", body, Ct);
        if (expected != HttpStatusCode.OK)
        {
            return await Expect.ProblemAsync(expected, response);
        }

        await Expect.StatusAsync(expected, response);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    [Fact]
    public async Task A_teacher_extends_the_due_date_and_late_work_is_judged_by_the_new_one()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var id = await AssignAsync(c, DateTimeOffset.UtcNow.AddDays(-1));
        var extended = DateTimeOffset.UtcNow.AddDays(3);

        var updated = await PatchAsync(c.Teacher, id, new { dueAt = extended, title = "  Fractions, part 1  ", rubric = "Show working" });
        Assert.Equal("Fractions, part 1", updated.GetProperty("title").GetString());
        Assert.Equal("Show working", updated.GetProperty("rubric").GetString());
        Assert.Equal(10m, updated.GetProperty("maxScore").GetDecimal());
        Assert.Equal(extended.ToUnixTimeMilliseconds(), updated.GetProperty("dueAt").GetDateTimeOffset().ToUnixTimeMilliseconds());

        using var submitted = await c.Student.Client.PostAsJsonAsync($"/api/assignments/{id}/submissions", new { text = "1/2" }, Ct);
        await Expect.StatusAsync(HttpStatusCode.Created, submitted);
        var submission = await submitted.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.False(submission.GetProperty("isLate").GetBoolean());
        Assert.Equal(0, submission.GetProperty("penaltyPercent").GetInt32());
    }

    [Fact]
    public async Task Score_rules_change_only_until_work_is_graded_and_only_the_owner_edits()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var id = await AssignAsync(c, DateTimeOffset.UtcNow.AddDays(2));
        var submissionId = await fixture.Learning.SubmitAsync(c.Student, id, "3/4");

        var raised = await PatchAsync(c.Teacher, id, new { maxScore = 20, latePenaltyPercent = 10, maxAttempts = 3 });
        Assert.Equal(20m, raised.GetProperty("maxScore").GetDecimal());
        Assert.Equal(3, raised.GetProperty("maxAttempts").GetInt32());

        using (var graded = await c.Teacher.Client.PostAsJsonAsync($"/api/assignments/submissions/{submissionId}/grade", new { score = 18 }, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, graded);
        }

        await PatchAsync(c.Teacher, id, new { maxScore = 5 }, HttpStatusCode.Conflict);
        await PatchAsync(c.Teacher, id, new { maxAttempts = 1 }, HttpStatusCode.Conflict);
        var unchanged = await PatchAsync(c.Teacher, id, new { description = "Still editable after grading" });
        Assert.Equal(20m, unchanged.GetProperty("maxScore").GetDecimal());
        Assert.Equal("Still editable after grading", unchanged.GetProperty("description").GetString());

        await PatchAsync(c.Teacher, id, new { title = "   " }, HttpStatusCode.BadRequest);
        await PatchAsync(c.Teacher, id, new { latePenaltyPercent = 101 }, HttpStatusCode.BadRequest);

        var other = await fixture.Learning.CreateClassroomAsync();
        await PatchAsync(other.Teacher, id, new { title = "Mine now" }, HttpStatusCode.NotFound);
        await PatchAsync(c.Student, id, new { title = "Easy" }, HttpStatusCode.Forbidden);
        var seen = await c.Teacher.Client.GetFromJsonAsync<JsonElement>($"/api/assignments/{id}", Ct);
        Assert.Equal("Fractions", seen.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Attempts_cannot_drop_below_what_a_student_has_used()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var id = await AssignAsync(c, DateTimeOffset.UtcNow.AddDays(2));
        var firstId = await fixture.Learning.SubmitAsync(c.Student, id, "a");
        using (var back = await c.Teacher.Client.PostAsJsonAsync($"/api/assignments/submissions/{firstId}/return", new { feedback = "Again" }, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, back);
        }

        using (var second = await c.Student.Client.PostAsJsonAsync($"/api/assignments/{id}/submissions", new { text = "b" }, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.Created, second);
        }

        await PatchAsync(c.Teacher, id, new { maxAttempts = 1 }, HttpStatusCode.BadRequest);
        var kept = await PatchAsync(c.Teacher, id, new { maxAttempts = 2 });
        Assert.Equal(2, kept.GetProperty("maxAttempts").GetInt32());
    }
}
