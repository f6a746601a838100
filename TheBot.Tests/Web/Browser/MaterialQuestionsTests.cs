using Microsoft.Playwright;
using TheBot.Tests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace TheBot.Tests.Web.Browser;

/// <summary>
/// A student opens a material (their progress shows) and asks a question under it; the teacher sees who opened it,
/// answers and shows the question to the class; the student's open page gets the answer live.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class MaterialQuestionsTests(TheBotAppFixture app, BrowserFixture browser)
{
    [Fact]
    public async Task A_student_asks_under_a_material_and_sees_the_teachers_answer_live()
    {
        var classroom = await app.Learning.CreateClassroomAsync();
        await app.Learning.CreateMaterialAsync(classroom, "Vectors, chapter 4");

        await using var studentSession = await browser.NewSessionAsync(app.Host.WebEndpoint);
        var student = studentSession.Page;
        await BrowserSignIn.SignInAsync(student, classroom.Student.Email, classroom.Student.Password);
        await BrowserSignIn.OpenAsync(student, "Materials");
        var item = student.Locator("[data-material]").Filter(new() { HasText = "Vectors, chapter 4" });
        await Expect(item.Locator("[data-progress]")).ToHaveAttributeAsync("data-progress", "new");
        await Expect(student.Locator("[data-subject-progress]")).ToContainTextAsync("0 of 1 studied (0%)");
        await item.GetByRole(AriaRole.Button, new() { Name = "Open" }).ClickAsync();
        await Expect(item.Locator("[data-progress]")).ToHaveAttributeAsync("data-progress", "opened");
        await Expect(item.Locator("[data-progress]")).ToContainTextAsync("0 min spent");

        await item.GetByLabel("Ask the teacher a question").FillAsync("Why is the dot product commutative?");
        await item.GetByRole(AriaRole.Button, new() { Name = "Ask", Exact = true }).ClickAsync();
        var question = item.Locator("[data-question]").Filter(new() { HasText = "Why is the dot product commutative?" });
        await Expect(question).ToContainTextAsync("Not yet shown to the class");
        await Screenshots.SaveAsync(student, "material-questions-01-student-asked");

        await using var teacherSession = await browser.NewSessionAsync(app.Host.WebEndpoint);
        var teacher = teacherSession.Page;
        await BrowserSignIn.SignInAsync(teacher, classroom.Teacher.Email, classroom.Teacher.Password);
        await BrowserSignIn.OpenAsync(teacher, "Materials");
        await Expect(teacher.Locator($"[data-progress-student='{classroom.Student.Id}']")).ToContainTextAsync("1 / 1");
        var teacherItem = teacher.Locator("[data-material]").Filter(new() { HasText = "Vectors, chapter 4" });
        await teacherItem.GetByRole(AriaRole.Button, new() { Name = "Open" }).ClickAsync();
        await Expect(teacherItem.GetByRole(AriaRole.Region, new() { Name = "Who studied it" })).ToContainTextAsync("Opened");
        var teacherQuestion = teacherItem.Locator("[data-question]").Filter(new() { HasText = "Why is the dot product commutative?" });
        await teacherQuestion.GetByRole(AriaRole.Button, new() { Name = "Answer" }).ClickAsync();
        await teacherQuestion.GetByLabel("Your answer").FillAsync("Because multiplying numbers is commutative.");
        await teacherQuestion.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Expect(teacherQuestion).ToContainTextAsync("Answered");
        await teacherQuestion.GetByRole(AriaRole.Button, new() { Name = "Question actions" }).ClickAsync();
        await teacherQuestion.GetByRole(AriaRole.Button, new() { Name = "Show to the class" }).ClickAsync();
        await Expect(teacherQuestion).ToHaveAttributeAsync("data-question-status", "published");
        await Screenshots.SaveAsync(teacher, "material-questions-02-teacher-answered");
        await Accessibility.AssertNoSeriousViolationsAsync(teacher);

        // The student's page, left open, gets the answer from the live event.
        await Expect(question.Locator("[data-by-teacher='true']")).ToContainTextAsync("Because multiplying numbers is commutative.");
        await Expect(question).ToContainTextAsync("Answered");
        await Expect(question).ToHaveAttributeAsync("data-question-status", "published");
        await Screenshots.SaveAsync(student, "material-questions-03-student-sees-answer");
        await Accessibility.AssertNoSeriousViolationsAsync(student);

        studentSession.AssertNoPageProblems();
        teacherSession.AssertNoPageProblems();
    }
}
