using Microsoft.Playwright;
using TheBot.Tests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace TheBot.Tests.Web.Browser;

/// <summary>
/// Issue #20, bug 7: what the server says is worded by the SPA in the reader's language (jobs: what they do, their
/// schedule and what a run did; health: the status), Devices names browsers and systems instead of raw user-agent
/// strings, and tables that scroll sideways on phones are focusable, named regions (axe's scrollable-region-focusable).
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ServerTextTests(TheBotAppFixture app, BrowserFixture browser)
{
    [Fact]
    public async Task A_russian_admin_sees_jobs_and_health_in_russian()
    {
        var admin = await app.People.CreateAsync("admin");
        await admin.RunJobAsync("lesson-reminders");
        await using var session = await browser.NewSessionAsync(app.Host.WebEndpoint);
        var page = session.Page;
        await BrowserSignIn.SignInAsync(page, admin.Email, admin.Password);
        await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Русский", Exact = true }).ClickAsync(),
            response => response.Request.Method == "PATCH" && response.Url.EndsWith("/api/auth/me", StringComparison.Ordinal) && response.Ok);

        await page.GotoAsync("/admin/jobs");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ru");
        var reminders = page.Locator("[data-job='lesson-reminders']");
        await Expect(reminders).ToContainTextAsync("Напоминать ученикам и преподавателям");
        await Expect(reminders).ToContainTextAsync("каждые 5 мин");
        await Expect(reminders).ToContainTextAsync("Отправлено напоминаний:");
        await Expect(page.Locator("[data-job='mark-overdue-invoices']")).ToContainTextAsync("ежедневно в 03:00 UTC");
        var main = page.Locator("main");
        foreach (var english in new[] { "every 5 min", "reminder(s) sent", "daily at", "Remind students" })
        {
            await Expect(main).Not.ToContainTextAsync(english);
        }

        await Screenshots.SaveAsync(page, "jobs-in-russian");

        await page.GotoAsync("/admin/health");
        var status = page.Locator(".details [data-status]").First;
        await Expect(status).ToHaveAttributeAsync("data-status", "Healthy");
        await Expect(status).ToHaveTextAsync("Работает");
        await Expect(page.Locator("[data-dependency='postgres'] [data-status]")).ToHaveTextAsync("Работает");
        await Expect(page.Locator("[data-payments]")).ToContainTextAsync("Платежи");
        await Expect(main).Not.ToContainTextAsync("Healthy");
        session.AssertNoPageProblems();
    }

    [Fact]
    public async Task Devices_are_named_by_browser_and_system_with_the_raw_string_on_hover()
    {
        var student = await app.People.CreateAsync("student");
        await using var session = await browser.NewSessionAsync(app.Host.WebEndpoint);
        var page = session.Page;
        await BrowserSignIn.SignInAsync(page, student.Email, student.Password);

        await page.GotoAsync("/sessions");
        var current = page.Locator(".session").Filter(new() { HasText = "This device" });
        var device = current.Locator("[data-user-agent]");
        await Expect(device).ToHaveTextAsync("Chrome on Linux");
        var raw = await device.GetAttributeAsync("title");
        Assert.StartsWith("Mozilla/5.0", raw, StringComparison.Ordinal);
        await Expect(page.Locator(".session__device").First).Not.ToContainTextAsync("Mozilla");
        session.AssertNoPageProblems();
    }

    [Fact]
    public async Task On_a_phone_the_progress_table_is_a_named_region_keyboard_users_can_scroll()
    {
        var classroom = await app.Learning.CreateClassroomAsync();
        foreach (var (title, score) in new[] { ("Fractions", 8m), ("Decimals", 9.5m) })
        {
            var work = await app.Learning.AssignAsync(classroom, new NewAssignment($"{title} {Guid.NewGuid():N}"[..20]));
            var submission = await app.Learning.SubmitAsync(classroom.Student, work);
            await app.Learning.GradeAsync(classroom.Teacher, submission, score);
        }

        await using var session = await browser.NewSessionAsync(app.Host.WebEndpoint, width: 360, height: 740);
        var page = session.Page;
        await BrowserSignIn.SignInAsync(page, classroom.Student.Email, classroom.Student.Password);
        await page.GotoAsync("/progress");

        var region = page.GetByRole(AriaRole.Region, new() { Name = "Grades" });
        await Expect(region.Locator("table")).ToBeVisibleAsync();
        await Expect(region).ToHaveAttributeAsync("tabindex", "0");
        await region.FocusAsync();
        await Expect(region).ToBeFocusedAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "progress-phone-scroll-region");
        session.AssertNoPageProblems();
    }
}
