using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Auth;

/// <summary>
/// "Forgot password" by e-mailed link, against the real SMTP server of the test host (<see cref="TestSmtpServer"/>):
/// nothing tells whether an address has an account; the link arrives, works once, not after it expired, and ends
/// every session; the new password follows the usual rules.
/// </summary>
public sealed partial class PasswordResetTests(TheBotAppFixture fixture)
{
    private const string NewPassword = "Brand-new-Staple-42";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_unknown_address_gets_the_same_202_and_no_email()
    {
        var unknown = $"nobody-{Guid.NewGuid():N}@tests.thebot.local";
        using var anonymous = fixture.People.CreateAnonymousClient();

        using var response = await anonymous.PostAsJsonAsync("/api/auth/password-reset", new { email = unknown }, Ct);

        await Expect.StatusAsync(HttpStatusCode.Accepted, response);
        // A known address's e-mail arrives within a second or two (the next test); this one must not arrive at all.
        var known = await fixture.People.CreateAccountAsync("parent");
        await RequestAsync(known.Email);
        await fixture.Smtp.WaitForAsync(known.Email);
        Assert.Empty(fixture.Smtp.To(unknown));
    }

    [Fact]
    public async Task The_email_carries_a_link_in_the_users_language_and_the_link_works_once()
    {
        var user = await fixture.People.CreateAsync("parent");
        using (var language = await user.Client.PatchAsJsonAsync("/api/auth/me", new { language = "en" }, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, language);
        }

        await RequestAsync(user.Email);
        var mail = await fixture.Smtp.WaitForAsync(user.Email);
        Assert.Equal("Reset your TheBot password", mail.Message.Subject);
        var token = TokenFrom(mail);
        Assert.Contains($"{TestSmtpServer.AppBaseUrl}/reset-password?token=", mail.Text, StringComparison.Ordinal);
        Assert.Contains($"href=\"{TestSmtpServer.AppBaseUrl}/reset-password?token=", mail.Html, StringComparison.Ordinal);
        Assert.Contains("30 minutes", mail.Text, StringComparison.Ordinal);

        using (var first = await ConfirmAsync(token, NewPassword))
        {
            await Expect.StatusAsync(HttpStatusCode.NoContent, first);
        }

        await fixture.People.SignInAsync(user.Email, NewPassword);

        using var second = await ConfirmAsync(token, "Another-Staple-43");
        await Expect.StatusAsync(HttpStatusCode.BadRequest, second);
        var problem = await second.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains("already been used", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await fixture.People.SignInAsync(user.Email, NewPassword);
    }

    [Fact]
    public async Task A_russian_reader_gets_the_email_in_russian()
    {
        var user = await fixture.People.CreateAccountAsync("student");

        await RequestAsync(user.Email);

        var mail = await fixture.Smtp.WaitForAsync(user.Email);
        Assert.Equal("Сброс пароля TheBot", mail.Message.Subject);
        Assert.Contains("Задать новый пароль", mail.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_link_is_refused_with_410_and_a_forged_one_with_400()
    {
        var user = await fixture.People.CreateAccountAsync("tutor");
        await RequestAsync(user.Email);
        var token = TokenFrom(await fixture.Smtp.WaitForAsync(user.Email));
        await fixture.Billing.ExecuteSqlAsync(
            "UPDATE password_reset_requests SET created_at = now() - interval '2 hours', expires_at = now() - interval '1 minute' WHERE user_id = $1", user.Id);

        using (var expired = await ConfirmAsync(token, NewPassword))
        {
            await Expect.StatusAsync(HttpStatusCode.Gone, expired);
            var problem = await expired.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.Contains("expired", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        using (var forged = await ConfirmAsync(token[..^4] + "AAAA", NewPassword))
        {
            await Expect.StatusAsync(HttpStatusCode.BadRequest, forged);
        }

        using (var nonsense = await ConfirmAsync("not-a-token", NewPassword))
        {
            await Expect.StatusAsync(HttpStatusCode.BadRequest, nonsense);
        }

        // The old password still works.
        await fixture.People.SignInAsync(user.Email, People.DefaultPassword);
    }

    [Fact]
    public async Task Using_the_link_ends_every_other_session_of_the_user()
    {
        var phone = await fixture.People.CreateAsync("parent");
        var laptop = await fixture.People.SignInAsync(phone.Email, People.DefaultPassword);

        await RequestAsync(phone.Email);
        var token = TokenFrom(await fixture.Smtp.WaitForAsync(phone.Email));
        using (var confirm = await ConfirmAsync(token, NewPassword))
        {
            await Expect.StatusAsync(HttpStatusCode.NoContent, confirm);
        }

        foreach (var device in new[] { phone, laptop })
        {
            using var me = await device.Client.GetAsync("/api/auth/me", Ct);
            await Expect.StatusAsync(HttpStatusCode.Unauthorized, me);
            using var refresh = await device.Client.PostAsync("/api/auth/refresh", null, Ct);
            await Expect.StatusAsync(HttpStatusCode.Unauthorized, refresh);
        }
    }

    [Fact]
    public async Task A_weak_new_password_is_400_with_the_field_and_leaves_the_link_usable()
    {
        var user = await fixture.People.CreateAccountAsync("parent");
        await RequestAsync(user.Email);
        var token = TokenFrom(await fixture.Smtp.WaitForAsync(user.Email));

        using (var common = await ConfirmAsync(token, "password123"))
        {
            await Expect.StatusAsync(HttpStatusCode.BadRequest, common);
            var problem = await common.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.True(problem.GetProperty("errors").TryGetProperty("newPassword", out _));
        }

        using (var tooShort = await ConfirmAsync(token, "short"))
        {
            await Expect.StatusAsync(HttpStatusCode.BadRequest, tooShort);
        }

        using var good = await ConfirmAsync(token, NewPassword);
        await Expect.StatusAsync(HttpStatusCode.NoContent, good);
    }

    [Fact]
    public async Task The_purge_job_deletes_requests_a_day_after_they_expired()
    {
        var user = await fixture.People.CreateAccountAsync("parent");
        await RequestAsync(user.Email);
        await fixture.Smtp.WaitForAsync(user.Email);
        await fixture.Billing.ExecuteSqlAsync(
            "UPDATE password_reset_requests SET created_at = now() - interval '3 days', expires_at = now() - interval '2 days' WHERE user_id = $1", user.Id);
        var admin = await fixture.People.AdminAsync();

        var run = await admin.RunJobAsync("purge-password-resets");

        Assert.Equal("succeeded", run.GetProperty("outcome").GetString());
        Assert.Equal("passwordResetsDeleted", run.GetProperty("resultCode").GetString());
        Assert.True(run.GetProperty("counts").GetProperty("deleted").GetInt64() >= 1);
    }

    private async Task RequestAsync(string email)
    {
        using var anonymous = fixture.People.CreateAnonymousClient();
        using var response = await anonymous.PostAsJsonAsync("/api/auth/password-reset", new { email }, Ct);
        await Expect.StatusAsync(HttpStatusCode.Accepted, response);
    }

    private async Task<HttpResponseMessage> ConfirmAsync(string token, string newPassword)
    {
        using var anonymous = fixture.People.CreateAnonymousClient();
        return await anonymous.PostAsJsonAsync("/api/auth/password-reset/confirm", new { token, newPassword }, Ct);
    }

    /// <summary>The token of the e-mail's reset link.</summary>
    public static string TokenFrom(ReceivedMail mail) =>
        Uri.UnescapeDataString(ResetLink().Match(mail.Text) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException("No reset link in the e-mail."));

    [GeneratedRegex(@"/reset-password\?token=(\S+)")]
    private static partial Regex ResetLink();
}
