using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TheBot.Tests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace TheBot.Tests.Web.Browser;

[Collection(BrowserTestGroup.Name)]
public sealed class SignInPageTests(TheBotAppFixture app, BrowserFixture browser)
{
    [Fact]
    public async Task The_sign_in_page_renders_in_English_and_switches_to_Russian()
    {
        await using var session = await browser.NewSessionAsync(app.Host.WebEndpoint, locale: "en-GB");
        var page = session.Page;

        await page.GotoAsync("/sign-in");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Email")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Password")).ToHaveAttributeAsync("type", "password");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Screenshots.SaveAsync(page, "sign-in-en");

        await page.GetByRole(AriaRole.Button, new() { Name = "Русский" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Вход", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Пароль")).ToBeVisibleAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ru");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Русский" })).ToHaveAttributeAsync("aria-pressed", "true");
        await Screenshots.SaveAsync(page, "sign-in-ru");

        // The choice is remembered on this device.
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Вход", Level = 1 })).ToBeVisibleAsync();
        session.AssertNoPageProblems();
    }

    [Fact]
    public async Task A_Russian_browser_gets_the_Russian_interface_by_default()
    {
        await using var session = await browser.NewSessionAsync(app.Host.WebEndpoint, locale: "ru-RU");

        await session.Page.GotoAsync("/sign-in");

        await Expect(session.Page.GetByRole(AriaRole.Heading, new() { Name = "Вход", Level = 1 })).ToBeVisibleAsync();
        session.AssertNoPageProblems();
    }

    [Fact]
    public async Task Signing_in_with_empty_fields_shows_the_errors_next_to_them_without_calling_the_API()
    {
        await using var session = await browser.NewSessionAsync(app.Host.WebEndpoint);
        var page = session.Page;
        var loginCalls = 0;
        page.Request += (_, request) => loginCalls += request.Url.Contains("/api/auth/login", StringComparison.Ordinal) ? 1 : 0;
        await page.GotoAsync("/sign-in");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        var email = page.GetByLabel("Email");
        await Expect(email).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(email).ToBeFocusedAsync();
        await Expect(page.Locator("#email-error")).ToHaveTextAsync("This field is required.");
        await Expect(page.GetByLabel("Password")).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Equal(0, loginCalls);
        session.AssertNoPageProblems();
    }

    [Fact]
    public async Task A_signed_out_visitor_of_a_private_page_is_sent_to_sign_in()
    {
        await using var session = await browser.NewSessionAsync(app.Host.WebEndpoint);

        await session.Page.GotoAsync("/profile");

        await Expect(session.Page).ToHaveURLAsync(new Regex("/sign-in$"));
        await Expect(session.Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Level = 1 })).ToBeVisibleAsync();
        session.AssertNoPageProblems();
    }
}
