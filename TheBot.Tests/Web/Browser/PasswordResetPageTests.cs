using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TheBot.Tests.Api.Auth;
using TheBot.Tests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace TheBot.Tests.Web.Browser;

/// <summary>
/// "Forgot your password?" as a person uses it: from the sign-in page to the e-mailed link, a new password, signing in
/// with it; the same link a second time is refused in words, with a way to ask for a new one.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class PasswordResetPageTests(TheBotAppFixture app, BrowserFixture browser)
{
    private const string NewPassword = "Fresh-Staple-Battery-58";

    [Fact]
    public async Task A_forgotten_password_is_replaced_through_the_emailed_link_and_the_link_works_once()
    {
        var user = await app.People.CreateAccountAsync("parent");
        await using var session = await browser.NewSessionAsync(app.Host.WebEndpoint);
        var page = session.Page;

        await page.GotoAsync("/sign-in");
        await page.GetByRole(AriaRole.Button, new() { Name = "English", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Forgot your password?" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/forgot-password$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Reset your password", Level = 1 })).ToBeVisibleAsync();
        await page.GetByLabel("Email").FillAsync(user.Email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the link" }).ClickAsync();
        await Expect(page.GetByText($"If {user.Email} belongs to an account, a link to set a new password is on its way.")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "password-reset-01-link-sent");

        var token = PasswordResetTests.TokenFrom(await app.Smtp.WaitForAsync(user.Email));
        var link = $"/reset-password?token={Uri.EscapeDataString(token)}";

        await page.GotoAsync(link);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Set a new password", Level = 1 })).ToBeVisibleAsync();
        await page.Locator("#newPassword").FillAsync(NewPassword);
        await page.Locator("#confirmPassword").FillAsync(NewPassword + "x");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set the new password" }).ClickAsync();
        await Expect(page.GetByText("The passwords do not match.")).ToBeVisibleAsync();

        await page.Locator("#confirmPassword").FillAsync(NewPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Set the new password" }).ClickAsync();
        await Expect(page.GetByText("Your new password is set and you were signed out everywhere. Sign in with it.")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "password-reset-02-done");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.Locator(".card__footer").GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/sign-in$"));
        await BrowserSignIn.SubmitAsync(page, user.Email, NewPassword);
        await Expect(page).ToHaveURLAsync(new Regex("/dashboard$"));

        await using var second = await browser.NewSessionAsync(app.Host.WebEndpoint);
        await second.Page.GotoAsync(link);
        await second.Page.GetByRole(AriaRole.Button, new() { Name = "English", Exact = true }).ClickAsync();
        await second.Page.Locator("#newPassword").FillAsync("Another-Staple-Battery-59");
        await second.Page.Locator("#confirmPassword").FillAsync("Another-Staple-Battery-59");
        await second.Page.GetByRole(AriaRole.Button, new() { Name = "Set the new password" }).ClickAsync();
        await Expect(second.Page.GetByText("This link is not valid or has already been used. Ask for a new one.")).ToBeVisibleAsync();
        await Expect(second.Page.GetByRole(AriaRole.Link, new() { Name = "Ask for a new link" })).ToHaveAttributeAsync("href", "/forgot-password");
    }
}
