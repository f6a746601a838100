using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Subjects;

public sealed class SubjectsTests(TheBotAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Admins_manage_subjects_and_names_are_unique()
    {
        var admin = await fixture.People.AdminAsync();
        var name = $"Химия {Guid.NewGuid():N}"[..16];

        using var created = await admin.Client.PostAsJsonAsync("/api/subjects", new { name, description = "Органика", color = "#AA00FF" }, Ct);
        var id = await Expect.CreatedAsync(created);
        using var duplicate = await admin.Client.PostAsJsonAsync("/api/subjects", new { name }, Ct);
        await Expect.ProblemAsync(HttpStatusCode.Conflict, duplicate);
        using var badColor = await admin.Client.PostAsJsonAsync("/api/subjects", new { name = name + "x", color = "purple" }, Ct);
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, badColor);

        using var deactivate = await admin.Client.PatchAsJsonAsync($"/api/subjects/{id}", new { isActive = false }, Ct);
        await Expect.StatusAsync(HttpStatusCode.OK, deactivate);
        var student = await fixture.People.CreateAsync("student");
        // Other tests add subjects all the time: search for this one so it cannot fall off the first page.
        var search = Uri.EscapeDataString(name);
        var visible = await student.Client.GetFromJsonAsync<JsonElement>($"/api/subjects?includeInactive=true&search={search}", Ct);
        Assert.Equal(0, visible.GetProperty("items").GetArrayLength());
        var all = await admin.Client.GetFromJsonAsync<JsonElement>($"/api/subjects?includeInactive=true&search={search}", Ct);
        Assert.Equal(id, Assert.Single(all.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        var active = await admin.Client.GetFromJsonAsync<JsonElement>($"/api/subjects?search={search}", Ct);
        Assert.Equal(0, active.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task A_search_matches_percent_and_underscore_literally()
    {
        var admin = await fixture.People.AdminAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        using var literal = await admin.Client.PostAsJsonAsync("/api/subjects", new { name = $"Off 50%_{tag}" }, Ct);
        var literalId = await Expect.CreatedAsync(literal);
        using var lookalike = await admin.Client.PostAsJsonAsync("/api/subjects", new { name = $"Off 500x{tag}" }, Ct);
        await Expect.CreatedAsync(lookalike);

        // Unescaped, "50%_" would be a wildcard pattern and match "500x" too.
        var found = await admin.Client.GetFromJsonAsync<JsonElement>($"/api/subjects?search={Uri.EscapeDataString($"50%_{tag}")}", Ct);
        Assert.Equal(literalId, Assert.Single(found.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Teachers_declare_what_they_teach_and_appear_among_its_teachers()
    {
        var teacher = await fixture.People.CreateAsync("teacher");
        var first = await fixture.Learning.CreateSubjectAsync();
        var second = await fixture.Learning.CreateSubjectAsync();

        await fixture.Learning.TeachAsync(teacher, first, second);
        await fixture.Learning.TeachAsync(teacher, second);

        var mine = await teacher.Client.GetFromJsonAsync<JsonElement>("/api/teacher/subjects", Ct);
        Assert.Equal(second, Assert.Single(mine.EnumerateArray()).GetProperty("id").GetGuid());
        var teachers = await teacher.Client.GetFromJsonAsync<JsonElement>($"/api/subjects/{second}/teachers", Ct);
        Assert.Contains(teachers.EnumerateArray(), t => t.GetProperty("id").GetGuid() == teacher.Id);
        using var unknown = await teacher.Client.PutAsJsonAsync("/api/teacher/subjects", new { subjectIds = new[] { Guid.NewGuid() } }, Ct);
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, unknown);
    }
}
