using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TheBot.Tests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace TheBot.Tests.Web.Browser;

/// <summary>
/// The signed-in app against the auth contract answered in the browser (<see cref="CannedAuthApi"/>):
/// sign in, role navigation, the role dashboard, 401 → refresh → retry, devices, sign out.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class SignedInShellTests(TheBotAppFixture app, BrowserFixture browser)
{
    [Fact]
    public async Task A_teacher_signs_in_uses_the_shell_and_signs_out()
    {
        await using var session = await browser.NewSessionAsync(app.Host.WebEndpoint);
        var page = session.Page;
        var api = new CannedAuthApi();
        await api.AttachAsync(session.Context);

        await page.GotoAsync("/dashboard");
        await Expect(page).ToHaveURLAsync(new Regex("/sign-in$"));
        await page.GetByLabel("Email").FillAsync(CannedAuthApi.Email);
        await page.GetByLabel("Password").FillAsync(CannedAuthApi.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        // Back where the visitor wanted to go, with the teacher's summary: today's lessons and work to grade.
        await Expect(page).ToHaveURLAsync(new Regex("/dashboard$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText($"Hello, {CannedAuthApi.FullName}!")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "To grade (3)", Level = 2 })).ToBeVisibleAsync();
        await Expect(page.Locator(".item-list__item").Filter(new() { HasText = "Essay: Pushkin" })).ToContainTextAsync("Late");
        await Expect(page.Locator("[data-lesson]")).ToContainTextAsync("Mathematics");
        var navigation = page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" });
        await Expect(navigation.GetByRole(AriaRole.Link)).ToHaveTextAsync(["Dashboard", "Schedule", "Chat", "Assignments", "Materials", "Progress", "My subjects", "Profile", "Devices"]);
        await Screenshots.SaveAsync(page, "shell-dashboard-en");

        // The token "expires": the profile call gets 401, the app refreshes once and retries.
        api.ExpireTokenBeforeNextProfile = true;
        await navigation.GetByRole(AriaRole.Link, new() { Name = "Profile" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Profile", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator(".details")).ToContainTextAsync("Europe/Moscow");
        await Expect(page.Locator(".details")).ToContainTextAsync("Teacher");
        Assert.Equal(2, api.Calls.Count(call => call == "GET /api/auth/me"));
        Assert.Contains("POST /api/auth/refresh", api.Calls);
        await Screenshots.SaveAsync(page, "shell-profile-en");

        await navigation.GetByRole(AriaRole.Link, new() { Name = "Devices" }).ClickAsync();
        await Expect(page.Locator(".session")).ToHaveCountAsync(2);
        await Screenshots.SaveAsync(page, "shell-sessions-en");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out Safari on iPhone" }).ClickAsync();
        await Expect(page.Locator(".session")).ToHaveCountAsync(1);
        await Expect(page.GetByText("No other device is signed in.")).ToBeVisibleAsync();
        Assert.Contains("DELETE /api/auth/sessions/phone", api.Calls);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/sign-in$"));
        Assert.Contains("POST /api/auth/logout", api.Calls);
        session.AssertNoPageProblems();
    }

    [Fact]
    public async Task On_a_phone_the_navigation_opens_from_the_menu_button()
    {
        await using var session = await browser.NewSessionAsync(app.Host.WebEndpoint, width: 390, height: 844);
        var page = session.Page;
        await new CannedAuthApi().AttachAsync(session.Context);
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("Email").FillAsync(CannedAuthApi.Email);
        await page.GetByLabel("Password").FillAsync(CannedAuthApi.Password);
        await page.GetByLabel("Password").PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 })).ToBeVisibleAsync();

        var menu = page.GetByRole(AriaRole.Button, new() { Name = "Menu" });
        var navigation = page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" });
        await Expect(navigation).ToBeHiddenAsync();
        await Expect(menu).ToHaveAttributeAsync("aria-expanded", "false");

        await menu.ClickAsync();

        await Expect(menu).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(navigation).ToBeVisibleAsync();
        await AssertNoSidewaysScrollingAsync(page);
        await AssertFullWidthAsync(page, navigation);
        await Screenshots.SaveAsync(page, "shell-phone-menu");
        await navigation.GetByRole(AriaRole.Link, new() { Name = "Devices" }).ClickAsync();
        await Expect(navigation).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Devices and sessions", Level = 1 })).ToBeVisibleAsync();
        await AssertFullWidthAsync(page, page.Locator("main"));
        await AssertNoSidewaysScrollingAsync(page);
        await Screenshots.SaveAsync(page, "shell-phone-sessions");
        session.AssertNoPageProblems();
    }

    private static async Task AssertNoSidewaysScrollingAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"The page scrolls sideways by {overflow}px on a phone.");
    }

    /// <summary>On a phone the element spans the screen instead of sharing it with a column beside it.</summary>
    private static async Task AssertFullWidthAsync(IPage page, ILocator element)
    {
        var box = await element.BoundingBoxAsync() ?? throw new Xunit.Sdk.XunitException("The element is not displayed.");
        var viewport = page.ViewportSize!.Width;
        Assert.True(box.X <= 1 && box.Width >= viewport - 2, $"Spans {box.X}..{box.X + box.Width} of {viewport}px.");
    }

    [Fact]
    public async Task A_wrong_password_gets_one_message_for_the_form()
    {
        await using var session = await browser.NewSessionAsync(app.Host.WebEndpoint);
        var page = session.Page;
        await new CannedAuthApi().AttachAsync(session.Context);
        await page.GotoAsync("/sign-in");

        await page.GetByLabel("Email").FillAsync(CannedAuthApi.Email);
        await page.GetByLabel("Password").FillAsync("wrong-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The email or password is wrong.");
        await Expect(page).ToHaveURLAsync(new Regex("/sign-in$"));
        await Screenshots.SaveAsync(page, "sign-in-wrong-password-en");
        session.AssertNoPageProblems();
    }
}
