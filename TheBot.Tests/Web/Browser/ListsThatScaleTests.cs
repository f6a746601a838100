using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TheBot.Tests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace TheBot.Tests.Web.Browser;

/// <summary>
/// Issue #20, "lists that scale": the tutor's students and the teacher's assignments are pages of compact rows with
/// search and filters, details on demand and actions in a menu; destructive actions (dropping a subject, closing an
/// assignment) ask first, saying what will happen.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ListsThatScaleTests(TheBotAppFixture app, BrowserFixture browser)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_tutor_with_many_students_sees_one_compact_page_searches_pages_and_confirms_before_dropping_a_subject()
    {
        var classroom = await app.Learning.CreateClassroomAsync();
        var studentName = await LessonSchedulingTests.FullNameAsync(classroom.Student);
        var subjectName = await LessonSchedulingTests.SubjectNameAsync(classroom.Teacher, classroom.SubjectId);
        var tag = Guid.NewGuid().ToString("N")[..6];
        for (var i = 1; i <= 24; i++)
        {
            using var created = await classroom.Tutor.Client.PostAsJsonAsync("/api/tutor/students", new
            {
                student = new { fullName = $"Pupil {i:00} {tag}", email = $"student-{Guid.NewGuid():N}@tests.thebot.local", grade = 7 },
                parent = new { email = $"parent-{Guid.NewGuid():N}@tests.thebot.local" },
            }, Ct);
            await Fixtures.Expect.StatusAsync(System.Net.HttpStatusCode.Created, created);
        }

        await using var session = await browser.NewSessionAsync(app.Host.WebEndpoint);
        var page = session.Page;
        await BrowserSignIn.SignInAsync(page, classroom.Tutor.Email, classroom.Tutor.Password);
        await BrowserSignIn.OpenAsync(page, "My students");

        // One page of twenty compact rows, not twenty-five cards.
        var rows = page.Locator(".compact-row[data-student]");
        await Expect(rows).ToHaveCountAsync(20);
        await Expect(page.GetByTestId("students-count")).ToHaveTextAsync("25 found");
        await Expect(page.GetByText("Page 1 of 2")).ToBeVisibleAsync();
        var height = await page.EvaluateAsync<int>("document.documentElement.scrollHeight");
        Assert.True(height < 3600, $"The students page is {height} px tall (6,000+ px before paging; 44 px touch targets since).");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Drop " + subjectName })).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(page, "lists-01-students-page");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Pages" }).GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(5);
        await Expect(page.GetByText("Page 2 of 2")).ToBeVisibleAsync();

        // Search finds the one student; the filter for deactivated students finds none.
        await page.GetByLabel("Search students").FillAsync(studentName);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(1);
        await page.GetByLabel("Show", new() { Exact = true }).SelectOptionAsync("inactive");
        await Expect(page.GetByText("No student matches")).ToBeVisibleAsync();
        await page.GetByLabel("Show", new() { Exact = true }).SelectOptionAsync("active");
        var row = rows.Filter(new() { HasText = studentName });
        await Expect(row).ToHaveCountAsync(1);

        // Details on demand; actions in a menu.
        await row.GetByRole(AriaRole.Button, new() { Name = $"Actions for {studentName}" }).ClickAsync();
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = $"Enrol {studentName} in a subject" })).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");
        await row.GetByRole(AriaRole.Button, new() { Name = $"Details of {studentName}" }).ClickAsync();
        var drop = row.GetByRole(AriaRole.Button, new() { Name = "Drop " + subjectName });
        await Expect(drop).ToBeVisibleAsync();

        // Dropping asks first and says what will happen; cancelling changes nothing.
        await drop.ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = $"Drop {subjectName}?" });
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog).ToContainTextAsync($"{studentName} stops studying {subjectName}");
        await Expect(dialog).ToContainTextAsync("Lessons and grades so far are kept");
        await Screenshots.SaveAsync(page, "lists-02-drop-confirmation");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(row.Locator(".chip")).ToContainTextAsync("(active)");

        await drop.ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Drop " + subjectName }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(row.Locator(".chip")).ToContainTextAsync("(dropped)");
        session.AssertNoPageProblems();
    }

    [Fact]
    public async Task A_teacher_filters_assignments_and_closing_one_asks_first()
    {
        var classroom = await app.Learning.CreateClassroomAsync();
        var tag = Guid.NewGuid().ToString("N")[..6];
        for (var i = 1; i <= 22; i++)
        {
            await app.Learning.AssignAsync(classroom, new NewAssignment($"Worksheet {i:00} {tag}"));
        }

        await using var session = await browser.NewSessionAsync(app.Host.WebEndpoint);
        var page = session.Page;
        await BrowserSignIn.SignInAsync(page, classroom.Teacher.Email, classroom.Teacher.Password);
        await BrowserSignIn.OpenAsync(page, "Assignments");
        var rows = page.Locator(".compact-row[data-assignment]");
        await Expect(rows).ToHaveCountAsync(20);
        await Expect(page.GetByTestId("assignments-count")).ToHaveTextAsync("Assignments: 22");

        await page.GetByLabel("Search assignments").FillAsync($"Worksheet 07 {tag}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(1);
        var row = rows.First;
        var title = $"Worksheet 07 {tag}";

        await row.GetByRole(AriaRole.Button, new() { Name = $"Actions for {title}" }).ClickAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = $"Close {title}" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = $"Close {title}?" });
        await Expect(dialog).ToContainTextAsync("Students can no longer hand in work");
        await Expect(dialog).ToContainTextAsync("cannot be opened again");
        await Screenshots.SaveAsync(page, "lists-03-close-confirmation");
        await dialog.GetByRole(AriaRole.Button, new() { Name = $"Close {title}" }).ClickAsync();
        await Expect(row.Locator("[data-status]")).ToHaveAttributeAsync("data-status", "closed");

        await page.GetByLabel("Status").SelectOptionAsync("closed");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(page).ToHaveURLAsync(new Regex("/assignments$"));
        session.AssertNoPageProblems();
    }
}
