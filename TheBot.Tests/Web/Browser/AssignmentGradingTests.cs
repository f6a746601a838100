using Microsoft.Playwright;
using TheBot.Tests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace TheBot.Tests.Web.Browser;

/// <summary>
/// A teacher sets homework, the student hands it in with a file, the teacher downloads it and grades it from the queue, and the student
/// sees the grade and feedback live, then in their progress.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class AssignmentGradingTests(TheBotAppFixture app, BrowserFixture browser)
{
    private static readonly byte[] WorkingPdf = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n% the student's working\n");

    [Fact]
    public async Task A_teacher_sets_work_the_student_hands_it_in_and_sees_the_grade()
    {
        var classroom = await app.Learning.CreateClassroomAsync();
        var studentName = await LessonSchedulingTests.FullNameAsync(classroom.Student);

        await using var teacherSession = await browser.NewSessionAsync(app.Host.WebEndpoint);
        var teacher = teacherSession.Page;
        await BrowserSignIn.SignInAsync(teacher, classroom.Teacher.Email, classroom.Teacher.Password);
        await BrowserSignIn.OpenAsync(teacher, "Assignments");
        await Expect(teacher.GetByRole(AriaRole.Heading, new() { Name = "Assignments", Level = 1 })).ToBeVisibleAsync();
        await teacher.GetByRole(AriaRole.Button, new() { Name = "New assignment" }).ClickAsync();
        var subject = teacher.GetByLabel("Subject");
        await Expect(subject.Locator("option")).ToHaveCountAsync(2);
        await subject.SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await teacher.GetByLabel("Title").FillAsync("Fractions");
        await teacher.GetByLabel("Maximum score").FillAsync("10");
        await teacher.GetByLabel("Description").FillAsync("Exercises 1–5 on page 42.");
        await Screenshots.SaveAsync(teacher, "assignment-01-teacher-new");
        await teacher.GetByRole(AriaRole.Button, new() { Name = "Create assignment" }).ClickAsync();
        var teacherItem = teacher.Locator("[data-assignment]").Filter(new() { HasText = "Fractions" });
        await Expect(teacherItem.Locator("[data-status]")).ToHaveAttributeAsync("data-status", "published");
        await Screenshots.SaveAsync(teacher, "assignment-02-teacher-published");

        await using var studentSession = await browser.NewSessionAsync(app.Host.WebEndpoint);
        var student = studentSession.Page;
        await BrowserSignIn.SignInAsync(student, classroom.Student.Email, classroom.Student.Password);
        await BrowserSignIn.OpenAsync(student, "Assignments");
        var item = student.Locator("[data-assignment]").Filter(new() { HasText = "Fractions" });
        await item.GetByRole(AriaRole.Button, new() { Name = "Submit work" }).ClickAsync();
        await item.GetByLabel("Your answer").FillAsync("1) 3/4  2) 5/6  3) 1/2  4) 7/8  5) 2/3");
        await item.GetByLabel("Attach files", new() { Exact = false }).SetInputFilesAsync(new FilePayload
        {
            Name = "working.pdf",
            MimeType = "application/pdf",
            Buffer = WorkingPdf,
        });
        await item.GetByRole(AriaRole.Button, new() { Name = "Hand in" }).ClickAsync();
        await Expect(item.Locator("[data-submission-status]")).ToHaveAttributeAsync("data-submission-status", "submitted");
        await Screenshots.SaveAsync(student, "assignment-03-student-handed-in");

        // The teacher's queue fills live.
        var queued = teacher.Locator("[data-submission]").Filter(new() { HasText = studentName });
        await Expect(queued).ToBeVisibleAsync(new() { Timeout = 15_000 });
        var download = await teacher.RunAndWaitForDownloadAsync(() => queued.GetByRole(AriaRole.Button, new() { Name = "working.pdf" }).ClickAsync());
        Assert.Equal("working.pdf", download.SuggestedFilename);
        Assert.Equal(WorkingPdf, await File.ReadAllBytesAsync(await download.PathAsync(), TestContext.Current.CancellationToken));
        await queued.GetByLabel("Score (0–10)").FillAsync("8,5");
        await queued.GetByLabel("Feedback").FillAsync("Good work; check exercise 4.");
        await Screenshots.SaveAsync(teacher, "assignment-04-teacher-grading");
        await queued.GetByRole(AriaRole.Button, new() { Name = "Grade", Exact = true }).ClickAsync();
        await Expect(queued).ToHaveCountAsync(0);

        // The student sees the grade without reloading.
        var graded = item.Locator("[data-submission-status='graded']");
        await Expect(graded).ToContainTextAsync("8.5 of 10", new() { Timeout = 15_000 });
        await Expect(graded).ToContainTextAsync("Good work; check exercise 4.");
        await Screenshots.SaveAsync(student, "assignment-05-student-sees-grade");

        await BrowserSignIn.OpenAsync(student, "Progress");
        await Expect(student.GetByRole(AriaRole.Heading, new() { Name = "Progress", Level = 1 })).ToBeVisibleAsync();
        await Expect(student.Locator("table")).ToContainTextAsync("Fractions");
        await Expect(student.Locator(".stats")).ToContainTextAsync("85");
        await Screenshots.SaveAsync(student, "assignment-06-student-progress");

        teacherSession.AssertNoPageProblems();
        studentSession.AssertNoPageProblems();
    }
}
