using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Assignments;

/// <summary>A time limit per attempt: the clock starts when the student opens it; the server refuses work over time.</summary>
public sealed class AttemptTimeLimitTests(TheBotAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_timed_attempt_opens_once_and_is_taken_within_its_limit_and_grace()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var id = await fixture.Learning.AssignAsync(c, new NewAssignment(Title: "Timed quiz", TimeLimitMinutes: 30, MaxAttempts: 2));

        using (var unopened = await c.Student.Client.PostAsJsonAsync($"/api/assignments/{id}/submissions", new { text = "Straight in" }, Ct))
        {
            var problem = await Expect.ProblemAsync(HttpStatusCode.Conflict, unopened);
            Assert.Equal("attemptNotStarted", problem.GetProperty("code").GetString());
        }

        var opened = await StartAsync(c.Student, id, HttpStatusCode.Created);
        Assert.Equal(1, opened.GetProperty("number").GetInt32());
        Assert.Equal("open", opened.GetProperty("status").GetString());
        var startedAt = opened.GetProperty("startedAt").GetDateTimeOffset();
        Assert.Equal(startedAt.AddMinutes(30), opened.GetProperty("deadlineAt").GetDateTimeOffset());
        var reopened = await StartAsync(c.Student, id, HttpStatusCode.OK);
        Assert.Equal(opened.GetProperty("id").GetGuid(), reopened.GetProperty("id").GetGuid());
        Assert.Equal(startedAt, reopened.GetProperty("startedAt").GetDateTimeOffset());

        var mine = await c.Student.Client.GetFromJsonAsync<JsonElement>($"/api/assignments/attempts?assignmentId={id}&status=open", Ct);
        Assert.Equal([opened.GetProperty("id").GetGuid()], mine.ItemIds());

        // Just past the 30 minutes: within the 30-second grace, still taken (the margin is for a slow machine's requests).
        await ShiftAsync(opened.GetProperty("id").GetGuid(), TimeSpan.FromMinutes(30) + TimeSpan.FromSeconds(2));
        using var submitted = await c.Student.Client.PostAsJsonAsync($"/api/assignments/{id}/submissions", new { text = "Done" }, Ct);
        await Expect.StatusAsync(HttpStatusCode.Created, submitted);
        var submission = await submitted.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(1, submission.GetProperty("attempt").GetInt32());
        Assert.False(submission.GetProperty("isLate").GetBoolean());
        Assert.NotEqual(JsonValueKind.Null, submission.GetProperty("startedAt").ValueKind);

        var teachers = await c.Teacher.Client.GetFromJsonAsync<JsonElement>($"/api/assignments/attempts?assignmentId={id}", Ct);
        var attempt = Assert.Single(teachers.GetProperty("items").EnumerateArray());
        Assert.Equal("submitted", attempt.GetProperty("status").GetString());
        Assert.Equal(submission.GetProperty("id").GetGuid(), attempt.GetProperty("submissionId").GetGuid());
        using var whileGrading = await c.Student.Client.PostAsync($"/api/assignments/{id}/attempts", null, Ct);
        await Expect.ProblemAsync(HttpStatusCode.Conflict, whileGrading);
    }

    [Fact]
    public async Task Work_after_the_limit_and_grace_is_refused_and_the_attempt_is_recorded_over_time_for_all_to_see()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var id = await fixture.Learning.AssignAsync(c, new NewAssignment(Title: "Ten minutes", TimeLimitMinutes: 10));
        var opened = await StartAsync(c.Student, id, HttpStatusCode.Created);
        var attemptId = opened.GetProperty("id").GetGuid();

        await ShiftAsync(attemptId, TimeSpan.FromMinutes(11));
        var teacherSees = await c.Teacher.Client.GetFromJsonAsync<JsonElement>($"/api/assignments/attempts?status=overTime&assignmentId={id}", Ct);
        Assert.Equal([attemptId], teacherSees.ItemIds()); // over time already, before anybody tries to hand it in

        using (var tooLate = await c.Student.Client.PostAsJsonAsync($"/api/assignments/{id}/submissions", new { text = "Finished at last" }, Ct))
        {
            var problem = await Expect.ProblemAsync(HttpStatusCode.Conflict, tooLate);
            Assert.Equal("overTime", problem.GetProperty("code").GetString());
            Assert.Equal(1, problem.GetProperty("attempt").GetInt32());
        }

        foreach (var viewer in new[] { c.Teacher, c.Parent, c.Tutor, c.Student })
        {
            var page = await viewer.Client.GetFromJsonAsync<JsonElement>($"/api/assignments/attempts?assignmentId={id}", Ct);
            var attempt = Assert.Single(page.GetProperty("items").EnumerateArray());
            Assert.Equal("overTime", attempt.GetProperty("status").GetString());
            Assert.NotEqual(JsonValueKind.Null, attempt.GetProperty("endedAt").ValueKind);
        }

        var submissions = await c.Teacher.Client.GetFromJsonAsync<JsonElement>($"/api/assignments/submissions?assignmentId={id}", Ct);
        Assert.Equal(0, submissions.GetProperty("totalCount").GetInt32());
        var stranger = await fixture.Learning.CreateClassroomAsync();
        var strangers = await stranger.Teacher.Client.GetFromJsonAsync<JsonElement>($"/api/assignments/attempts?assignmentId={id}", Ct);
        Assert.Equal(0, strangers.GetProperty("totalCount").GetInt32());

        // The over-time attempt was the only one allowed; the teacher grants a second.
        await StartAsync(c.Student, id, HttpStatusCode.UnprocessableEntity);
        using (var more = await c.Teacher.Client.PatchAsJsonAsync($"/api/assignments/{id}", new { maxAttempts = 2 }, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, more);
        }

        var second = await StartAsync(c.Student, id, HttpStatusCode.Created);
        Assert.Equal(2, second.GetProperty("number").GetInt32());
        await fixture.Learning.SubmitAsync(c.Student, id);
    }

    [Fact]
    public async Task Late_and_over_time_are_different_things_and_an_open_attempt_counts_against_the_maximum()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var late = await fixture.Learning.AssignAsync(c, new NewAssignment(
            Title: "Past due", DueAt: DateTimeOffset.UtcNow.AddDays(-1), LatePenaltyPercent: 20, TimeLimitMinutes: 5));
        await StartAsync(c.Student, late, HttpStatusCode.Created);
        using (var submitted = await c.Student.Client.PostAsJsonAsync($"/api/assignments/{late}/submissions", new { text = "Late but quick" }, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.Created, submitted);
            var submission = await submitted.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.True(submission.GetProperty("isLate").GetBoolean());
            Assert.Equal(20, submission.GetProperty("penaltyPercent").GetInt32());
        }

        var attempts = await c.Student.Client.GetFromJsonAsync<JsonElement>($"/api/assignments/attempts?assignmentId={late}", Ct);
        Assert.Equal("submitted", Assert.Single(attempts.GetProperty("items").EnumerateArray()).GetProperty("status").GetString());

        // Without a limit an attempt may still be opened first; it takes the number, and no attempt is left beside it.
        var untimed = await fixture.Learning.AssignAsync(c, new NewAssignment(Title: "Untimed", MaxAttempts: 1));
        var open = await StartAsync(c.Student, untimed, HttpStatusCode.Created);
        Assert.Equal(JsonValueKind.Null, open.GetProperty("deadlineAt").ValueKind);
        using (var fewer = await c.Teacher.Client.PatchAsJsonAsync($"/api/assignments/{untimed}", new { maxAttempts = 3 }, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, fewer);
        }

        using (var below = await c.Teacher.Client.PatchAsJsonAsync($"/api/assignments/{untimed}", new { maxAttempts = 1 }, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, below); // the open attempt is number 1: one allowed still covers it
        }

        var submissionId = await fixture.Learning.SubmitAsync(c.Student, untimed);
        var handedIn = await c.Student.Client.GetFromJsonAsync<JsonElement>($"/api/assignments/attempts?assignmentId={untimed}", Ct);
        Assert.Equal(submissionId, Assert.Single(handedIn.GetProperty("items").EnumerateArray()).GetProperty("submissionId").GetGuid());

        using (var close = await c.Teacher.Client.PostAsync($"/api/assignments/{late}/close", null, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, close);
        }

        await StartAsync(c.Student, late, HttpStatusCode.Conflict);
        using var badLimit = await c.Teacher.Client.PatchAsJsonAsync($"/api/assignments/{untimed}", new { timeLimitMinutes = 601 }, Ct);
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, badLimit);
    }

    private static async Task<JsonElement> StartAsync(SignedIn student, Guid assignmentId, HttpStatusCode expected)
    {
        using var response = await student.Client.PostAsync($"/api/assignments/{assignmentId}/attempts", null, Ct);
        if ((int)expected >= 400)
        {
            return await Expect.ProblemAsync(expected, response);
        }

        await Expect.StatusAsync(expected, response);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    /// <summary>Time passes for the attempt: it was opened <paramref name="ago"/> ago.</summary>
    private Task ShiftAsync(Guid attemptId, TimeSpan ago) => fixture.Billing.ExecuteSqlAsync(
        "UPDATE assignment_attempts SET started_at = started_at - $2, deadline_at = deadline_at - $2 WHERE id = $1", attemptId, ago);
}
