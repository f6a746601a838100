using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Users;

/// <summary>
/// Bulk actions on selected users: each user's outcome (done, or skipped and why), the same follow-up as a single
/// change (sessions ended, temporary passwords that work), and the problems for a bad request. The caller is a new
/// admin of each test, so that refusing to deactivate oneself touches nobody else's admin.
/// </summary>
public sealed class BulkUserActionsTests(TheBotAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Deactivating_selected_users_ends_their_sessions_and_skips_self_the_inactive_and_the_unknown()
    {
        var admin = await fixture.People.CreateAsync("admin");
        var tutor = await fixture.People.CreateAsync("tutor");
        var parent = await fixture.People.CreateAsync("parent");
        var inactive = await fixture.People.CreateAccountAsync("student");
        using (var deactivate = await admin.Client.DeleteAsync($"/api/admin/users/{inactive.Id}", Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.NoContent, deactivate);
        }

        var unknown = Guid.NewGuid();

        var result = await BulkAsync(admin, new { action = "deactivate", userIds = new[] { tutor.Id, parent.Id, inactive.Id, admin.Id, unknown, tutor.Id } });

        Assert.Equal(2, result.GetProperty("done").GetInt32());
        Assert.Equal(3, result.GetProperty("skipped").GetInt32());
        var outcomes = Outcomes(result);
        Assert.Equal(("done", null), outcomes[tutor.Id]);
        Assert.Equal(("done", null), outcomes[parent.Id]);
        Assert.Equal(("skipped", "already-inactive"), outcomes[inactive.Id]);
        Assert.Equal(("skipped", "self"), outcomes[admin.Id]);
        Assert.Equal(("skipped", "not-found"), outcomes[unknown]);

        foreach (var person in new[] { tutor, parent })
        {
            using var me = await person.Client.GetAsync("/api/auth/me", Ct);
            await Expect.StatusAsync(HttpStatusCode.Unauthorized, me);
            using var refresh = await person.Client.PostAsync("/api/auth/refresh", null, Ct);
            await Expect.StatusAsync(HttpStatusCode.Unauthorized, refresh);
            var details = await admin.Client.GetFromJsonAsync<JsonElement>($"/api/admin/users/{person.Id}", Ct);
            Assert.False(details.GetProperty("isActive").GetBoolean());
        }

        using var stillAdmin = await admin.Client.GetAsync("/api/auth/me", Ct);
        await Expect.StatusAsync(HttpStatusCode.OK, stillAdmin);
    }

    [Fact]
    public async Task Reactivating_restores_access_and_skips_those_already_active()
    {
        var admin = await fixture.People.CreateAsync("admin");
        var teacher = await fixture.People.CreateAccountAsync("teacher");
        var active = await fixture.People.CreateAccountAsync("parent");
        await BulkAsync(admin, new { action = "deactivate", userIds = new[] { teacher.Id } });

        var result = await BulkAsync(admin, new { action = "reactivate", userIds = new[] { teacher.Id, active.Id } });

        var outcomes = Outcomes(result);
        Assert.Equal(("done", null), outcomes[teacher.Id]);
        Assert.Equal(("skipped", "already-active"), outcomes[active.Id]);
        Assert.Equal(teacher.Id, (await fixture.People.SignInAsync(teacher.Email, People.DefaultPassword)).Id);
    }

    [Fact]
    public async Task Resetting_passwords_returns_a_working_temporary_password_per_user_and_ends_their_sessions()
    {
        var admin = await fixture.People.CreateAsync("admin");
        var first = await fixture.People.CreateAsync("student");
        var second = await fixture.People.CreateAsync("teacher");

        var result = await BulkAsync(admin, new { action = "reset-password", userIds = new[] { first.Id, second.Id } });

        Assert.Equal(2, result.GetProperty("done").GetInt32());
        var passwords = result.GetProperty("results").EnumerateArray()
            .ToDictionary(r => r.GetProperty("userId").GetGuid(), r => r.GetProperty("temporaryPassword").GetString()!);
        Assert.NotEqual(passwords[first.Id], passwords[second.Id]);
        foreach (var person in new[] { first, second })
        {
            using var oldSession = await person.Client.GetAsync("/api/auth/me", Ct);
            await Expect.StatusAsync(HttpStatusCode.Unauthorized, oldSession);
            using var oldPassword = await fixture.People.CreateAnonymousClient().PostAsJsonAsync("/api/auth/login", new { email = person.Email, password = person.Password }, Ct);
            await Expect.StatusAsync(HttpStatusCode.Unauthorized, oldPassword);
            Assert.Equal(person.Id, (await fixture.People.SignInAsync(person.Email, passwords[person.Id])).Id);
        }
    }

    [Fact]
    public async Task Assigning_a_tutor_changes_students_only_and_skips_those_who_already_have_them()
    {
        var admin = await fixture.People.CreateAsync("admin");
        var tutor = await fixture.People.CreateAsync("tutor");
        var newTutor = await fixture.People.CreateAccountAsync("tutor");
        var family = await fixture.Learning.CreateFamilyAsync(tutor);
        var loneStudent = await fixture.People.CreateAccountAsync("student");
        var teacher = await fixture.People.CreateAccountAsync("teacher");
        var alreadyTheirs = await fixture.People.CreateAccountAsync("student");
        await BulkAsync(admin, new { action = "assign-tutor", userIds = new[] { alreadyTheirs.Id }, tutorId = newTutor.Id });

        var result = await BulkAsync(admin, new
        {
            action = "assign-tutor",
            userIds = new[] { family.Student.Id, loneStudent.Id, teacher.Id, family.Parent.Id, alreadyTheirs.Id },
            tutorId = newTutor.Id,
        });

        var outcomes = Outcomes(result);
        Assert.Equal(("done", null), outcomes[family.Student.Id]);
        Assert.Equal(("done", null), outcomes[loneStudent.Id]);
        Assert.Equal(("skipped", "not-a-student"), outcomes[teacher.Id]);
        Assert.Equal(("skipped", "not-a-student"), outcomes[family.Parent.Id]);
        Assert.Equal(("skipped", "already-assigned"), outcomes[alreadyTheirs.Id]);
        foreach (var studentId in new[] { family.Student.Id, loneStudent.Id, alreadyTheirs.Id })
        {
            var details = await admin.Client.GetFromJsonAsync<JsonElement>($"/api/admin/users/{studentId}", Ct);
            Assert.Equal(newTutor.Id, details.GetProperty("student").GetProperty("tutor").GetProperty("id").GetGuid());
        }
    }

    [Fact]
    public async Task Bad_actions_empty_or_oversized_selections_and_missing_tutors_are_unprocessable_and_malformed_input_is_a_bad_request()
    {
        var admin = await fixture.People.CreateAsync("admin");
        var student = await fixture.People.CreateAccountAsync("student");
        var parent = await fixture.People.CreateAccountAsync("parent");
        var tooMany = Enumerable.Range(0, 501).Select(_ => Guid.NewGuid()).ToArray();

        foreach (var request in new object[]
        {
            new { action = "delete", userIds = new[] { student.Id } },
            new { action = "deactivate", userIds = Array.Empty<Guid>() },
            new { action = "deactivate", userIds = tooMany },
            new { action = "assign-tutor", userIds = new[] { student.Id } },
            new { action = "assign-tutor", userIds = new[] { student.Id }, tutorId = parent.Id },
        })
        {
            using var response = await admin.Client.PostAsJsonAsync("/api/admin/users/bulk", request, Ct);
            await Expect.ProblemAsync(HttpStatusCode.UnprocessableEntity, response);
        }

        foreach (var request in new object[] { new { action = "deactivate", userIds = "everyone" }, new { userIds = new[] { student.Id } } })
        {
            using var response = await admin.Client.PostAsJsonAsync("/api/admin/users/bulk", request, Ct);
            await Expect.ProblemAsync(HttpStatusCode.BadRequest, response);
        }

        var tutor = await fixture.People.CreateAsync("tutor");
        using var notAdmin = await tutor.Client.PostAsJsonAsync("/api/admin/users/bulk", new { action = "deactivate", userIds = new[] { student.Id } }, Ct);
        await Expect.ProblemAsync(HttpStatusCode.Forbidden, notAdmin);
        var untouched = await admin.Client.GetFromJsonAsync<JsonElement>($"/api/admin/users/{student.Id}", Ct);
        Assert.True(untouched.GetProperty("isActive").GetBoolean());
    }

    private static async Task<JsonElement> BulkAsync(SignedIn admin, object request)
    {
        using var response = await admin.Client.PostAsJsonAsync("/api/admin/users/bulk", request, Ct);
        await Expect.StatusAsync(HttpStatusCode.OK, response);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private static Dictionary<Guid, (string? Outcome, string? Reason)> Outcomes(JsonElement result) =>
        result.GetProperty("results").EnumerateArray().ToDictionary(
            r => r.GetProperty("userId").GetGuid(),
            r => (r.GetProperty("outcome").GetString(), r.TryGetProperty("reason", out var reason) && reason.ValueKind == JsonValueKind.String ? reason.GetString() : null));
}
