using System.Net;
using System.Net.Http.Json;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Audit;

/// <summary>An admin's changes to people are in the audit log: who, what, before → after; a refused change is not.</summary>
public sealed class AuditedPeopleTests(TheBotAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Creating_updating_deactivating_reactivating_and_changing_a_role_are_each_recorded()
    {
        var admin = await fixture.People.AdminAsync();
        var user = await fixture.People.CreateAccountAsync("teacher", "Audited");

        var created = await AuditLog.SingleAsync(admin, user.Id, "create");
        AuditLog.ActedBy(created, admin, "admin");
        Assert.Equal("user", created.GetProperty("entity").GetProperty("type").GetString());
        Assert.Contains(user.Email, created.GetProperty("entity").GetProperty("label").GetString(), StringComparison.Ordinal);
        Assert.Equal((null, user.Email), AuditLog.Change(created, "email"));
        Assert.Equal((null, "(hidden)"), AuditLog.Change(created, "passwordHash"));

        await PatchAsync(admin, user.Id, new { fullName = "Renamed Teacher" });
        var renamed = await AuditLog.SingleAsync(admin, user.Id, "update");
        Assert.Equal("Renamed Teacher", AuditLog.Change(renamed, "fullName").After);
        Assert.StartsWith("Audited", AuditLog.Change(renamed, "fullName").Before, StringComparison.Ordinal);

        await PatchAsync(admin, user.Id, new { role = "tutor" });
        var role = await AuditLog.SingleAsync(admin, user.Id, "change-role");
        Assert.Equal(("teacher", "tutor"), AuditLog.Change(role, "role"));

        using (var deactivate = await admin.Client.DeleteAsync($"/api/admin/users/{user.Id}", Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.NoContent, deactivate);
        }

        Assert.Equal(("true", "false"), AuditLog.Change(await AuditLog.SingleAsync(admin, user.Id, "deactivate"), "isActive"));

        await PatchAsync(admin, user.Id, new { isActive = true });
        Assert.Equal(("false", "true"), AuditLog.Change(await AuditLog.SingleAsync(admin, user.Id, "reactivate"), "isActive"));

        // Newest first.
        var actions = (await AuditLog.OfEntityAsync(admin, user.Id)).Select(r => r.GetProperty("action").GetString()).ToList();
        Assert.Equal(["reactivate", "deactivate", "change-role", "update", "create"], actions);
    }

    [Fact]
    public async Task A_password_reset_is_one_row_that_never_shows_the_password()
    {
        var admin = await fixture.People.AdminAsync();
        var user = await fixture.People.CreateAccountAsync("parent");

        using var reset = await admin.Client.PostAsync($"/api/admin/users/{user.Id}/reset-password", null, Ct);
        await Expect.StatusAsync(HttpStatusCode.OK, reset);
        var temporary = (await reset.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Ct)).GetProperty("temporaryPassword").GetString()!;

        var row = await AuditLog.SingleAsync(admin, user.Id, "reset-password");
        AuditLog.ActedBy(row, admin, "admin");
        Assert.Equal(("(hidden)", "(hidden)"), AuditLog.Change(row, "passwordHash"));
        Assert.DoesNotContain(temporary, row.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_change_leaves_no_row()
    {
        var admin = await fixture.People.AdminAsync();
        var user = await fixture.People.CreateAccountAsync("student");

        using var refused = await admin.Client.PatchAsJsonAsync($"/api/admin/users/{user.Id}", new { fullName = "Never Saved", timeZone = "Mars/Olympus" }, Ct);
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, refused);

        var rows = await AuditLog.OfEntityAsync(admin, user.Id);
        Assert.Equal(["create"], rows.Select(r => r.GetProperty("action").GetString()));
    }

    [Fact]
    public async Task What_people_change_about_themselves_as_parents_is_not_staff_work_and_is_not_recorded()
    {
        var admin = await fixture.People.AdminAsync();
        var parent = await fixture.People.CreateAsync("parent");

        using var profile = await parent.Client.PatchAsJsonAsync("/api/profile", new { fullName = "A Parent Renamed" }, Ct);
        Assert.True(profile.IsSuccessStatusCode, $"profile update: {(int)profile.StatusCode}");

        var rows = await AuditLog.OfEntityAsync(admin, parent.Id);
        Assert.DoesNotContain(rows, r => r.GetProperty("actor").GetProperty("id").GetGuid() == parent.Id);
    }

    private static async Task PatchAsync(SignedIn admin, Guid userId, object body)
    {
        using var response = await admin.Client.PatchAsJsonAsync($"/api/admin/users/{userId}", body, Ct);
        await Expect.StatusAsync(HttpStatusCode.OK, response);
    }
}
