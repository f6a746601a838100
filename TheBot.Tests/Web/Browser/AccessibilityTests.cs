using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using TheBot.Tests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace TheBot.Tests.Web.Browser;

/// <summary>axe-core finds no WCAG 2.1 A/AA violation (labels, contrast, landmarks, names) on the pages.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class AccessibilityTests(TheBotAppFixture app, BrowserFixture browser)
{
    private static readonly AxeRunOptions WcagAa = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
    };

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

        await AssertNoViolationsAsync(session.Page);

        // And with the errors of an empty submission showing.
        await session.Page.Locator("button[type=submit]").ClickAsync();
        await Expect(session.Page.Locator("[aria-invalid=true]").First).ToBeVisibleAsync();
        await AssertNoViolationsAsync(session.Page);
    }

    [Theory]
    [InlineData("Dashboard")]
    [InlineData("Profile")]
    [InlineData("Devices")]
    public async Task Signed_in_pages_have_no_accessibility_violations(string page)
    {
        await using var session = await browser.NewSessionAsync(app.Host.WebEndpoint);
        await new CannedAuthApi().AttachAsync(session.Context);
        await session.Page.GotoAsync("/sign-in");
        await session.Page.GetByLabel("Email").FillAsync(CannedAuthApi.Email);
        await session.Page.GetByLabel("Password").FillAsync(CannedAuthApi.Password);
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(session.Page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 })).ToBeVisibleAsync();

        await session.Page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" }).GetByRole(AriaRole.Link, new() { Name = page }).ClickAsync();
        await Expect(session.Page.Locator("main .state--loading")).ToHaveCountAsync(0);

        await AssertNoViolationsAsync(session.Page);
    }

    private static async Task AssertNoViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(WcagAa);
        Assert.NotEmpty(result.Passes); // axe really ran on the page
        var violations = result.Violations
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join("; ", v.Nodes.Select(n => n.Target?.ToString()))}")
            .ToList();
        Assert.True(violations.Count == 0, $"{page.Url}:{Environment.NewLine}{string.Join(Environment.NewLine, violations)}");
    }
}
