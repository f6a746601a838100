using Microsoft.Playwright;
using TheBot.Tests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace TheBot.Tests.Web.Browser;

/// <summary>The interactive API reference renders in a real browser through the front door, under its CSP.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ApiReferenceTests(TheBotAppFixture app, BrowserFixture browser)
{
    [Fact]
    public async Task The_API_reference_renders_the_operations()
    {
        await using var session = await browser.NewSessionAsync(app.Host.WebEndpoint);
        var page = session.Page;

        await page.GotoAsync("/api/docs/");

        await Expect(page.GetByText("TheBot API").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Screenshots.SaveAsync(page, "api-reference");
        await Expect(page.GetByText("Overall status and each dependency's; admins also get the version, latencies, problems and the payment mode").First).ToBeVisibleAsync();
        await Expect(page.GetByText("/api/auth/login").First).ToBeVisibleAsync();
    }
}
