using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TheBot.Tests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace TheBot.Tests.Web.Browser;

/// <summary>The public sign-up application form and its status page, in a real browser.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ApplicationFormTests(TheBotAppFixture app, BrowserFixture browser)
{
    [Fact]
    public async Task The_form_checks_its_fields_in_the_browser_before_sending_anything()
    {
        await using var session = await browser.NewSessionAsync(app.Host.WebEndpoint);
        var page = session.Page;
        var submissions = 0;
        page.Request += (_, request) => submissions += request.Url.Contains("/api/applications", StringComparison.Ordinal) ? 1 : 0;
        await page.GotoAsync("/apply");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Apply to join", Level = 1 })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "apply-form-en");

        await page.GetByRole(AriaRole.Button, new() { Name = "Send application" }).ClickAsync();

        await Expect(page.GetByLabel("Full name")).ToBeFocusedAsync();
        await Expect(page.GetByLabel("Full name")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#fullName-error")).ToContainTextAsync("This field is required.");
        await Expect(page.Locator("#email-error")).ToContainTextAsync("This field is required.");
        await Expect(page.Locator("#desiredRole-error")).ToContainTextAsync("This field is required.");
        await Expect(page.Locator("#phone-error")).ToHaveCountAsync(0);

        await page.GetByLabel("Full name").FillAsync("Anna Petrova");
        await page.GetByLabel("Email").FillAsync("anna@");
        await page.GetByLabel("Phone").FillAsync("12");
        await page.GetByLabel("I want to join as").SelectOptionAsync("student");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send application" }).ClickAsync();

        await Expect(page.Locator("#fullName-error")).ToHaveCountAsync(0);
        await Expect(page.Locator("#email-error")).ToContainTextAsync("Enter an email address such as name@example.com.");
        await Expect(page.Locator("#phone-error")).ToContainTextAsync("7 to 20 digits");
        await Expect(page.GetByLabel("Email")).ToBeFocusedAsync();
        await Screenshots.SaveAsync(page, "apply-validation-en");

        // Errors follow the language switch.
        await page.GetByRole(AriaRole.Button, new() { Name = "Русский" }).ClickAsync();
        await Expect(page.Locator("#email-error")).ToContainTextAsync("Введите адрес почты");
        await Screenshots.SaveAsync(page, "apply-validation-ru");

        Assert.Equal(0, submissions);
        session.AssertNoPageProblems();
    }

    [Fact]
    public async Task The_servers_validation_errors_appear_next_to_their_fields()
    {
        await using var session = await browser.NewSessionAsync(app.Host.WebEndpoint);
        var page = session.Page;
        // A canned RFC 9457 answer, to see how the page shows it (the real endpoint is tested end to end below).
        await page.RouteAsync("**/api/applications", route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 400,
            ContentType = "application/problem+json",
            Body = """{"title":"One or more validation errors occurred.","status":400,"errors":{"Email":["An application with this email is already pending."]}}""",
        }));
        await page.GotoAsync("/apply");

        await FillValidApplicationAsync(page, "Boris Ivanov", "boris@example.com");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send application" }).ClickAsync();

        await Expect(page.Locator("#email-error")).ToHaveTextAsync("An application with this email is already pending.");
        await Expect(page.GetByLabel("Email")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Please correct the highlighted fields." })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "apply-server-errors-en");

        // Editing the field clears the server's message for it.
        await page.GetByLabel("Email").FillAsync("boris.ivanov@example.com");
        await Expect(page.Locator("#email-error")).ToHaveCountAsync(0);
        session.AssertNoPageProblems();
    }

    [Fact]
    public async Task The_form_fits_a_phone_screen()
    {
        await using var session = await browser.NewSessionAsync(app.Host.WebEndpoint, width: 390, height: 844);
        var page = session.Page;

        await page.GotoAsync("/apply");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Apply to join", Level = 1 })).ToBeVisibleAsync();

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"The page scrolls sideways by {overflow}px on a phone.");
        await Screenshots.SaveAsync(page, "apply-form-phone");
        session.AssertNoPageProblems();
    }

    [Fact]
    public async Task An_applicant_sends_the_form_and_the_status_page_shows_pending()
    {
        await using var session = await browser.NewSessionAsync(app.Host.WebEndpoint);
        var page = session.Page;
        var email = $"applicant-{Guid.NewGuid():N}@example.com";
        await page.GotoAsync("/apply");

        await FillValidApplicationAsync(page, "Vera Smirnova", email);
        await page.GetByLabel("Message").FillAsync("Maths and physics, grade 9.");
        await Screenshots.SaveAsync(page, "apply-e2e-filled");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send application" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/applications/[^/]+$"));
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Your application has been sent." })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-status]")).ToHaveAttributeAsync("data-status", "pending");
        await Expect(page.Locator("[data-status]")).ToHaveTextAsync("Pending review");
        await Expect(page.GetByText("Vera Smirnova")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "apply-e2e-status-pending");

        // The link is the applicant's way back: it works in a new browser too.
        var statusUrl = page.Url;
        await using var later = await browser.NewSessionAsync(app.Host.WebEndpoint);
        await later.Page.GotoAsync(statusUrl);
        await Expect(later.Page.Locator("[data-status]")).ToHaveAttributeAsync("data-status", "pending");
        session.AssertNoPageProblems();
    }

    private static async Task FillValidApplicationAsync(IPage page, string fullName, string email)
    {
        await page.GetByLabel("Full name").FillAsync(fullName);
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Phone").FillAsync("+7 900 123-45-67");
        await page.GetByLabel("I want to join as").SelectOptionAsync("student");
    }
}
