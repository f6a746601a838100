using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TheBot.Tests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace TheBot.Tests.Web.Browser;

/// <summary>
/// The signed-in app against the real API: sign in, role navigation, the role dashboard, 401 → refresh → retry,
/// devices, sign out.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class SignedInShellTests(TheBotAppFixture app, BrowserFixture browser)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_teacher_signs_in_uses_the_shell_and_signs_out()
    {
        // A teacher with a lesson today and two pieces of work to grade, one handed in late.
        var subjectName = $"Maths {Guid.NewGuid():N}"[..16];
        var classroom = await app.Learning.CreateClassroomAsync(subjectName);
        await app.Learning.BookLessonAsync(classroom, DateTimeOffset.UtcNow.AddMinutes(1));
        var onTime = await app.Learning.AssignAsync(classroom, new NewAssignment("Quadratic equations"));
        var overdue = await app.Learning.AssignAsync(classroom, new NewAssignment("Essay: Pushkin", "essay", DateTimeOffset.UtcNow.AddDays(-1)));
        await app.Learning.SubmitAsync(classroom.Student, onTime);
        await app.Learning.SubmitAsync(classroom.Student, overdue);
        var teacherName = await LessonSchedulingTests.FullNameAsync(classroom.Teacher);
        // The session the arrangement used ends; the teacher's other device is a phone.
        await SignOutAsync(classroom.Teacher.Client);
        using var phone = await SignInFromAsync(
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
            classroom.Teacher);

        await using var session = await browser.NewSessionAsync(app.Host.WebEndpoint);
        var page = session.Page;
        var calls = new ConcurrentQueue<string>();
        page.Request += (_, request) => calls.Enqueue($"{request.Method} {new Uri(request.Url).AbsolutePath}");

        await page.GotoAsync("/dashboard");
        await Expect(page).ToHaveURLAsync(new Regex("/sign-in$"));
        await BrowserSignIn.SubmitAsync(page, classroom.Teacher.Email, classroom.Teacher.Password);

        // Back where the visitor wanted to go, with the teacher's summary: today's lessons and work to grade.
        await Expect(page).ToHaveURLAsync(new Regex("/dashboard$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText($"Hello, {teacherName}!")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "To grade (2)", Level = 2 })).ToBeVisibleAsync();
        await Expect(page.Locator(".item-list__item").Filter(new() { HasText = "Essay: Pushkin" })).ToContainTextAsync("Late");
        await Expect(page.Locator(".item-list__item").Filter(new() { HasText = "Quadratic equations" })).Not.ToContainTextAsync("Late");
        await Expect(page.Locator("[data-lesson]")).ToContainTextAsync(subjectName);
        var navigation = page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" });
        await Expect(navigation.GetByRole(AriaRole.Link)).ToHaveTextAsync(["Dashboard", "Schedule", "Chat", "Assignments", "Materials", "Progress", "Study plans", "Weekly reports", "Knowledge", "Billing", "My subjects", "Profile", "Devices"]);
        await Screenshots.SaveAsync(page, "shell-dashboard-en");

        // The token "expires": the next profile call carries one the API refuses; the app refreshes once and retries.
        var expireNextProfile = 1;
        await page.RouteAsync("**/api/auth/me", async route =>
        {
            if (Interlocked.Exchange(ref expireNextProfile, 0) == 1)
            {
                await route.ContinueAsync(new() { Headers = new Dictionary<string, string>(route.Request.Headers) { ["authorization"] = "Bearer expired" } });
                return;
            }

            await route.ContinueAsync();
        });
        calls.Clear();
        await navigation.GetByRole(AriaRole.Link, new() { Name = "Profile" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Profile", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator(".details")).ToContainTextAsync("Europe/Moscow");
        await Expect(page.Locator(".details")).ToContainTextAsync("Teacher");
        // The refused call, one refresh, then the retry (other profile reads may follow; their number is not the point).
        var order = calls.ToList();
        var refused = order.IndexOf("GET /api/auth/me");
        var refreshed = order.IndexOf("POST /api/auth/refresh");
        Assert.Single(order, call => call == "POST /api/auth/refresh");
        Assert.InRange(refused, 0, refreshed - 1);
        Assert.True(order.LastIndexOf("GET /api/auth/me") > refreshed, "The profile call was not retried after the refresh: " + string.Join(", ", order));
        await Screenshots.SaveAsync(page, "shell-profile-en");

        await navigation.GetByRole(AriaRole.Link, new() { Name = "Devices" }).ClickAsync();
        await Expect(page.Locator(".session")).ToHaveCountAsync(2);
        await Screenshots.SaveAsync(page, "shell-sessions-en");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out Safari on iPhone" }).ClickAsync();
        await Expect(page.Locator(".session")).ToHaveCountAsync(1);
        await Expect(page.GetByText("No other device is signed in.")).ToBeVisibleAsync();
        using (var refresh = await phone.PostAsync("/api/auth/refresh", null, Ct))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode); // the phone is really signed out
        }

        // Signing out is in the menu behind the user's avatar.
        await page.GetByRole(AriaRole.Button, new() { Name = teacherName }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/sign-in$"));
        Assert.Contains("POST /api/auth/logout", calls);
        session.AssertNoPageProblems();
    }

    [Fact]
    public async Task On_a_phone_the_navigation_opens_from_the_more_button()
    {
        var teacher = await app.People.CreateAsync("teacher");
        await using var session = await browser.NewSessionAsync(app.Host.WebEndpoint, width: 390, height: 844);
        var page = session.Page;
        await BrowserSignIn.SignInAsync(page, teacher.Email, teacher.Password);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 })).ToBeVisibleAsync();

        var menu = page.GetByRole(AriaRole.Button, new() { Name = "More" });
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

    [Fact]
    public async Task A_wrong_password_gets_one_message_for_the_form()
    {
        var teacher = await app.People.CreateAccountAsync("teacher");
        await using var session = await browser.NewSessionAsync(app.Host.WebEndpoint);
        var page = session.Page;
        await page.GotoAsync("/sign-in");

        await page.GetByLabel("Email").FillAsync(teacher.Email);
        await page.GetByLabel("Password").FillAsync("wrong-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The email or password is wrong.");
        await Expect(page).ToHaveURLAsync(new Regex("/sign-in$"));
        await Screenshots.SaveAsync(page, "sign-in-wrong-password-en");
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

    private static async Task SignOutAsync(HttpClient client)
    {
        using var response = await client.PostAsync("/api/auth/logout", null, Ct);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    /// <summary>The person signs in from another device, named by its User-Agent; returns that device's client (it keeps the refresh cookie).</summary>
    private async Task<HttpClient> SignInFromAsync(string device, SignedIn person)
    {
        var client = app.Host.CreateWebClient(new CookieContainer());
        client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", device);
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { email = person.Email, password = person.Password }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return client;
    }
}
