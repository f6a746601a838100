using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Assignments;

public sealed class BulkGradingTests(TheBotAppFixture fixture)
{
    private const string Url = "/api/assignments/submissions/grade";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A classroom with a second student, work set for both (out of 10) and both handed in.</summary>
    private async Task<(Classroom Class, Family Other, Guid Assignment, Guid First, Guid Second)> TwoSubmissionsAsync()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var (_, other, _) = await fixture.Learning.AddStudentAsync(c);
        var assignment = await fixture.Learning.AssignAsync(c, new NewAssignment(MaxScore: 10));
        var first = await fixture.Learning.SubmitAsync(c.Student, assignment);
        var second = await fixture.Learning.SubmitAsync(other.Student, assignment);
        return (c, other, assignment, first, second);
    }

    /// <summary>A stored grade notification with this score (its wording is in the person's language).</summary>
    private static Predicate<JsonElement> Grade(string score) =>
        n => n.GetProperty("type").GetString() == "grade" && n.GetProperty("title").GetString()!.EndsWith(score, StringComparison.Ordinal);

    private static async Task<JsonElement> SubmissionAsync(SignedIn viewer, Guid id)
    {
        var page = await viewer.Client.GetFromJsonAsync<JsonElement>("/api/assignments/submissions?pageSize=100", Ct);
        return page.GetProperty("items").EnumerateArray().Single(s => s.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task A_teacher_grades_two_submissions_at_once_and_each_student_and_parent_is_told()
    {
        var (c, other, _, first, second) = await TwoSubmissionsAsync();

        using var response = await c.Teacher.Client.PostAsJsonAsync(Url, new
        {
            items = new object[] { new { submissionId = first }, new { submissionId = second, score = 6.5m } },
            score = 9,
            feedback = "Good work, see the notes",
        }, Ct);

        await Expect.StatusAsync(HttpStatusCode.OK, response);
        var graded = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).EnumerateArray().ToList();
        Assert.Equal([first, second], graded.Select(s => s.GetProperty("id").GetGuid()));
        Assert.All(graded, s => Assert.Equal("graded", s.GetProperty("status").GetString()));
        Assert.Equal([9m, 6.5m], graded.Select(s => s.GetProperty("finalScore").GetDecimal()));

        var mine = await SubmissionAsync(c.Student, first);
        Assert.Equal(9m, mine.GetProperty("score").GetDecimal());
        Assert.Equal("Good work, see the notes", mine.GetProperty("feedback").GetString());
        var theirs = await SubmissionAsync(other.Student, second);
        Assert.Equal(6.5m, theirs.GetProperty("score").GetDecimal());

        Assert.Contains(await c.Student.NotificationsAsync(), Grade("9 / 10"));
        Assert.Contains(await other.Student.NotificationsAsync(), Grade("6.5 / 10"));
        Assert.Contains(await c.Parent.NotificationsAsync(), Grade("9 / 10"));
        Assert.Contains(await other.Parent.NotificationsAsync(), Grade("6.5 / 10"));
    }

    [Fact]
    public async Task When_any_row_cannot_be_graded_none_is_and_the_answer_names_every_failed_row()
    {
        var (c, other, assignment, first, second) = await TwoSubmissionsAsync();
        var third = await fixture.Learning.AddStudentAsync(c);
        var returned = await fixture.Learning.SubmitAsync(third.Family.Student, assignment);
        using (var giveBack = await c.Teacher.Client.PostAsJsonAsync($"/api/assignments/submissions/{returned}/return", new { feedback = "Redo it" }, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, giveBack);
        }

        using var response = await c.Teacher.Client.PostAsJsonAsync(Url, new
        {
            items = new object[] { new { submissionId = first, score = 8 }, new { submissionId = second, score = 11 }, new { submissionId = returned, score = 5 } },
        }, Ct);

        var problem = await Expect.ProblemAsync(HttpStatusCode.UnprocessableEntity, response);
        var errors = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["items[1].score", "items[2]"], errors);
        Assert.Contains("10", problem.GetProperty("errors").GetProperty("items[1].score")[0].GetString(), StringComparison.Ordinal);

        Assert.Equal("submitted", (await SubmissionAsync(c.Student, first)).GetProperty("status").GetString());
        Assert.Equal("submitted", (await SubmissionAsync(other.Student, second)).GetProperty("status").GetString());
        Assert.DoesNotContain(await c.Student.NotificationsAsync(), n => n.GetProperty("type").GetString() == "grade");

        using var noScore = await c.Teacher.Client.PostAsJsonAsync(Url, new { items = new object[] { new { submissionId = first }, new { submissionId = second, score = 7 } } }, Ct);
        var unscored = await Expect.ProblemAsync(HttpStatusCode.UnprocessableEntity, noScore);
        Assert.Equal(["items[0].score"], unscored.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal("submitted", (await SubmissionAsync(other.Student, second)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Only_the_teachers_own_submissions_can_be_graded_and_nothing_is_when_one_is_not()
    {
        var (c, _, _, first, _) = await TwoSubmissionsAsync();
        var elsewhere = await fixture.Learning.CreateClassroomAsync();
        var foreignAssignment = await fixture.Learning.AssignAsync(elsewhere);
        var foreign = await fixture.Learning.SubmitAsync(elsewhere.Student, foreignAssignment);

        using (var mixed = await c.Teacher.Client.PostAsJsonAsync(Url, new { items = new object[] { new { submissionId = first }, new { submissionId = foreign } }, score = 5 }, Ct))
        {
            var problem = await Expect.ProblemAsync(HttpStatusCode.NotFound, mixed);
            Assert.Equal([foreign], problem.GetProperty("missing").EnumerateArray().Select(e => e.GetGuid()));
        }

        Assert.Equal("submitted", (await SubmissionAsync(c.Student, first)).GetProperty("status").GetString());
        Assert.Equal("submitted", (await SubmissionAsync(elsewhere.Student, foreign)).GetProperty("status").GetString());

        foreach (var notTeacher in new[] { c.Student, c.Parent, c.Tutor })
        {
            using var denied = await notTeacher.Client.PostAsJsonAsync(Url, new { items = new object[] { new { submissionId = first } }, score = 5 }, Ct);
            await Expect.ProblemAsync(HttpStatusCode.Forbidden, denied);
        }
    }

    [Fact]
    public async Task The_list_must_be_one_to_a_hundred_distinct_submissions()
    {
        var (c, _, _, first, _) = await TwoSubmissionsAsync();

        using (var empty = await c.Teacher.Client.PostAsJsonAsync(Url, new { items = Array.Empty<object>(), score = 5 }, Ct))
        {
            await Expect.ProblemAsync(HttpStatusCode.BadRequest, empty);
        }

        using (var twice = await c.Teacher.Client.PostAsJsonAsync(Url, new { items = new object[] { new { submissionId = first }, new { submissionId = first } }, score = 5 }, Ct))
        {
            var problem = await Expect.ProblemAsync(HttpStatusCode.BadRequest, twice);
            Assert.True(problem.GetProperty("errors").TryGetProperty("items", out _));
        }

        var tooMany = Enumerable.Range(0, 101).Select(_ => new { submissionId = Guid.NewGuid() }).ToArray();
        using (var overLimit = await c.Teacher.Client.PostAsJsonAsync(Url, new { items = tooMany, score = 5 }, Ct))
        {
            await Expect.ProblemAsync(HttpStatusCode.BadRequest, overLimit);
        }

        using (var negative = await c.Teacher.Client.PostAsJsonAsync(Url, new { items = new object[] { new { submissionId = first, score = -1 } } }, Ct))
        {
            await Expect.ProblemAsync(HttpStatusCode.BadRequest, negative);
        }

        Assert.Equal("submitted", (await SubmissionAsync(c.Student, first)).GetProperty("status").GetString());
    }
}
