using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace TheBot.Tests.Web.Browser;

/// <summary>
/// Signs a person in through the sign-in page and switches their interface to English (test people's
/// profiles prefer Russian, and the profile's language wins once signed in; switching saves it there).
/// </summary>
public static class BrowserSignIn
{
    public static async Task SignInAsync(IPage page, string email, string password)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/sign-in");
        await SubmitAsync(page, email, password);
        await Expect(page).ToHaveURLAsync(new Regex("/dashboard$"));
    }

    /// <summary>Fills in and submits the sign-in form on screen, then switches the signed-in interface to English.</summary>
    public static async Task SubmitAsync(IPage page, string email, string password)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "English", Exact = true }).ClickAsync();
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        var login = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync(),
            response => response.Request.Method == "POST" && response.Url.EndsWith("/api/auth/login", StringComparison.Ordinal));
        var profileLanguage = (await login.JsonAsync())?.GetProperty("user").GetProperty("language").GetString();
        await Expect(page.Locator(".shell__tools .language-switcher")).ToBeVisibleAsync();
        if (profileLanguage != "en")
        {
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", profileLanguage!);
            await page.RunAndWaitForResponseAsync(
                () => page.GetByRole(AriaRole.Button, new() { Name = "English", Exact = true }).ClickAsync(),
                response => response.Request.Method == "PATCH" && response.Url.EndsWith("/api/auth/me", StringComparison.Ordinal) && response.Ok);
        }

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
    }

    /// <summary>Follows a link of the main navigation.</summary>
    /// <summary>Opens a page from the main navigation; its link may carry a count ("Chat 1 unread").</summary>
    public static Task OpenAsync(IPage page, string navigationLabel) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" })
            .GetByRole(AriaRole.Link, new() { NameRegex = new Regex($@"^{Regex.Escape(navigationLabel)}(\s*\d+.*)?$") })
            .ClickAsync();
}
