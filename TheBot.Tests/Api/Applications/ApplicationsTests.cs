using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Applications;

public sealed class ApplicationsTests(TheBotAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_applicant_follows_the_application_and_an_admin_approves_it_into_an_account()
    {
        using var anonymous = fixture.Host.CreateWebClient();
        var email = $"applicant-{Guid.NewGuid():N}@tests.thebot.local";
        using var submit = await anonymous.PostAsJsonAsync("/api/applications",
            new { fullName = "Ольга Заявкина", email, phone = "+7 901 111-22-33", desiredRole = "teacher", message = "Преподаю физику" }, Ct);
        await Expect.StatusAsync(HttpStatusCode.Created, submit);
        var token = (await submit.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("trackingToken").GetString()!;

        var pending = await anonymous.GetFromJsonAsync<JsonElement>($"/api/applications/{token}", Ct);
        Assert.Equal("pending", pending.GetProperty("status").GetString());

        var admin = await fixture.People.AdminAsync();
        var list = await admin.Client.GetFromJsonAsync<JsonElement>("/api/admin/applications?status=pending&pageSize=100", Ct);
        var id = list.GetProperty("items").EnumerateArray().Single(a => a.GetProperty("email").GetString() == email).GetProperty("id").GetGuid();

        using var approve = await admin.Client.PostAsJsonAsync($"/api/admin/applications/{id}/approve", new { note = "Добро пожаловать" }, Ct);
        await Expect.StatusAsync(HttpStatusCode.OK, approve);
        var approved = await approve.Content.ReadFromJsonAsync<JsonElement>(Ct);

        var signedIn = await fixture.People.SignInAsync(email, approved.GetProperty("initialPassword").GetString()!);
        Assert.Equal("teacher", signedIn.Role);
        var status = await anonymous.GetFromJsonAsync<JsonElement>($"/api/applications/{token}", Ct);
        Assert.Equal("approved", status.GetProperty("status").GetString());
        Assert.Equal("Добро пожаловать", status.GetProperty("decisionNote").GetString());

        using var approveAgain = await admin.Client.PostAsJsonAsync($"/api/admin/applications/{id}/approve", new { }, Ct);
        await Expect.ProblemAsync(HttpStatusCode.Conflict, approveAgain);
    }

    [Fact]
    public async Task A_rejected_application_shows_the_note_and_creates_no_account()
    {
        using var anonymous = fixture.Host.CreateWebClient();
        var email = $"rejected-{Guid.NewGuid():N}@tests.thebot.local";
        using var submit = await anonymous.PostAsJsonAsync("/api/applications", new { fullName = "No Thanks", email, desiredRole = "student" }, Ct);
        var token = (await submit.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("trackingToken").GetString()!;
        var admin = await fixture.People.AdminAsync();
        var list = await admin.Client.GetFromJsonAsync<JsonElement>("/api/admin/applications?status=pending&pageSize=100", Ct);
        var id = list.GetProperty("items").EnumerateArray().Single(a => a.GetProperty("email").GetString() == email).GetProperty("id").GetGuid();

        using var reject = await admin.Client.PostAsJsonAsync($"/api/admin/applications/{id}/reject", new { note = "Группа набрана" }, Ct);

        await Expect.StatusAsync(HttpStatusCode.NoContent, reject);
        var status = await anonymous.GetFromJsonAsync<JsonElement>($"/api/applications/{token}", Ct);
        Assert.Equal("rejected", status.GetProperty("status").GetString());
        var users = await admin.Client.GetFromJsonAsync<JsonElement>($"/api/admin/users?search={email}", Ct);
        Assert.Equal(0, users.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task One_pending_application_per_email_and_nobody_applies_to_be_admin()
    {
        using var anonymous = fixture.Host.CreateWebClient();
        var email = $"twice-{Guid.NewGuid():N}@tests.thebot.local";

        using var first = await anonymous.PostAsJsonAsync("/api/applications", new { fullName = "Twice", email, desiredRole = "parent" }, Ct);
        using var second = await anonymous.PostAsJsonAsync("/api/applications", new { fullName = "Twice", email, desiredRole = "parent" }, Ct);
        using var admin = await anonymous.PostAsJsonAsync("/api/applications", new { fullName = "Boss", email = $"boss-{Guid.NewGuid():N}@tests.thebot.local", desiredRole = "admin" }, Ct);

        await Expect.StatusAsync(HttpStatusCode.Created, first);
        await Expect.ProblemAsync(HttpStatusCode.Conflict, second);
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, admin);
    }

    [Fact]
    public async Task Unknown_tracking_tokens_are_404()
    {
        using var anonymous = fixture.Host.CreateWebClient();

        using var response = await anonymous.GetAsync("/api/applications/this-token-does-not-exist-0123456789", Ct);

        await Expect.ProblemAsync(HttpStatusCode.NotFound, response);
    }
}
