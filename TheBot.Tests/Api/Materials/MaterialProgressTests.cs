using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Materials;

/// <summary>Progress on materials: opening, heartbeats of time spent (bounded), completion, and the summaries per subject.</summary>
public sealed class MaterialProgressTests(TheBotAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Heartbeats_add_time_spent_no_faster_than_the_clock_and_at_most_a_minute_each()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var id = await fixture.Learning.CreateMaterialAsync(c);

        var opened = await ReportAsync(c.Student, id, new { });
        Assert.Equal(0, opened.GetProperty("secondsSpent").GetInt32());
        Assert.Equal(JsonValueKind.Null, opened.GetProperty("completedAt").ValueKind);

        // Right after the opening: a heartbeat claiming half a minute is credited only the moment that passed.
        var start = (await ReportAsync(c.Student, id, new { seconds = 30 })).GetProperty("secondsSpent").GetInt32();
        Assert.InRange(start, 0, 3);

        await ShiftLastActiveAsync(id, c.Student.Id, TimeSpan.FromSeconds(45));
        Assert.Equal(start + 30, (await ReportAsync(c.Student, id, new { seconds = 30 })).GetProperty("secondsSpent").GetInt32());

        await ShiftLastActiveAsync(id, c.Student.Id, TimeSpan.FromSeconds(10));
        var middle = (await ReportAsync(c.Student, id, new { seconds = 30 })).GetProperty("secondsSpent").GetInt32();
        Assert.InRange(middle, start + 40, start + 43);

        // Hours later (a tab left open, or a forged claim): one heartbeat is never worth more than a minute.
        await ShiftLastActiveAsync(id, c.Student.Id, TimeSpan.FromHours(3));
        var spent = (await ReportAsync(c.Student, id, new { seconds = 60 })).GetProperty("secondsSpent").GetInt32();
        Assert.Equal(middle + 60, spent);

        foreach (var claim in new object[] { new { seconds = 61 }, new { seconds = -1 }, new { seconds = 3600 } })
        {
            using var tooMuch = await c.Student.Client.PostAsJsonAsync($"/api/materials/{id}/progress", claim, Ct);
            await Expect.ProblemAsync(HttpStatusCode.BadRequest, tooMuch);
        }

        var done = await ReportAsync(c.Student, id, new { completed = true });
        Assert.NotEqual(JsonValueKind.Null, done.GetProperty("completedAt").ValueKind);
        Assert.Equal(spent, done.GetProperty("secondsSpent").GetInt32());

        var list = await c.Student.Client.GetFromJsonAsync<JsonElement>("/api/materials", Ct);
        var mine = Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("progress");
        Assert.Equal(spent, mine.GetProperty("secondsSpent").GetInt32());
        Assert.NotEqual(JsonValueKind.Null, mine.GetProperty("completedAt").ValueKind);
        var teachers = await c.Teacher.Client.GetFromJsonAsync<JsonElement>("/api/materials", Ct);
        Assert.Equal(JsonValueKind.Null, Assert.Single(teachers.GetProperty("items").EnumerateArray()).GetProperty("progress").ValueKind);

        var perStudent = await c.Teacher.Client.GetFromJsonAsync<JsonElement>($"/api/materials/{id}/progress", Ct);
        var row = Assert.Single(perStudent.EnumerateArray());
        Assert.Equal(c.Student.Id, row.GetProperty("student").GetProperty("id").GetGuid());
        Assert.Equal(spent, row.GetProperty("secondsSpent").GetInt32());

        var other = await fixture.Learning.CreateClassroomAsync();
        using var notTheirs = await other.Student.Client.PostAsJsonAsync($"/api/materials/{id}/progress", new { seconds = 30 }, Ct);
        await Expect.ProblemAsync(HttpStatusCode.NotFound, notTheirs);
        using var parent = await c.Parent.Client.PostAsJsonAsync($"/api/materials/{id}/progress", new { }, Ct);
        await Expect.ProblemAsync(HttpStatusCode.Forbidden, parent);
    }

    [Fact]
    public async Task Each_viewer_sees_the_share_of_materials_completed_per_student_and_subject()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var classmate = await fixture.Learning.CreateFamilyAsync(c.Tutor);
        await fixture.Learning.EnrollAsync(c.Tutor, classmate.Student.Id, c.SubjectId, c.Teacher.Id);
        var first = await fixture.Learning.CreateMaterialAsync(c, "First");
        var second = await fixture.Learning.CreateMaterialAsync(c, "Second");
        var third = await fixture.Learning.CreateMaterialAsync(c, "Third");
        await fixture.Learning.CreateMaterialAsync(c, "For the classmate only", studentIds: [classmate.Student.Id]);
        using (var draft = await c.Teacher.Client.PostAsJsonAsync("/api/materials", new { subjectId = c.SubjectId, title = "Draft", kind = "lesson", status = "draft" }, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.Created, draft);
        }

        await ReportAsync(c.Student, first, new { completed = true });
        await ReportAsync(c.Student, second, new { });
        await ShiftLastActiveAsync(second, c.Student.Id, TimeSpan.FromMinutes(5));
        await ReportAsync(c.Student, second, new { seconds = 45 });
        await ReportAsync(c.Student, third, new { completed = true });

        var url = $"/api/materials/progress?studentId={c.Student.Id}";
        foreach (var viewer in new[] { c.Student, c.Parent, c.Tutor, c.Teacher })
        {
            var page = await viewer.Client.GetFromJsonAsync<JsonElement>(url, Ct);
            var row = Assert.Single(page.GetProperty("items").EnumerateArray());
            Assert.Equal(c.SubjectId, row.GetProperty("subject").GetProperty("id").GetGuid());
            Assert.Equal(c.Teacher.Id, row.GetProperty("teacher").GetProperty("id").GetGuid());
            Assert.Equal(3, row.GetProperty("materials").GetInt32());
            Assert.Equal(3, row.GetProperty("opened").GetInt32());
            Assert.Equal(2, row.GetProperty("completed").GetInt32());
            Assert.Equal(66, row.GetProperty("percentCompleted").GetInt32());
            Assert.Equal(45, row.GetProperty("secondsSpent").GetInt32());
        }

        var teachers = await c.Teacher.Client.GetFromJsonAsync<JsonElement>($"/api/materials/progress?subjectId={c.SubjectId}", Ct);
        var rows = teachers.GetProperty("items").EnumerateArray().ToDictionary(r => r.GetProperty("student").GetProperty("id").GetGuid());
        Assert.Equal(2, rows.Count);
        Assert.Equal(4, rows[classmate.Student.Id].GetProperty("materials").GetInt32());
        Assert.Equal(0, rows[classmate.Student.Id].GetProperty("percentCompleted").GetInt32());

        var own = await classmate.Student.Client.GetFromJsonAsync<JsonElement>("/api/materials/progress", Ct);
        Assert.Equal([classmate.Student.Id], own.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("student").GetProperty("id").GetGuid()));

        var stranger = await fixture.Learning.CreateClassroomAsync();
        foreach (var outsider in new[] { stranger.Teacher, stranger.Parent, stranger.Tutor, classmate.Parent })
        {
            var none = await outsider.Client.GetFromJsonAsync<JsonElement>(url, Ct);
            Assert.Empty(none.GetProperty("items").EnumerateArray());
        }

        using var badPage = await c.Teacher.Client.GetAsync("/api/materials/progress?pageSize=1000", Ct);
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, badPage);
    }

    private static async Task<JsonElement> ReportAsync(SignedIn student, Guid id, object body)
    {
        using var response = await student.Client.PostAsJsonAsync($"/api/materials/{id}/progress", body, Ct);
        await Expect.StatusAsync(HttpStatusCode.OK, response);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    /// <summary>As if the student's previous report had come <paramref name="ago"/> earlier.</summary>
    private Task ShiftLastActiveAsync(Guid materialId, Guid studentId, TimeSpan ago) => fixture.Billing.ExecuteSqlAsync(
        "UPDATE material_progress SET last_active_at = last_active_at - $3 WHERE material_id = $1 AND student_id = $2", materialId, studentId, ago);
}
