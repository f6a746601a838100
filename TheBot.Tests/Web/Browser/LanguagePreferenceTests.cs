using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TheBot.Tests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace TheBot.Tests.Web.Browser;

/// <summary>
/// The language saved in the profile is the interface's from sign-in on, on every page and after a reload
/// (it used to take effect only on opening Profile, and a reload brought the browser's back); switching
/// while signed in applies at once and is saved, so the next device starts in it.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class LanguagePreferenceTests(TheBotAppFixture app, BrowserFixture browser)
{
    [Fact]
    public async Task The_profiles_language_applies_from_sign_in_on_every_page_and_after_a_reload()
    {
        var person = await app.People.CreateAsync("student");
        await using var session = await browser.NewSessionAsync(app.Host.WebEndpoint, locale: "en-GB");
        var page = session.Page;

        await SignInAsync(page, person);

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ru");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Главная", Level = 1 })).ToBeVisibleAsync();
        await MainNavigation(page, "Главное меню").GetByRole(AriaRole.Link, new() { Name = "Расписание", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Расписание", Level = 1 })).ToBeVisibleAsync();
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Расписание", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ru");
        session.AssertNoPageProblems();
    }

    [Fact]
    public async Task Switching_language_when_signed_in_applies_at_once_and_is_saved_for_every_device()
    {
        var person = await app.People.CreateAsync("teacher");
        await using var phone = await browser.NewSessionAsync(app.Host.WebEndpoint, locale: "ru-RU");
        await SignInAsync(phone.Page, person);
        await Expect(phone.Page.Locator("html")).ToHaveAttributeAsync("lang", "ru");

        await phone.Page.RunAndWaitForResponseAsync(
            () => phone.Page.GetByRole(AriaRole.Button, new() { Name = "English", Exact = true }).ClickAsync(),
            response => response.Request.Method == "PATCH" && response.Url.EndsWith("/api/auth/me", StringComparison.Ordinal) && response.Ok);

        await Expect(phone.Page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 })).ToBeVisibleAsync();
        var profile = await person.Client.GetFromJsonAsync<JsonElement>("/api/auth/me", TestContext.Current.CancellationToken);
        Assert.Equal("en", profile.GetProperty("language").GetString());

        // Another device whose browser asks for Russian starts in the saved English.
        await using var laptop = await browser.NewSessionAsync(app.Host.WebEndpoint, locale: "ru-RU");
        await SignInAsync(laptop.Page, person);
        await Expect(laptop.Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(laptop.Page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 })).ToBeVisibleAsync();
        phone.AssertNoPageProblems();
        laptop.AssertNoPageProblems();
    }

    /// <summary>Signs in without touching the language switcher (the sign-in page speaks the browser's language).</summary>
    private static async Task SignInAsync(IPage page, SignedIn person)
    {
        await page.GotoAsync("/sign-in");
        await page.Locator("input[type=email]").FillAsync(person.Email);
        await page.Locator("input[type=password]").FillAsync(person.Password);
        await page.Locator("form button[type=submit]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/dashboard$"));
    }

    private static ILocator MainNavigation(IPage page, string label) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = label });
}
