using System.Globalization;
using Microsoft.Playwright;
using TheBot.Tests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace TheBot.Tests.Web.Browser;

/// <summary>
/// A teacher sets timed work for one of two students that starts in an hour; before the start nobody sees it; at the
/// start the chosen student's list shows it live, they press Start, watch the clock and hand in within the limit; the
/// other student never sees it; the teacher's queue has the work, on time.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class AssignmentTimingTests(TheBotAppFixture app, BrowserFixture browser)
{
    private const string Title = "Timed fractions";

    [Fact]
    public async Task A_teacher_sets_timed_work_for_one_of_two_students_and_only_that_student_takes_it_after_its_start()
    {
        var c = await app.Learning.CreateClassroomAsync();
        var (_, other, _) = await app.Learning.AddStudentAsync(c);
        var chosenName = await LessonSchedulingTests.FullNameAsync(c.Student);
        var otherName = await LessonSchedulingTests.FullNameAsync(other.Student);
        // In an hour, in the profile's time zone (test people keep the default, Moscow), as the form reads it.
        var startsAt = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddHours(1), TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow"));

        await using var teacherSession = await browser.NewSessionAsync(app.Host.WebEndpoint);
        var teacher = teacherSession.Page;
        await BrowserSignIn.SignInAsync(teacher, c.Teacher.Email, c.Teacher.Password);
        await BrowserSignIn.OpenAsync(teacher, "Assignments");
        await teacher.GetByRole(AriaRole.Button, new() { Name = "New assignment" }).ClickAsync();
        var subject = teacher.GetByLabel("Subject");
        await Expect(subject.Locator("option")).ToHaveCountAsync(2);
        await subject.SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await teacher.GetByLabel("Title").FillAsync(Title);
        var picker = teacher.Locator("[data-student-picker]");
        await picker.GetByLabel("Chosen students").CheckAsync();
        await Expect(picker.GetByLabel(otherName)).ToBeVisibleAsync();
        await picker.GetByLabel("Find a student").FillAsync(chosenName);
        await Expect(picker.GetByLabel(otherName)).ToHaveCountAsync(0);
        await picker.GetByLabel(chosenName).CheckAsync();
        await Expect(picker).ToContainTextAsync("Chosen: 1");
        await teacher.GetByLabel("Starts (optional)").FillAsync(startsAt.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        await teacher.GetByLabel("Time limit, minutes (optional)").FillAsync("20");
        await Screenshots.SaveAsync(teacher, "assignment-timing-01-teacher-new");
        await teacher.GetByRole(AriaRole.Button, new() { Name = "Create assignment" }).ClickAsync();
        var teacherItem = teacher.Locator("[data-assignment]").Filter(new() { HasText = Title });
        await Expect(teacherItem.Locator("[data-status]")).ToHaveAttributeAsync("data-status", "published");
        await Expect(teacherItem).ToContainTextAsync("starts");
        await Expect(teacherItem).ToContainTextAsync("20 min limit");
        await Expect(teacherItem).ToContainTextAsync("students chosen: 1");
        var id = Guid.Parse((await teacherItem.GetAttributeAsync("data-assignment"))!);

        await using var studentSession = await browser.NewSessionAsync(app.Host.WebEndpoint);
        var student = studentSession.Page;
        await BrowserSignIn.SignInAsync(student, c.Student.Email, c.Student.Password);
        await BrowserSignIn.OpenAsync(student, "Assignments");
        await Expect(student.GetByTestId("assignments-count")).ToHaveTextAsync("Assignments: 0");

        await using var otherSession = await browser.NewSessionAsync(app.Host.WebEndpoint);
        var otherPage = otherSession.Page;
        await BrowserSignIn.SignInAsync(otherPage, other.Student.Email, other.Student.Password);
        await BrowserSignIn.OpenAsync(otherPage, "Assignments");
        await Expect(otherPage.GetByTestId("assignments-count")).ToHaveTextAsync("Assignments: 0");

        // The hour passes; the start job tells the chosen student, whose open page shows the work live.
        await app.Billing.ExecuteSqlAsync("UPDATE assignments SET starts_at = now() - interval '1 second' WHERE id = $1", id);
        await (await app.People.AdminAsync()).RunJobAsync("assignment-starts");
        var item = student.Locator("[data-assignment]").Filter(new() { HasText = Title });
        await Expect(item).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(item).ToContainTextAsync("You have 20 minutes from the moment you start.");
        await Screenshots.SaveAsync(student, "assignment-timing-02-student-before-start");

        await item.GetByRole(AriaRole.Button, new() { Name = "Start", Exact = true }).ClickAsync();
        var clock = item.GetByRole(AriaRole.Timer);
        await Expect(clock).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^(20:00|19:[0-5]\d)$"));
        await item.GetByLabel("Your answer").FillAsync("1) 3/4  2) 5/6");
        await Screenshots.SaveAsync(student, "assignment-timing-03-student-clock-running");
        await item.GetByRole(AriaRole.Button, new() { Name = "Hand in" }).ClickAsync();
        await Expect(item.Locator("[data-submission-status]")).ToHaveAttributeAsync("data-submission-status", "submitted");
        await Expect(item.GetByRole(AriaRole.Timer)).ToHaveCountAsync(0);

        // The other student never sees it, even after reloading.
        await otherPage.ReloadAsync();
        await Expect(otherPage.GetByTestId("assignments-count")).ToHaveTextAsync("Assignments: 0");
        await Expect(otherPage.Locator("[data-assignment]")).ToHaveCountAsync(0);

        var queued = teacher.Locator("[data-submission]").Filter(new() { HasText = chosenName });
        await Expect(queued).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(queued).ToContainTextAsync("started");
        await Expect(queued.Locator("[data-late]")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(teacher, "assignment-timing-04-teacher-queue");

        teacherSession.AssertNoPageProblems();
        studentSession.AssertNoPageProblems();
        otherSession.AssertNoPageProblems();
    }
}
