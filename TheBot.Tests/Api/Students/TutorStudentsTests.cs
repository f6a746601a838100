using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Students;

public sealed class TutorStudentsTests(TheBotAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_tutor_creates_a_student_and_invites_a_new_parent_who_sets_their_own_password()
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
        Assert.Equal("student", student.Role);
        Assert.False(body.GetProperty("parent").TryGetProperty("initialPassword", out _));
        await fixture.Learning.RedeemAsync(body.GetProperty("parent").GetProperty("code").GetString()!);
        var parent = await fixture.People.SignInAsync(parentEmail, People.DefaultPassword);
        Assert.Equal("parent", parent.Role);

        var mine = await tutor.Client.GetFromJsonAsync<JsonElement>("/api/tutor/students", Ct);
        var listed = Assert.Single(mine.GetProperty("items").EnumerateArray());
        Assert.Equal(student.Id, listed.GetProperty("id").GetGuid());
        Assert.Equal(7, listed.GetProperty("grade").GetInt32());
        var linked = Assert.Single(listed.GetProperty("parents").EnumerateArray());
        Assert.Equal((parent.Id, "Мария Петрова"), (linked.GetProperty("id").GetGuid(), linked.GetProperty("fullName").GetString()));
    }

    [Fact]
    public async Task Naming_an_existing_account_as_the_parent_answers_exactly_as_for_a_new_email_and_links_nothing()
    {
        var tutor = await fixture.People.CreateAsync("tutor");
        var parent = await fixture.People.CreateAccountAsync("parent");
        var teacher = await fixture.People.CreateAccountAsync("teacher");
        var emails = new[] { $"fresh-{Guid.NewGuid():N}@tests.thebot.local", parent.Email, teacher.Email, fixture.Host.Secrets.AdminEmail };

        var replies = new List<(int Status, string Shape, JsonElement Body)>();
        foreach (var email in emails)
        {
            using var response = await tutor.Client.PostAsJsonAsync("/api/tutor/students", new
            {
                student = new { fullName = "Probe Child", email = $"probe-{Guid.NewGuid():N}@tests.thebot.local" },
                parent = new { fullName = "Typed Name", email },
            }, Ct);
            var text = await response.Content.ReadAsStringAsync(Ct);
            Assert.DoesNotContain(parent.Id.ToString(), text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(teacher.Id.ToString(), text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("role", text, StringComparison.OrdinalIgnoreCase);
            var body = JsonSerializer.Deserialize<JsonElement>(text);
            replies.Add(((int)response.StatusCode, Shape(body), body));
        }

        Assert.All(replies, r => Assert.Equal(201, r.Status));
        Assert.All(replies, r => Assert.Equal(replies[0].Shape, r.Shape));
        Assert.All(replies.Zip(emails), r =>
        {
            var (reply, email) = r;
            Assert.Equal(("Typed Name", email), (reply.Body.GetProperty("parent").GetProperty("fullName").GetString(), reply.Body.GetProperty("parent").GetProperty("email").GetString()));
        });
        var mine = await tutor.Client.GetFromJsonAsync<JsonElement>("/api/tutor/students", Ct);
        Assert.Equal(emails.Length, mine.GetProperty("totalCount").GetInt32());
        Assert.All(mine.GetProperty("items").EnumerateArray(), s => Assert.Empty(s.GetProperty("parents").EnumerateArray()));
    }

    /// <summary>Property paths and value kinds: what a reply looks like, whatever its values.</summary>
    private static string Shape(JsonElement element, string path = "") => element.ValueKind switch
    {
        JsonValueKind.Object => string.Join(";", element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => Shape(p.Value, $"{path}.{p.Name}"))),
        JsonValueKind.Array => $"{path}[{string.Join(",", element.EnumerateArray().Select(e => Shape(e, path)))}]",
        var kind => $"{path}:{kind}",
    };

    [Fact]
    public async Task A_parent_email_equal_to_the_students_is_refused_and_creates_nobody()
    {
        var tutor = await fixture.People.CreateAsync("tutor");
        var studentEmail = $"orphan-{Guid.NewGuid():N}@tests.thebot.local";

        using var sameEmail = await tutor.Client.PostAsJsonAsync("/api/tutor/students", new
        {
            student = new { fullName = "Orphan", email = studentEmail },
            parent = new { fullName = "Same Email", email = studentEmail.ToUpperInvariant() },
        }, Ct);

        var problem = await Expect.ProblemAsync(HttpStatusCode.BadRequest, sameEmail);
        Assert.True(problem.GetProperty("errors").TryGetProperty("parent.email", out _));
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
