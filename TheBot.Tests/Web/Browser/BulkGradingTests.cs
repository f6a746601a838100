using Microsoft.Playwright;
using TheBot.Tests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace TheBot.Tests.Web.Browser;

/// <summary>A teacher ticks two submissions in the grade queue and grades them with one score and comment; both students see their grade live.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class BulkGradingTests(TheBotAppFixture app, BrowserFixture browser)
{
    private static readonly LocatorAssertionsToContainTextOptions Live = new() { Timeout = 15_000 };

    [Fact]
    public async Task A_teacher_grades_two_submissions_at_once_and_both_students_see_their_grades()
    {
        var classroom = await app.Learning.CreateClassroomAsync();
        var (_, other, _) = await app.Learning.AddStudentAsync(classroom);
        var assignment = await app.Learning.AssignAsync(classroom, new NewAssignment(Title: "Equations", MaxScore: 10));
        await app.Learning.SubmitAsync(classroom.Student, assignment);
        await app.Learning.SubmitAsync(other.Student, assignment);
        var firstName = await LessonSchedulingTests.FullNameAsync(classroom.Student);
        var secondName = await LessonSchedulingTests.FullNameAsync(other.Student);

        await using var firstSession = await browser.NewSessionAsync(app.Host.WebEndpoint);
        var first = firstSession.Page;
        await BrowserSignIn.SignInAsync(first, classroom.Student.Email, classroom.Student.Password);
        await BrowserSignIn.OpenAsync(first, "Assignments");
        var firstItem = first.Locator("[data-assignment]").Filter(new() { HasText = "Equations" });
        await Expect(firstItem.Locator("[data-submission-status]")).ToHaveAttributeAsync("data-submission-status", "submitted");
        await Expect(first.Locator(".realtime--connected")).ToHaveCountAsync(1, new() { Timeout = 15_000 });

        await using var secondSession = await browser.NewSessionAsync(app.Host.WebEndpoint);
        var second = secondSession.Page;
        await BrowserSignIn.SignInAsync(second, other.Student.Email, other.Student.Password);
        await BrowserSignIn.OpenAsync(second, "Assignments");
        var secondItem = second.Locator("[data-assignment]").Filter(new() { HasText = "Equations" });
        await Expect(secondItem.Locator("[data-submission-status]")).ToHaveAttributeAsync("data-submission-status", "submitted");
        await Expect(second.Locator(".realtime--connected")).ToHaveCountAsync(1, new() { Timeout = 15_000 });

        await using var teacherSession = await browser.NewSessionAsync(app.Host.WebEndpoint);
        var teacher = teacherSession.Page;
        await BrowserSignIn.SignInAsync(teacher, classroom.Teacher.Email, classroom.Teacher.Password);
        await BrowserSignIn.OpenAsync(teacher, "Assignments");
        var queue = teacher.Locator("[data-submission]");
        await Expect(queue).ToHaveCountAsync(2);
        await teacher.GetByLabel($"Select for grading together: Equations, {firstName}").CheckAsync();
        await teacher.GetByLabel($"Select for grading together: Equations, {secondName}").CheckAsync();
        var bar = teacher.Locator("[data-bulk-grade]");
        await Expect(bar).ToContainTextAsync("Selected: 2");
        await bar.GetByLabel("Score for each (0–10)").FillAsync("9");
        await bar.GetByLabel("Comment for each (optional)").FillAsync("Neat and correct.");
        await Screenshots.SaveAsync(teacher, "bulk-grading-01-teacher-selected-two");
        await bar.GetByRole(AriaRole.Button, new() { Name = "Grade the selected" }).ClickAsync();
        await Expect(teacher.GetByText("Graded: 2.")).ToBeVisibleAsync();
        await Expect(queue).ToHaveCountAsync(0);

        foreach (var item in new[] { firstItem, secondItem })
        {
            var graded = item.Locator("[data-submission-status='graded']");
            await Expect(graded).ToContainTextAsync("9 of 10", Live);
            await Expect(graded).ToContainTextAsync("Neat and correct.");
        }

        await Screenshots.SaveAsync(second, "bulk-grading-02-student-sees-grade");
        teacherSession.AssertNoPageProblems();
        firstSession.AssertNoPageProblems();
        secondSession.AssertNoPageProblems();
    }
}
