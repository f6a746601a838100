using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TheBot.Tests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace TheBot.Tests.Web.Browser;

/// <summary>The demo people of Development sign in through the real API and land in their shell.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class DemoSignInTests(TheBotAppFixture app, BrowserFixture browser)
{
    [Theory]
    [InlineData("admin", "Administrator")]
    [InlineData("teacher", "Teacher")]
    [InlineData("tutor", "Tutor")]
    [InlineData("student", "Student")]
    [InlineData("parent", "Parent")]
    public async Task Each_demo_user_signs_in_sees_the_shell_and_their_profile(string role, string roleLabel)
    {
        await using var session = await browser.NewSessionAsync(app.Host.WebEndpoint);
        var page = session.Page;
        var email = $"{role}@thebot.local";

        await page.GotoAsync("/sign-in");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync("Pass123$");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/dashboard$"));
        await Expect(page.Locator(".user__role")).ToHaveTextAsync(roleLabel);
        // The tab's one realtime connection authenticates with the real access token.
        await Expect(page.Locator(".realtime--connected")).ToHaveCountAsync(1);
        await Screenshots.SaveAsync(page, $"demo-{role}-dashboard");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" }).GetByRole(AriaRole.Link, new() { Name = "Profile" }).ClickAsync();
        await Expect(page.Locator(".details")).ToContainTextAsync(email);

        // A reload keeps the session: the access token is gone with the page, the refresh cookie restores it.
        await page.ReloadAsync();
        await Expect(page.Locator(".details")).ToContainTextAsync(email);

        // The demo people prefer Russian: their profile switches the interface to it.
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ru");
        await page.GetByRole(AriaRole.Button, new() { Name = "Выйти", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/sign-in$"));
        await page.GotoAsync("/profile");
        await Expect(page).ToHaveURLAsync(new Regex("/sign-in$"));
        session.AssertNoPageProblems();
    }
}
