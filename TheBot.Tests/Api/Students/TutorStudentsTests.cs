using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Students;

public sealed class TutorStudentsTests(TheBotAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_tutor_creates_a_student_and_a_new_parent_together_and_both_can_sign_in()
    {
        var tutor = await fixture.People.CreateAsync("tutor");
        var studentEmail = $"kid-{Guid.NewGuid():N}@tests.thebot.local";
        var parentEmail = $"mum-{Guid.NewGuid():N}@tests.thebot.local";

        using var response = await tutor.Client.PostAsJsonAsync("/api/tutor/students", new
        {
            student = new { fullName = "Ваня Петров", email = studentEmail, grade = 7, goal = "Олимпиада" },
            parent = new { fullName = "Мария Петрова", email = parentEmail, phone = "+7 900 000-00-00" },
        }, Ct);

        await Expect.StatusAsync(HttpStatusCode.Created, response);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var student = await fixture.People.SignInAsync(studentEmail, body.GetProperty("student").GetProperty("initialPassword").GetString()!);
        var parent = await fixture.People.SignInAsync(parentEmail, body.GetProperty("parent").GetProperty("initialPassword").GetString()!);
        Assert.Equal("student", student.Role);
        Assert.Equal("parent", parent.Role);
        Assert.False(body.GetProperty("parent").GetProperty("existing").GetBoolean());

        var mine = await tutor.Client.GetFromJsonAsync<JsonElement>("/api/tutor/students", Ct);
        var listed = Assert.Single(mine.GetProperty("items").EnumerateArray());
        Assert.Equal(student.Id, listed.GetProperty("id").GetGuid());
        Assert.Equal(7, listed.GetProperty("grade").GetInt32());
        Assert.Equal(parent.Id, Assert.Single(listed.GetProperty("parents").EnumerateArray()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task An_existing_parent_is_linked_by_email_and_gets_no_new_password()
    {
        var tutor = await fixture.People.CreateAsync("tutor");
        var parent = await fixture.People.CreateAccountAsync("parent");

        using var response = await tutor.Client.PostAsJsonAsync("/api/tutor/students", new
        {
            student = new { fullName = "Second Child", email = $"kid2-{Guid.NewGuid():N}@tests.thebot.local" },
            parent = new { email = parent.Email },
        }, Ct);

        await Expect.StatusAsync(HttpStatusCode.Created, response);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(parent.Id, body.GetProperty("parent").GetProperty("id").GetGuid());
        Assert.True(body.GetProperty("parent").GetProperty("existing").GetBoolean());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("parent").GetProperty("initialPassword").ValueKind);
    }

    [Fact]
    public async Task When_the_parent_cannot_be_created_the_student_is_not_created_either()
    {
        var tutor = await fixture.People.CreateAsync("tutor");
        var takenByStudent = await fixture.People.CreateAccountAsync("student");
        var studentEmail = $"orphan-{Guid.NewGuid():N}@tests.thebot.local";

        using var notAParent = await tutor.Client.PostAsJsonAsync("/api/tutor/students", new
        {
            student = new { fullName = "Orphan", email = studentEmail },
            parent = new { email = takenByStudent.Email },
        }, Ct);
        using var parentRefused = await tutor.Client.PostAsJsonAsync("/api/tutor/students", new
        {
            student = new { fullName = "Orphan", email = studentEmail },
            parent = new { fullName = "Same Email", email = studentEmail },
        }, Ct);

        await Expect.ProblemAsync(HttpStatusCode.BadRequest, notAParent);
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, parentRefused);
        var admin = await fixture.People.AdminAsync();
        var search = await admin.Client.GetFromJsonAsync<JsonElement>($"/api/admin/users?search={studentEmail}", Ct);
        Assert.Equal(0, search.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task A_tutor_sees_only_their_own_students()
    {
        var first = await fixture.People.CreateAsync("tutor");
        var second = await fixture.People.CreateAsync("tutor");
        using var created = await first.Client.PostAsJsonAsync("/api/tutor/students", new
        {
            student = new { fullName = "Only Mine", email = $"mine-{Guid.NewGuid():N}@tests.thebot.local" },
            parent = new { fullName = "Parent", email = $"p-{Guid.NewGuid():N}@tests.thebot.local" },
        }, Ct);
        await Expect.StatusAsync(HttpStatusCode.Created, created);

        var others = await second.Client.GetFromJsonAsync<JsonElement>("/api/tutor/students", Ct);

        Assert.Equal(0, others.GetProperty("totalCount").GetInt32());
    }
}
