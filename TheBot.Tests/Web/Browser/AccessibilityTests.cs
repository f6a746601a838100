using Microsoft.Playwright;
using TheBot.Tests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace TheBot.Tests.Web.Browser;

/// <summary>axe-core finds no WCAG 2.1 A/AA violation (labels, contrast, landmarks, names) on the pages.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class AccessibilityTests(TheBotAppFixture app, BrowserFixture browser)
{
    [Theory]
    [InlineData("/sign-in", "Sign in", "en-GB")]
    [InlineData("/apply", "Apply to join", "en-GB")]
    [InlineData("/sign-in", "Вход", "ru-RU")]
    [InlineData("/apply", "Заявка на обучение", "ru-RU")]
    public async Task Public_pages_have_no_accessibility_violations(string path, string heading, string locale)
    {
        await using var session = await browser.NewSessionAsync(app.Host.WebEndpoint, locale);
        await session.Page.GotoAsync(path);
        await Expect(session.Page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();

        await Accessibility.AssertNoViolationsAsync(session.Page);

        // And with the errors of an empty submission showing.
        await session.Page.Locator("button[type=submit]").ClickAsync();
        await Expect(session.Page.Locator("[aria-invalid=true]").First).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(session.Page);
    }

    [Theory]
    [InlineData("Dashboard")]
    [InlineData("Profile")]
    [InlineData("Devices")]
    public async Task Signed_in_pages_have_no_accessibility_violations(string page)
    {
        var teacher = await app.People.CreateAsync("teacher");
        await using var session = await browser.NewSessionAsync(app.Host.WebEndpoint);
        await BrowserSignIn.SignInAsync(session.Page, teacher.Email, teacher.Password);
        await Expect(session.Page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 })).ToBeVisibleAsync();

        await BrowserSignIn.OpenAsync(session.Page, page);
        await Expect(session.Page.Locator("main .state--loading")).ToHaveCountAsync(0);

        await Accessibility.AssertNoViolationsAsync(session.Page);
    }
}
