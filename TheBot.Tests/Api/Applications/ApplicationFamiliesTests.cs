using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Applications;

/// <summary>
/// A student's application names a parent; admins hear of it at once (bell, live, the admins' Telegram group); the
/// approval creates both accounts, linked, and e-mails each their sign-in details.
/// </summary>
public sealed partial class ApplicationFamiliesTests(TheBotAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_new_application_is_announced_to_admins_in_the_bell_live_and_in_the_admins_Telegram_group()
    {
        var colleague = await fixture.People.CreateAsync("admin", "Colleague");
        await using var socket = await Chatting.ListenAsync(fixture.Host, colleague, Ct);
        var name = $"Announced {Guid.NewGuid():N}";

        var (_, email) = await SubmitAsync(name, parent: ("Parent Announced", $"parent-{Guid.NewGuid():N}@tests.thebot.local"));

        var pushed = await socket.WaitAsync("notification", n => n.GetProperty("type").GetString() == "applicationSubmitted"
            && n.GetProperty("title").GetString()!.Contains(name, StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        Assert.Equal("/admin/applications", pushed.GetProperty("link").GetString());
        var admin = await fixture.People.AdminAsync();
        Assert.Contains(await admin.NotificationsAsync(), n => n.GetProperty("type").GetString() == "applicationSubmitted"
            && n.GetProperty("title").GetString()!.Contains(name, StringComparison.Ordinal));
        var group = await fixture.Telegram.WaitForMessageAsync(FakeTelegramBotApi.AdminChatId, m => m.Text.Contains(email, StringComparison.Ordinal));
        Assert.Contains(name, group.Text, StringComparison.Ordinal);
        Assert.Contains("Parent Announced", group.Text, StringComparison.Ordinal);
        // The log channel carries applications too (every event when Telegram:LogEvents is left out).
        await fixture.Telegram.WaitForMessageAsync(FakeTelegramBotApi.LogChatId, m => m.Text.Contains(email, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Approving_a_students_application_creates_the_student_and_the_parent_linked_and_both_sign_in_with_the_emailed_details()
    {
        var parentEmail = $"parent-{Guid.NewGuid():N}@tests.thebot.local";
        var (id, studentEmail) = await SubmitAsync("Маша Семейная", parent: ("Анна Семейная", parentEmail), language: "en");
        var admin = await fixture.People.AdminAsync();

        using var approve = await admin.Client.PostAsJsonAsync($"/api/admin/applications/{id}/approve", new { }, Ct);

        await Expect.StatusAsync(HttpStatusCode.OK, approve);
        var approved = await approve.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("student", approved.GetProperty("role").GetString());
        var parent = approved.GetProperty("parent");
        Assert.Equal(parentEmail, parent.GetProperty("email").GetString());
        Assert.Equal("parent", parent.GetProperty("role").GetString());

        // Each gets an e-mail in the family's language with their details; the parent's carries the child's too.
        var studentMail = await fixture.Smtp.WaitForAsync(studentEmail);
        var parentMail = await fixture.Smtp.WaitForAsync(parentEmail);
        Assert.Contains("approved", studentMail.Message.Subject, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(studentMail.Html));
        var studentPassword = PasswordIn(studentMail.Text, 0);
        Assert.Equal(approved.GetProperty("initialPassword").GetString(), studentPassword);
        Assert.Equal(parent.GetProperty("initialPassword").GetString(), PasswordIn(parentMail.Text, 0));
        Assert.Equal(studentPassword, PasswordIn(parentMail.Text, 1));
        Assert.Contains("http://thebot.test/sign-in", parentMail.Text, StringComparison.Ordinal);

        var student = await fixture.People.SignInAsync(studentEmail, studentPassword);
        var parentSignedIn = await fixture.People.SignInAsync(parentEmail, PasswordIn(parentMail.Text, 0));
        Assert.Equal("student", student.Role);
        Assert.Equal("parent", parentSignedIn.Role);
        var details = await admin.Client.GetFromJsonAsync<JsonElement>($"/api/admin/users/{approved.GetProperty("userId").GetGuid()}", Ct);
        Assert.Contains(details.GetProperty("student").GetProperty("parents").EnumerateArray(), p => p.GetProperty("id").GetGuid() == parent.GetProperty("userId").GetGuid());
        var listed = (await admin.Client.GetFromJsonAsync<JsonElement>("/api/admin/applications?status=approved&pageSize=100", Ct))
            .GetProperty("items").EnumerateArray().Single(a => a.GetProperty("id").GetGuid() == id);
        Assert.Equal(parent.GetProperty("userId").GetGuid(), listed.GetProperty("createdParentId").GetGuid());

        using var again = await admin.Client.PostAsJsonAsync($"/api/admin/applications/{id}/approve", new { }, Ct);
        await Expect.ProblemAsync(HttpStatusCode.Conflict, again);
    }

    [Fact]
    public async Task A_parent_email_already_used_by_an_account_is_a_409_naming_the_field_and_creates_nobody()
    {
        var existing = await fixture.People.CreateAccountAsync("parent");
        var (id, studentEmail) = await SubmitAsync("Taken Parent Child", parent: ("Taken Parent", existing.Email));
        var admin = await fixture.People.AdminAsync();

        using var approve = await admin.Client.PostAsJsonAsync($"/api/admin/applications/{id}/approve", new { }, Ct);

        var problem = await Expect.ProblemAsync(HttpStatusCode.Conflict, approve);
        Assert.Equal("parentEmail", problem.GetProperty("field").GetString());
        var users = await admin.Client.GetFromJsonAsync<JsonElement>($"/api/admin/users?search={studentEmail}", Ct);
        Assert.Equal(0, users.GetProperty("totalCount").GetInt32());
        var still = (await admin.Client.GetFromJsonAsync<JsonElement>("/api/admin/applications?status=pending&pageSize=100", Ct))
            .GetProperty("items").EnumerateArray();
        Assert.Contains(still, a => a.GetProperty("id").GetGuid() == id);
    }

    [Theory]
    [InlineData("teacher", "Some Parent", "other", "parentEmail")]
    [InlineData("student", "Some Parent", "same", "parentEmail")]
    [InlineData("student", null, "other", "parentFullName")]
    [InlineData("student", "Some Parent", null, "parentEmail")]
    public async Task A_parent_is_named_in_full_only_for_a_student_and_with_their_own_email(string role, string? parentName, string? parentEmail, string field)
    {
        using var anonymous = fixture.Host.CreateWebClient();
        var email = $"invalid-{Guid.NewGuid():N}@tests.thebot.local";
        var parentAddress = parentEmail switch { "same" => email, "other" => $"p-{Guid.NewGuid():N}@tests.thebot.local", _ => null };

        using var response = await anonymous.PostAsJsonAsync("/api/applications",
            new { fullName = "Invalid Family", email, desiredRole = role, parentFullName = parentName, parentEmail = parentAddress }, Ct);

        var problem = await Expect.ProblemAsync(HttpStatusCode.BadRequest, response);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    private async Task<(Guid Id, string Email)> SubmitAsync(string fullName, (string Name, string Email)? parent = null, string language = "ru")
    {
        using var anonymous = fixture.Host.CreateWebClient();
        var email = $"family-{Guid.NewGuid():N}@tests.thebot.local";
        using var submit = await anonymous.PostAsJsonAsync("/api/applications", new
        {
            fullName, email, desiredRole = "student", message = "Хотим заниматься", parentFullName = parent?.Name, parentEmail = parent?.Email, language,
        }, Ct);
        await Expect.StatusAsync(HttpStatusCode.Created, submit);
        var admin = await fixture.People.AdminAsync();
        var list = await admin.Client.GetFromJsonAsync<JsonElement>("/api/admin/applications?status=pending&pageSize=100", Ct);
        var id = list.GetProperty("items").EnumerateArray().Single(a => a.GetProperty("email").GetString() == email).GetProperty("id").GetGuid();
        return (id, email);
    }

    /// <summary>The <paramref name="index"/>th password in a welcome e-mail's text (own account first, then the child's).</summary>
    private static string PasswordIn(string text, int index) => Password().Matches(text)[index].Groups[1].Value;

    [GeneratedRegex(@"Password: (\S+)")]
    private static partial Regex Password();
}
