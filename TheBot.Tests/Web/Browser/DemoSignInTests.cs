using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TheBot.Tests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace TheBot.Tests.Web.Browser;

/// <summary>
/// The demo people of Development sign in through the real API and land in their shell, in the language
/// their profiles keep (Russian) from the first page on, although this browser asks for English.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class DemoSignInTests(TheBotAppFixture app, BrowserFixture browser)
{
    [Theory]
    [InlineData("admin", "Администратор")]
    [InlineData("teacher", "Преподаватель")]
    [InlineData("tutor", "Тьютор")]
    [InlineData("student", "Ученик")]
    [InlineData("parent", "Родитель")]
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

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ru");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Главное меню" }).GetByRole(AriaRole.Link, new() { Name = "Профиль" }).ClickAsync();
        await Expect(page.Locator(".details")).ToContainTextAsync(email);

        // A reload keeps the session (the refresh cookie restores it) and the language.
        await page.ReloadAsync();
        await Expect(page.Locator(".details")).ToContainTextAsync(email);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ru");
        await page.Locator(".user-menu__button").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Выйти", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/sign-in$"));
        await page.GotoAsync("/profile");
        await Expect(page).ToHaveURLAsync(new Regex("/sign-in$"));
        session.AssertNoPageProblems();
    }
}
