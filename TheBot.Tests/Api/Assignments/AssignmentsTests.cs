using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Assignments;

public sealed class AssignmentsTests(TheBotAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<Guid> CreateAsync(Classroom c, DateTimeOffset dueAt, decimal maxScore = 100, int penalty = 0, int attempts = 1, bool publish = true) =>
        fixture.Learning.AssignAsync(c, new NewAssignment(
            "Exercises 1-10", "homework", dueAt, maxScore, penalty, attempts, Description: "Page 42", Rubric: "Each exercise 10 points", Publish: publish));

    private static async Task<JsonElement> SubmitAsync(SignedIn student, Guid assignmentId, HttpStatusCode expected = HttpStatusCode.Created)
    {
        using var response = await student.Client.PostAsJsonAsync($"/api/assignments/{assignmentId}/submissions", new { text = "My answers" }, Ct);
        await Expect.StatusAsync(expected, response);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private static async Task<JsonElement> GradeAsync(SignedIn teacher, Guid submissionId, decimal score, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await teacher.Client.PostAsJsonAsync($"/api/assignments/submissions/{submissionId}/grade", new { score, feedback = "Well done" }, Ct);
        await Expect.StatusAsync(expected, response);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    [Fact]
    public async Task A_student_submits_the_teacher_grades_and_student_parent_and_tutor_see_the_grade()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var id = await CreateAsync(c, DateTimeOffset.UtcNow.AddDays(3), maxScore: 10);

        var submission = await SubmitAsync(c.Student, id);
        Assert.False(submission.GetProperty("isLate").GetBoolean());
        Assert.Equal(1, submission.GetProperty("attempt").GetInt32());
        var graded = await GradeAsync(c.Teacher, submission.GetProperty("id").GetGuid(), 9);
        Assert.Equal("graded", graded.GetProperty("status").GetString());
        Assert.Equal(9m, graded.GetProperty("finalScore").GetDecimal());

        foreach (var viewer in new[] { c.Student, c.Parent, c.Tutor, c.Teacher })
        {
            var page = await viewer.Client.GetFromJsonAsync<JsonElement>("/api/assignments/submissions?status=graded", Ct);
            var item = Assert.Single(page.GetProperty("items").EnumerateArray());
            Assert.Equal(9m, item.GetProperty("score").GetDecimal());
            Assert.Equal("Well done", item.GetProperty("feedback").GetString());
            Assert.Equal(10m, item.GetProperty("maxScore").GetDecimal());
        }

        var stranger = await fixture.Learning.CreateClassroomAsync();
        foreach (var viewer in new[] { stranger.Student, stranger.Parent, stranger.Tutor, stranger.Teacher })
        {
            var page = await viewer.Client.GetFromJsonAsync<JsonElement>("/api/assignments/submissions", Ct);
            Assert.Equal(0, page.GetProperty("totalCount").GetInt32());
            var assignments = await viewer.Client.GetFromJsonAsync<JsonElement>("/api/assignments", Ct);
            Assert.Equal(0, assignments.GetProperty("totalCount").GetInt32());
        }

        using var strangerSubmits = await stranger.Student.Client.PostAsJsonAsync($"/api/assignments/{id}/submissions", new { text = "x" }, Ct);
        await Expect.ProblemAsync(HttpStatusCode.NotFound, strangerSubmits);
        using var strangerGrades = await stranger.Teacher.Client.PostAsJsonAsync(
            $"/api/assignments/submissions/{submission.GetProperty("id").GetGuid()}/grade", new { score = 1 }, Ct);
        await Expect.ProblemAsync(HttpStatusCode.NotFound, strangerGrades);
    }

    [Theory]
    [InlineData(80, 15, 68)]
    [InlineData(7.5, 33, 5.03)]
    [InlineData(50, 100, 0)]
    [InlineData(50, 0, 50)]
    public async Task A_late_submission_loses_the_penalty_percentage_of_its_score(decimal score, int penalty, decimal expected)
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var id = await CreateAsync(c, DateTimeOffset.UtcNow.AddDays(-1), penalty: penalty);

        var submission = await SubmitAsync(c.Student, id);
        Assert.True(submission.GetProperty("isLate").GetBoolean());
        Assert.Equal(penalty, submission.GetProperty("penaltyPercent").GetInt32());
        var graded = await GradeAsync(c.Teacher, submission.GetProperty("id").GetGuid(), score);
        Assert.Equal(score, graded.GetProperty("score").GetDecimal());
        Assert.Equal(expected, graded.GetProperty("finalScore").GetDecimal());
    }

    [Fact]
    public async Task On_time_work_is_not_penalised_and_scores_stay_within_the_maximum()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var id = await CreateAsync(c, DateTimeOffset.UtcNow.AddDays(1), maxScore: 20, penalty: 50);
        var submission = await SubmitAsync(c.Student, id);
        var submissionId = submission.GetProperty("id").GetGuid();

        await GradeAsync(c.Teacher, submissionId, 20.5m, HttpStatusCode.BadRequest);
        var graded = await GradeAsync(c.Teacher, submissionId, 20);
        Assert.Equal(20m, graded.GetProperty("finalScore").GetDecimal());
        Assert.Equal(0, graded.GetProperty("penaltyPercent").GetInt32());
    }

    [Fact]
    public async Task Attempts_are_limited_returned_work_can_be_resubmitted_and_drafts_and_closed_work_take_none()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var id = await CreateAsync(c, DateTimeOffset.UtcNow.AddDays(2), attempts: 2);

        var first = await SubmitAsync(c.Student, id);
        await SubmitAsync(c.Student, id, HttpStatusCode.Conflict); // the first awaits grading
        using (var back = await c.Teacher.Client.PostAsJsonAsync($"/api/assignments/submissions/{first.GetProperty("id").GetGuid()}/return",
                   new { feedback = "Show your working" }, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, back);
            Assert.Equal("returned", (await back.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString());
        }

        var second = await SubmitAsync(c.Student, id);
        Assert.Equal(2, second.GetProperty("attempt").GetInt32());
        await GradeAsync(c.Teacher, second.GetProperty("id").GetGuid(), 70);
        await SubmitAsync(c.Student, id, HttpStatusCode.UnprocessableEntity);

        var draft = await CreateAsync(c, DateTimeOffset.UtcNow.AddDays(2), publish: false);
        await SubmitAsync(c.Student, draft, HttpStatusCode.NotFound);
        var studentView = await c.Student.Client.GetFromJsonAsync<JsonElement>("/api/assignments", Ct);
        Assert.Equal([id], studentView.ItemIds());

        using (var publish = await c.Teacher.Client.PostAsync($"/api/assignments/{draft}/publish", null, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, publish);
        }

        using (var close = await c.Teacher.Client.PostAsync($"/api/assignments/{draft}/close", null, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, close);
        }

        await SubmitAsync(c.Student, draft, HttpStatusCode.Conflict);
        using var closeAgain = await c.Teacher.Client.PostAsync($"/api/assignments/{draft}/close", null, Ct);
        await Expect.ProblemAsync(HttpStatusCode.Conflict, closeAgain);
    }

    [Fact]
    public async Task Teachers_set_work_only_in_subjects_they_teach()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var otherSubject = await fixture.Learning.CreateSubjectAsync();
        using var response = await c.Teacher.Client.PostAsJsonAsync("/api/assignments", new
        {
            subjectId = otherSubject, title = "x", kind = "essay", dueAt = DateTimeOffset.UtcNow.AddDays(1), maxScore = 5,
        }, Ct);
        await Expect.ProblemAsync(HttpStatusCode.UnprocessableEntity, response);
        using var badKind = await c.Teacher.Client.PostAsJsonAsync("/api/assignments", new
        {
            subjectId = c.SubjectId, title = "x", kind = "quiz", dueAt = DateTimeOffset.UtcNow.AddDays(1), maxScore = 5,
        }, Ct);
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, badKind);
    }
}
