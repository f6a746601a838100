using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Assignments;

/// <summary>Work for chosen students: the others, their parents and tutors never see it; the choice grows once published.</summary>
public sealed class AssignmentTargetingTests(TheBotAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Work_for_a_chosen_student_is_unknown_to_the_other_student_and_their_family()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var (chosenTutor, chosen, _) = await fixture.Learning.AddStudentAsync(c);
        var id = await fixture.Learning.AssignAsync(c, new NewAssignment(Title: "Extra fractions", StudentIds: [chosen.Student.Id]));

        foreach (var viewer in new[] { chosen.Student, chosen.Parent, chosenTutor })
        {
            Assert.Contains(id, (await viewer.Client.GetFromJsonAsync<JsonElement>("/api/assignments", Ct)).ItemIds());
            var seen = await viewer.Client.GetFromJsonAsync<JsonElement>($"/api/assignments/{id}", Ct);
            Assert.False(seen.GetProperty("forAllStudents").GetBoolean());
            Assert.Empty(seen.GetProperty("students").EnumerateArray()); // nobody but the teacher learns who else has it
        }

        foreach (var viewer in new[] { c.Student, c.Parent, c.Tutor })
        {
            Assert.DoesNotContain(id, (await viewer.Client.GetFromJsonAsync<JsonElement>("/api/assignments", Ct)).ItemIds());
            using var get = await viewer.Client.GetAsync($"/api/assignments/{id}", Ct);
            await Expect.ProblemAsync(HttpStatusCode.NotFound, get);
        }

        using (var submit = await c.Student.Client.PostAsJsonAsync($"/api/assignments/{id}/submissions", new { text = "Mine too?" }, Ct))
        {
            await Expect.ProblemAsync(HttpStatusCode.NotFound, submit);
        }

        using (var start = await c.Student.Client.PostAsync($"/api/assignments/{id}/attempts", null, Ct))
        {
            await Expect.ProblemAsync(HttpStatusCode.NotFound, start);
        }

        var teachers = await c.Teacher.Client.GetFromJsonAsync<JsonElement>($"/api/assignments/{id}", Ct);
        Assert.Equal([chosen.Student.Id], teachers.GetProperty("students").EnumerateArray().Select(s => s.GetProperty("id").GetGuid()));

        Assert.Single(await HomeworkAsync(chosen.Student, "Extra fractions"));
        Assert.Single(await HomeworkAsync(chosen.Parent, "Extra fractions"));
        Assert.Empty(await HomeworkAsync(c.Student, "Extra fractions"));
        Assert.Empty(await HomeworkAsync(c.Parent, "Extra fractions"));

        await fixture.Learning.SubmitAsync(chosen.Student, id);
    }

    [Fact]
    public async Task Only_actively_enrolled_students_can_be_chosen_and_the_refusal_names_the_others()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var (tutor, dropped, enrollmentId) = await fixture.Learning.AddStudentAsync(c);
        using (var drop = await tutor.Client.PatchAsJsonAsync($"/api/enrollments/{enrollmentId}", new { status = "dropped" }, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, drop);
        }

        var stranger = await fixture.Learning.CreateClassroomAsync();
        var nobody = Guid.NewGuid();

        var problem = await CreateProblemAsync(c, [c.Student.Id, dropped.Student.Id, stranger.Student.Id, nobody]);
        var named = problem.GetProperty("detail").GetString()!;
        var dropName = (await dropped.Student.Client.GetFromJsonAsync<JsonElement>("/api/auth/me", Ct)).GetProperty("fullName").GetString()!;
        Assert.Contains(dropName, named, StringComparison.Ordinal);
        Assert.Contains(nobody.ToString(), named, StringComparison.Ordinal);
        Assert.DoesNotContain(c.Student.Id.ToString(), named, StringComparison.Ordinal);
        Assert.Equal(
            new[] { dropped.Student.Id, stranger.Student.Id, nobody }.Order(),
            problem.GetProperty("studentIds").EnumerateArray().Select(e => e.GetGuid()).Order());

        var mine = await c.Teacher.Client.GetFromJsonAsync<JsonElement>("/api/assignments", Ct);
        Assert.Equal(0, mine.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task A_draft_s_students_change_freely_and_a_published_one_s_only_grow_each_newcomer_told()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var (_, other, _) = await fixture.Learning.AddStudentAsync(c);
        var id = await fixture.Learning.AssignAsync(c, new NewAssignment(Title: "Group project", Publish: false, StudentIds: [c.Student.Id]));

        var swapped = await PatchAsync(c.Teacher, id, new { studentIds = new[] { other.Student.Id } });
        Assert.Equal([other.Student.Id], Students(swapped));
        var everyone = await PatchAsync(c.Teacher, id, new { studentIds = Array.Empty<Guid>() });
        Assert.True(everyone.GetProperty("forAllStudents").GetBoolean());
        Assert.Empty(Students(everyone));
        var back = await PatchAsync(c.Teacher, id, new { studentIds = new[] { c.Student.Id } });
        Assert.False(back.GetProperty("forAllStudents").GetBoolean());

        using (var publish = await c.Teacher.Client.PostAsync($"/api/assignments/{id}/publish", null, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, publish);
        }

        Assert.Single(await HomeworkAsync(c.Student, "Group project"));
        Assert.Empty(await HomeworkAsync(other.Student, "Group project"));

        await PatchAsync(c.Teacher, id, new { studentIds = new[] { other.Student.Id } }, HttpStatusCode.Conflict);
        await PatchAsync(c.Teacher, id, new { studentIds = Array.Empty<Guid>() }, HttpStatusCode.Conflict);
        await PatchAsync(c.Teacher, id, new { studentIds = new[] { c.Student.Id, Guid.NewGuid() } }, HttpStatusCode.UnprocessableEntity);
        var grown = await PatchAsync(c.Teacher, id, new { studentIds = new[] { c.Student.Id, other.Student.Id } });
        Assert.Equal(new[] { c.Student.Id, other.Student.Id }.Order(), Students(grown).Order());

        Assert.Single(await HomeworkAsync(other.Student, "Group project"));
        Assert.Single(await HomeworkAsync(other.Parent, "Group project"));
        Assert.Single(await HomeworkAsync(c.Student, "Group project")); // told once, not again
        Assert.Contains(id, (await other.Student.Client.GetFromJsonAsync<JsonElement>("/api/assignments", Ct)).ItemIds());

        using (var close = await c.Teacher.Client.PostAsync($"/api/assignments/{id}/close", null, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, close);
        }

        await PatchAsync(c.Teacher, id, new { studentIds = new[] { c.Student.Id, other.Student.Id } }, HttpStatusCode.Conflict);
        var forAll = await fixture.Learning.AssignAsync(c, new NewAssignment(Title: "Everyone's"));
        await PatchAsync(c.Teacher, forAll, new { studentIds = new[] { c.Student.Id } }, HttpStatusCode.Conflict);
    }

    private static List<Guid> Students(JsonElement assignment) =>
        assignment.GetProperty("students").EnumerateArray().Select(s => s.GetProperty("id").GetGuid()).ToList();

    private static async Task<List<JsonElement>> HomeworkAsync(SignedIn user, string title) =>
        [.. (await user.NotificationsAsync()).Where(n => n.GetProperty("type").GetString() == "assignment"
            && n.GetProperty("title").GetString()!.Contains(title, StringComparison.Ordinal))];

    private static async Task<JsonElement> CreateProblemAsync(Classroom c, Guid[] studentIds)
    {
        using var response = await c.Teacher.Client.PostAsJsonAsync("/api/assignments", new
        {
            subjectId = c.SubjectId, title = "Chosen", kind = "homework", dueAt = DateTimeOffset.UtcNow.AddDays(2), maxScore = 10, publish = true, studentIds,
        }, Ct);
        return await Expect.ProblemAsync(HttpStatusCode.UnprocessableEntity, response);
    }

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
}
