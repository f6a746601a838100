using Microsoft.Playwright;
using TheBot.Tests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace TheBot.Tests.Web.Browser;

/// <summary>The role pages against the real API: each opens from the navigation, loads, and axe finds no WCAG 2.1 AA violation.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class FeaturePagesAccessibilityTests(TheBotAppFixture app, BrowserFixture browser)
{
    [Theory]
    [InlineData("admin", "Users", "Users")]
    [InlineData("admin", "Applications", "Sign-up applications")]
    [InlineData("admin", "Subjects", "Subjects")]
    [InlineData("admin", "Scheduled jobs", "Scheduled jobs")]
    [InlineData("admin", "System health", "System health")]
    [InlineData("tutor", "My students", "My students")]
    [InlineData("tutor", "Invoices", "Invoices")]
    [InlineData("teacher", "My subjects", "My subjects")]
    [InlineData("parent", "Invoices", "Invoices")]
    [InlineData("admin", "Broadcasts", "Broadcasts")]
    [InlineData("admin", "Dashboard", "Dashboard")]
    [InlineData("teacher", "Schedule", "Schedule")]
    [InlineData("admin", "Schedule", "Schedule")]
    [InlineData("teacher", "Dashboard", "Dashboard")]
    [InlineData("student", "Schedule", "Schedule")]
    [InlineData("student", "Chat", "Chat")]
    [InlineData("student", "Dashboard", "Dashboard")]
    [InlineData("tutor", "Dashboard", "Dashboard")]
    [InlineData("parent", "Dashboard", "Dashboard")]
    [InlineData("teacher", "Assignments", "Assignments")]
    [InlineData("student", "Assignments", "Assignments")]
    [InlineData("student", "Materials", "Materials")]
    [InlineData("teacher", "Materials", "Materials")]
    [InlineData("teacher", "Progress", "Progress")]
    [InlineData("student", "Progress", "Progress")]
    [InlineData("parent", "Progress", "Progress")]
    [InlineData("tutor", "Progress", "Progress")]
    [InlineData("teacher", "Chat", "Chat")]
    [InlineData("teacher", "Knowledge", "Knowledge")]
    [InlineData("student", "Knowledge", "Knowledge")]
    [InlineData("tutor", "Knowledge", "Knowledge")]
    [InlineData("parent", "Knowledge", "Knowledge")]
    public async Task A_role_page_loads_and_has_no_accessibility_violations(string role, string navigation, string heading)
    {
        var person = await app.People.CreateAsync(role);
        await using var session = await browser.NewSessionAsync(app.Host.WebEndpoint);
        var page = session.Page;
        await BrowserSignIn.SignInAsync(page, person.Email, person.Password);

        await BrowserSignIn.OpenAsync(page, navigation);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("main .state--loading")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        await Expect(page.Locator("main .state--error")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(page, $"page-{role}-{navigation.Replace(' ', '-').ToLowerInvariant()}");

        await Accessibility.AssertNoViolationsAsync(page);
        session.AssertNoPageProblems();
    }

    [Theory]
    [InlineData("student")]
    [InlineData("admin")]
    public async Task The_notifications_page_opens_from_the_bell_and_has_no_accessibility_violations(string role)
    {
        var person = await app.People.CreateAsync(role);
        await using var session = await browser.NewSessionAsync(app.Host.WebEndpoint);
        var page = session.Page;
        await BrowserSignIn.SignInAsync(page, person.Email, person.Password);

        await page.GetByRole(AriaRole.Link, new() { Name = "Notifications" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Notifications", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Notification settings", Level = 2 })).ToBeVisibleAsync();
        await Expect(page.Locator("main .state--loading")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        await Expect(page.Locator("main .state--error")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(page, $"page-{role}-notifications");

        await Accessibility.AssertNoViolationsAsync(page);
        session.AssertNoPageProblems();
    }
}
