using Microsoft.Playwright;
using TheBot.Tests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace TheBot.Tests.Web.Browser;

/// <summary>A teacher writes a week's study plan and sends it; the student sees it arrive live and ticks an item; the parent sees the tick.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class StudyPlanTests(TheBotAppFixture app, BrowserFixture browser)
{
    [Fact]
    public async Task A_teacher_sends_a_plan_the_student_ticks_it_live_and_the_parent_follows()
    {
        var classroom = await app.Learning.CreateClassroomAsync();

        await using var studentSession = await browser.NewSessionAsync(app.Host.WebEndpoint);
        var student = studentSession.Page;
        await BrowserSignIn.SignInAsync(student, classroom.Student.Email, classroom.Student.Password);
        await BrowserSignIn.OpenAsync(student, "My week");
        await Expect(student.GetByText("No plan for this week yet.")).ToBeVisibleAsync();

        await using var teacherSession = await browser.NewSessionAsync(app.Host.WebEndpoint);
        var teacher = teacherSession.Page;
        await BrowserSignIn.SignInAsync(teacher, classroom.Teacher.Email, classroom.Teacher.Password);
        await BrowserSignIn.OpenAsync(teacher, "Study plans");
        await teacher.GetByRole(AriaRole.Button, new() { Name = "Write a new plan" }).ClickAsync();
        await teacher.Locator("[data-editor-item='0']").GetByLabel("Title").FillAsync("Quadratic equations, §12");
        await teacher.GetByRole(AriaRole.Button, new() { Name = "Add an item" }).ClickAsync();
        var second = teacher.Locator("[data-editor-item='1']");
        await second.GetByLabel("Kind").SelectOptionAsync("link");
        await second.GetByLabel("Title").FillAsync("Practice online");
        await second.GetByLabel("Link").FillAsync("https://example.org/practice");
        await teacher.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(teacher.Locator(".badge[data-status]")).ToHaveAttributeAsync("data-status", "draft");
        await teacher.GetByRole(AriaRole.Button, new() { Name = "Send to the student" }).ClickAsync();
        await Expect(teacher.Locator(".badge[data-status]")).ToHaveAttributeAsync("data-status", "sent");
        await Screenshots.SaveAsync(teacher, "study-plan-01-teacher-sent");

        // The student's open page gets the plan from the live event, without a reload.
        var plan = student.Locator("[data-study-plan]").First;
        await Expect(plan).ToContainTextAsync("Quadratic equations, §12");
        await plan.GetByLabel("Quadratic equations, §12").CheckAsync();
        await Expect(plan.Locator("[data-done='true']")).ToHaveCountAsync(1);
        await Expect(plan).ToContainTextAsync("1 of 2 done");
        await Screenshots.SaveAsync(student, "study-plan-02-student-ticked");

        await using var parentSession = await browser.NewSessionAsync(app.Host.WebEndpoint);
        var parent = parentSession.Page;
        await BrowserSignIn.SignInAsync(parent, classroom.Parent.Email, classroom.Parent.Password);
        await BrowserSignIn.OpenAsync(parent, "Study plans");
        var seen = parent.Locator("[data-study-plan]").First;
        await Expect(seen).ToContainTextAsync("Practice online");
        await Expect(seen).ToContainTextAsync("1 of 2 done");
        await Expect(seen.GetByRole(AriaRole.Checkbox)).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(parent, "study-plan-03-parent");

        studentSession.AssertNoPageProblems();
        teacherSession.AssertNoPageProblems();
        parentSession.AssertNoPageProblems();
    }
}
