using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TheBot.Tests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace TheBot.Tests.Web.Browser;

/// <summary>An applicant applies, an admin approves the application, and the new account signs in.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ApplicationApprovalTests(TheBotAppFixture app, BrowserFixture browser)
{
    [Fact]
    public async Task An_admin_approves_an_application_and_the_applicant_can_sign_in()
    {
        var email = $"applicant-{Guid.NewGuid():N}@example.com";

        // The applicant applies through the public form.
        await using var applicantSession = await browser.NewSessionAsync(app.Host.WebEndpoint);
        var applicant = applicantSession.Page;
        await applicant.GotoAsync("/apply");
        await applicant.GetByLabel("Full name").FillAsync("Olga Teacherova");
        await applicant.GetByLabel("Email").FillAsync(email);
        await applicant.GetByLabel("I want to join as").SelectOptionAsync("teacher");
        await applicant.GetByLabel("Message").FillAsync("Chemistry, ten years at school.");
        await applicant.GetByRole(AriaRole.Button, new() { Name = "Send application" }).ClickAsync();
        await Expect(applicant.Locator("[data-status]")).ToHaveAttributeAsync("data-status", "pending");
        var statusUrl = applicant.Url;
        await Screenshots.SaveAsync(applicant, "approval-1-applicant-pending");

        // An admin finds it among the pending applications and approves it.
        var admin = await app.People.CreateAsync("admin");
        await using var adminSession = await browser.NewSessionAsync(app.Host.WebEndpoint);
        var page = adminSession.Page;
        await BrowserSignIn.SignInAsync(page, admin.Email, admin.Password);
        await BrowserSignIn.OpenAsync(page, "Applications");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign-up applications", Level = 1 })).ToBeVisibleAsync();
        var card = page.Locator($"[data-application='{email}']");
        await Expect(card).ToContainTextAsync("Chemistry, ten years at school.");
        await Expect(card.GetByLabel("Approve as")).ToHaveValueAsync("teacher");
        await card.GetByLabel("Note for the applicant").FillAsync("Welcome aboard!");
        await Screenshots.SaveAsync(page, "approval-2-admin-pending-list");
        await card.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = $"the account {email} (Teacher) has been created" })).ToBeVisibleAsync();
        var password = (await page.Locator(".secret__value").TextContentAsync())!.Trim();
        Assert.False(string.IsNullOrEmpty(password));
        // Decided applications leave the pending list.
        await Expect(card).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(page, "approval-3-admin-approved");

        await page.GetByLabel("Status").SelectOptionAsync("approved");
        await Expect(card.Locator("[data-status]")).ToHaveAttributeAsync("data-status", "approved");
        await Screenshots.SaveAsync(page, "approval-4-admin-approved-list");

        // The applicant's status page says so, with the admin's note (opened later, from the kept link), and the account works.
        await using var laterSession = await browser.NewSessionAsync(app.Host.WebEndpoint);
        var later = laterSession.Page;
        await later.GotoAsync(statusUrl);
        await Expect(later.Locator("[data-status]")).ToHaveAttributeAsync("data-status", "approved", new() { Timeout = 15_000 });
        await Expect(later.Locator(".details")).ToContainTextAsync("Welcome aboard!");
        await Screenshots.SaveAsync(later, "approval-5-applicant-approved");

        await BrowserSignIn.SignInAsync(later, email, password);
        await Expect(later.Locator(".user__role")).ToHaveTextAsync("Teacher");
        await Screenshots.SaveAsync(later, "approval-6-new-teacher-signed-in");

        adminSession.AssertNoPageProblems();
        applicantSession.AssertNoPageProblems();
        laterSession.AssertNoPageProblems();
    }
}
