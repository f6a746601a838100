using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using TheBot.Tests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace TheBot.Tests.Web.Browser;

/// <summary>
/// The weekly report chain in the browser: the teacher writes and sends the week's report; the tutor sees it arrive,
/// opens it (read) and writes the child's report quoting it; the parent reads it and sees the trend chart.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class WeeklyReportChainTests(TheBotAppFixture app, BrowserFixture browser)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_teacher_reports_the_tutor_reads_and_writes_to_the_parent_who_reads_it_with_the_trend()
    {
        var classroom = await app.Learning.CreateClassroomAsync();
        await SendEarlierWeekAsync(classroom);

        await using var teacherSession = await browser.NewSessionAsync(app.Host.WebEndpoint);
        var teacher = teacherSession.Page;
        await BrowserSignIn.SignInAsync(teacher, classroom.Teacher.Email, classroom.Teacher.Password);
        await BrowserSignIn.OpenAsync(teacher, "Weekly reports");
        await teacher.GetByRole(AriaRole.Button, new() { Name = "Write this week’s report" }).ClickAsync();
        await Expect(teacher.Locator(".badge[data-status]")).ToHaveAttributeAsync("data-status", "draft");
        await Expect(teacher.GetByLabel("Lessons scheduled")).ToHaveValueAsync("0");
        await teacher.GetByLabel("Summary").FillAsync("Quadratic equations are clicking.");
        await teacher.GetByLabel("Concerns").FillAsync("Homework came in late twice.");
        await teacher.GetByLabel("Recommendations").FillAsync("Ten minutes of practice a day.");
        await teacher.GetByLabel("Lessons scheduled").FillAsync("2");
        await teacher.GetByLabel("Lessons attended").FillAsync("2");
        await teacher.GetByRole(AriaRole.Button, new() { Name = "Send to the tutor" }).ClickAsync();
        var sent = teacher.Locator("[data-teacher-report]");
        await Expect(sent.Locator(".badge[data-status]")).ToHaveAttributeAsync("data-status", "sent");
        await Expect(sent).ToContainTextAsync("Lessons attended: 2 of 2");
        await Screenshots.SaveAsync(teacher, "weekly-report-01-teacher-sent");

        await using var tutorSession = await browser.NewSessionAsync(app.Host.WebEndpoint);
        var tutor = tutorSession.Page;
        await BrowserSignIn.SignInAsync(tutor, classroom.Tutor.Email, classroom.Tutor.Password);
        await BrowserSignIn.OpenAsync(tutor, "Weekly reports");
        await Expect(tutor.GetByText("Every teacher has sent this week’s reports.")).ToBeVisibleAsync();
        var inbox = tutor.Locator("#teacher-reports").Locator("..").Locator("details").First;
        await inbox.Locator("summary").ClickAsync();
        await Expect(inbox).ToContainTextAsync("Homework came in late twice.");
        await Expect(inbox.Locator("summary .badge[data-status]")).ToHaveAttributeAsync("data-status", "read");

        await tutor.GetByRole(AriaRole.Button, new() { Name = "Write this week’s report" }).ClickAsync();
        await tutor.GetByLabel("Summary").FillAsync("A steady week with good homework habits forming.");
        await tutor.GetByRole(AriaRole.Button, new() { Name = "Quote the teacher’s report" }).ClickAsync();
        await Expect(tutor.GetByLabel("Note on")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("Quadratic equations are clicking"));
        await tutor.GetByRole(AriaRole.Button, new() { Name = "Send to the parents" }).ClickAsync();
        await Expect(tutor.Locator("[data-tutor-report] .badge[data-status]")).ToHaveAttributeAsync("data-status", "sent");
        await Screenshots.SaveAsync(tutor, "weekly-report-02-tutor-sent");

        await using var parentSession = await browser.NewSessionAsync(app.Host.WebEndpoint);
        var parent = parentSession.Page;
        await BrowserSignIn.SignInAsync(parent, classroom.Parent.Email, classroom.Parent.Password);
        await BrowserSignIn.OpenAsync(parent, "Weekly reports");
        var chart = parent.GetByRole(AriaRole.Figure, new() { Name = "Attendance and average score by week" });
        await Expect(chart).ToBeVisibleAsync();
        await Expect(chart.GetByRole(AriaRole.Table)).ToContainTextAsync("50%");   // last week: 1 of 2 lessons
        var newest = parent.Locator("details").First;
        await newest.Locator("summary").ClickAsync();
        await Expect(newest).ToContainTextAsync("good homework habits");
        await Expect(newest).ToContainTextAsync("Quadratic equations are clicking");
        await Expect(newest.Locator("summary .badge[data-status]")).ToHaveAttributeAsync("data-status", "read");
        await Screenshots.SaveAsync(parent, "weekly-report-03-parent-read");
        await Accessibility.AssertNoSeriousViolationsAsync(parent);

        teacherSession.AssertNoPageProblems();
        tutorSession.AssertNoPageProblems();
        parentSession.AssertNoPageProblems();
    }

    /// <summary>Last week's report, sent through the API, so the parent's trend has two weeks.</summary>
    private static async Task SendEarlierWeekAsync(Classroom classroom)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var lastMonday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7) - 7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var created = await classroom.Tutor.Client.PostAsJsonAsync("/api/progress/tutor-reports",
            new { studentId = classroom.Student.Id, weekStart = lastMonday, summary = "Settling in." }, Ct);
        var id = await Fixtures.Expect.CreatedAsync(created);
        using (var figures = await classroom.Tutor.Client.PutAsJsonAsync($"/api/progress/tutor-reports/{id}", new
        {
            summary = "Settling in.", recommendations = "", notes = Array.Empty<object>(), lessonsAttended = 1, lessonsScheduled = 2, averageScore = 60,
        }, Ct))
        {
            await Fixtures.Expect.StatusAsync(HttpStatusCode.OK, figures);
        }

        using var send = await classroom.Tutor.Client.PostAsync($"/api/progress/tutor-reports/{id}/send", null, Ct);
        await Fixtures.Expect.StatusAsync(HttpStatusCode.OK, send);
    }
}
