using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Users;

public sealed class AdminUsersTests(TheBotAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_admin_creates_a_user_without_a_password_and_gets_a_one_time_initial_password()
    {
        var admin = await fixture.People.AdminAsync();
        var email = $"new-{Guid.NewGuid():N}@tests.thebot.local";

        using var create = await admin.Client.PostAsJsonAsync("/api/admin/users", new { email, fullName = "Нина Новикова", role = "teacher" }, Ct);

        await Expect.StatusAsync(HttpStatusCode.Created, create);
        var body = await create.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var initialPassword = body.GetProperty("initialPassword").GetString()!;
        Assert.True(initialPassword.Length >= 16);
        Assert.Equal("teacher", body.GetProperty("user").GetProperty("role").GetString());
        var signedIn = await fixture.People.SignInAsync(email, initialPassword);
        Assert.Equal("teacher", signedIn.Role);
    }

    [Fact]
    public async Task Duplicate_emails_and_weak_passwords_are_validation_errors()
    {
        var admin = await fixture.People.AdminAsync();
        var existing = await fixture.People.CreateAccountAsync("student");

        using var duplicate = await admin.Client.PostAsJsonAsync("/api/admin/users", new { email = existing.Email.ToUpperInvariant(), fullName = "Dup", role = "student" }, Ct);
        using var weak = await admin.Client.PostAsJsonAsync("/api/admin/users", new { email = $"w-{Guid.NewGuid():N}@tests.thebot.local", fullName = "Weak", role = "student", password = "password1" }, Ct);
        using var badRole = await admin.Client.PostAsJsonAsync("/api/admin/users", new { email = $"r-{Guid.NewGuid():N}@tests.thebot.local", fullName = "Role", role = "wizard" }, Ct);

        Assert.True((await Expect.ProblemAsync(HttpStatusCode.BadRequest, duplicate)).GetProperty("errors").TryGetProperty("email", out _));
        Assert.True((await Expect.ProblemAsync(HttpStatusCode.BadRequest, weak)).GetProperty("errors").TryGetProperty("password", out _));
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, badRole);
    }

    [Fact]
    public async Task The_list_filters_by_role_and_search_and_pages()
    {
        var admin = await fixture.People.AdminAsync();
        var marker = $"zz{Guid.NewGuid():N}"[..14];
        for (var i = 0; i < 3; i++)
        {
            await fixture.People.CreateAccountAsync("tutor", namePrefix: $"{marker}-{i}");
        }

        await fixture.People.CreateAccountAsync("parent", namePrefix: $"{marker}-parent");

        var page1 = await admin.Client.GetFromJsonAsync<JsonElement>($"/api/admin/users?role=tutor&search={marker}&pageSize=2&page=1", Ct);
        var page2 = await admin.Client.GetFromJsonAsync<JsonElement>($"/api/admin/users?role=tutor&search={marker}&pageSize=2&page=2", Ct);

        Assert.Equal(3, page1.GetProperty("totalCount").GetInt32());
        Assert.Equal(2, page1.GetProperty("totalPages").GetInt32());
        Assert.Equal(2, page1.GetProperty("items").GetArrayLength());
        Assert.Equal(1, page2.GetProperty("items").GetArrayLength());
        Assert.All(page1.GetProperty("items").EnumerateArray().Concat(page2.GetProperty("items").EnumerateArray()),
            u => Assert.Equal("tutor", u.GetProperty("role").GetString()));
        using var tooBig = await admin.Client.GetAsync("/api/admin/users?pageSize=1000", Ct);
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, tooBig);
    }

    [Fact]
    public async Task A_demoted_admin_loses_admin_endpoints_on_the_very_next_request()
    {
        var second = await fixture.People.CreateAsync("admin");
        using (var before = await second.Client.GetAsync("/api/admin/users", Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, before);
        }

        var admin = await fixture.People.AdminAsync();
        using var demote = await admin.Client.PatchAsJsonAsync($"/api/admin/users/{second.Id}", new { role = "parent" }, Ct);
        await Expect.StatusAsync(HttpStatusCode.OK, demote);

        using var after = await second.Client.GetAsync("/api/admin/users", Ct);
        await Expect.ProblemAsync(HttpStatusCode.Forbidden, after);
        var me = await second.Client.GetFromJsonAsync<JsonElement>("/api/auth/me", Ct);
        Assert.Equal("parent", me.GetProperty("role").GetString());
    }

    [Fact]
    public async Task Deactivation_keeps_the_data_and_reactivation_restores_access()
    {
        var admin = await fixture.People.AdminAsync();
        var user = await fixture.People.CreateAccountAsync("student");

        using var deactivate = await admin.Client.DeleteAsync($"/api/admin/users/{user.Id}", Ct);
        await Expect.StatusAsync(HttpStatusCode.NoContent, deactivate);
        var details = await admin.Client.GetFromJsonAsync<JsonElement>($"/api/admin/users/{user.Id}", Ct);
        Assert.False(details.GetProperty("isActive").GetBoolean());
        Assert.Equal(user.Email, details.GetProperty("email").GetString());

        using var reactivate = await admin.Client.PatchAsJsonAsync($"/api/admin/users/{user.Id}", new { isActive = true }, Ct);
        await Expect.StatusAsync(HttpStatusCode.OK, reactivate);
        var signedIn = await fixture.People.SignInAsync(user.Email, People.DefaultPassword);
        Assert.Equal(user.Id, signedIn.Id);
    }

    [Fact]
    public async Task Reset_password_gives_a_temporary_password_and_ends_the_users_sessions()
    {
        var admin = await fixture.People.AdminAsync();
        var user = await fixture.People.CreateAsync("tutor");

        using var reset = await admin.Client.PostAsync($"/api/admin/users/{user.Id}/reset-password", null, Ct);

        await Expect.StatusAsync(HttpStatusCode.OK, reset);
        var temporary = (await reset.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("temporaryPassword").GetString()!;
        using var oldSession = await user.Client.GetAsync("/api/auth/me", Ct);
        await Expect.StatusAsync(HttpStatusCode.Unauthorized, oldSession);
        using var oldPassword = await fixture.Host.CreateWebClient().PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = user.Password }, Ct);
        await Expect.StatusAsync(HttpStatusCode.Unauthorized, oldPassword);
        Assert.Equal(user.Id, (await fixture.People.SignInAsync(user.Email, temporary)).Id);
    }

    [Fact]
    public async Task Parents_are_linked_to_students_only()
    {
        var admin = await fixture.People.AdminAsync();
        var student = await fixture.People.CreateAccountAsync("student");
        var parent = await fixture.People.CreateAccountAsync("parent");
        var teacher = await fixture.People.CreateAccountAsync("teacher");

        using var link = await admin.Client.PostAsJsonAsync($"/api/admin/users/{student.Id}/parents", new { parentId = parent.Id }, Ct);
        await Expect.StatusAsync(HttpStatusCode.NoContent, link);
        using var linkTwice = await admin.Client.PostAsJsonAsync($"/api/admin/users/{student.Id}/parents", new { parentId = parent.Id }, Ct);
        await Expect.StatusAsync(HttpStatusCode.NoContent, linkTwice);
        using var notAParent = await admin.Client.PostAsJsonAsync($"/api/admin/users/{student.Id}/parents", new { parentId = teacher.Id }, Ct);
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, notAParent);
        using var notAStudent = await admin.Client.PostAsJsonAsync($"/api/admin/users/{teacher.Id}/parents", new { parentId = parent.Id }, Ct);
        await Expect.ProblemAsync(HttpStatusCode.UnprocessableEntity, notAStudent);

        var studentDetails = await admin.Client.GetFromJsonAsync<JsonElement>($"/api/admin/users/{student.Id}", Ct);
        Assert.Equal(parent.Id, Assert.Single(studentDetails.GetProperty("student").GetProperty("parents").EnumerateArray()).GetProperty("id").GetGuid());
        var parentDetails = await admin.Client.GetFromJsonAsync<JsonElement>($"/api/admin/users/{parent.Id}", Ct);
        Assert.Equal(student.Id, Assert.Single(parentDetails.GetProperty("children").EnumerateArray()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Unknown_users_are_404()
    {
        var admin = await fixture.People.AdminAsync();

        using var get = await admin.Client.GetAsync($"/api/admin/users/{Guid.NewGuid()}", Ct);
        using var patch = await admin.Client.PatchAsJsonAsync($"/api/admin/users/{Guid.NewGuid()}", new { fullName = "x" }, Ct);

        await Expect.ProblemAsync(HttpStatusCode.NotFound, get);
        await Expect.ProblemAsync(HttpStatusCode.NotFound, patch);
    }
}
