using Microsoft.Playwright;
using TheBot.Tests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace TheBot.Tests.Web.Browser;

/// <summary>A student applies naming a parent; the admin approves and sees both accounts' sign-in details once; both sign in.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ApplicationFamilyApprovalTests(TheBotAppFixture app, BrowserFixture browser)
{
    [Fact]
    public async Task An_admin_approves_a_students_application_and_sees_the_student_and_parent_sign_in_details_once()
    {
        var studentEmail = $"family-student-{Guid.NewGuid():N}@example.com";
        var parentEmail = $"family-parent-{Guid.NewGuid():N}@example.com";

        await using var applicantSession = await browser.NewSessionAsync(app.Host.WebEndpoint);
        var applicant = applicantSession.Page;
        await applicant.GotoAsync("/apply");
        // By name: the parent's fields' labels contain "full name" and "e-mail" too.
        await applicant.Locator("input[name='fullName']").FillAsync("Masha Familyova");
        await applicant.Locator("input[name='email']").FillAsync(studentEmail);
        await applicant.GetByLabel("I want to join as").SelectOptionAsync("student");
        await applicant.GetByLabel("Parent's full name").FillAsync("Anna Familyova");
        await applicant.GetByLabel("Parent's e-mail").FillAsync(parentEmail);
        await Screenshots.SaveAsync(applicant, "family-1-student-applies-with-parent");
        await applicant.GetByRole(AriaRole.Button, new() { Name = "Send application" }).ClickAsync();
        await Expect(applicant.Locator("[data-status]")).ToHaveAttributeAsync("data-status", "pending");

        var admin = await app.People.CreateAsync("admin");
        await using var adminSession = await browser.NewSessionAsync(app.Host.WebEndpoint);
        var page = adminSession.Page;
        await BrowserSignIn.SignInAsync(page, admin.Email, admin.Password);
        await BrowserSignIn.OpenAsync(page, "Applications");
        var card = page.Locator($"[data-application='{studentEmail}']");
        await Expect(card).ToContainTextAsync($"Anna Familyova <{parentEmail}>");
        await card.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();

        var approved = page.Locator($"[data-approved='{studentEmail}']");
        await Expect(approved).ToContainTextAsync("The parent account Anna Familyova");
        await Expect(approved.Locator(".secret__value")).ToHaveCountAsync(2);
        await Expect(approved).ToContainTextAsync($"Initial password for {studentEmail}");
        await Expect(approved).ToContainTextAsync($"Initial password for {parentEmail}");
        var passwords = await approved.Locator(".secret__value").AllTextContentsAsync();
        await Screenshots.SaveAsync(page, "family-2-admin-sees-both-passwords");

        // Shown once: after a reload the page has no passwords.
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign-up applications", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator(".secret__value")).ToHaveCountAsync(0);

        await using var studentSession = await browser.NewSessionAsync(app.Host.WebEndpoint);
        await BrowserSignIn.SignInAsync(studentSession.Page, studentEmail, passwords[0].Trim());
        await Expect(studentSession.Page.Locator(".user__role")).ToHaveTextAsync("Student");
        await using var parentSession = await browser.NewSessionAsync(app.Host.WebEndpoint);
        await BrowserSignIn.SignInAsync(parentSession.Page, parentEmail, passwords[1].Trim());
        await Expect(parentSession.Page.Locator(".user__role")).ToHaveTextAsync("Parent");

        adminSession.AssertNoPageProblems();
        applicantSession.AssertNoPageProblems();
        studentSession.AssertNoPageProblems();
        parentSession.AssertNoPageProblems();
    }
}
