using System.Text;
using Microsoft.Playwright;
using TheBot.Tests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace TheBot.Tests.Web.Browser;

/// <summary>A teacher publishes a material with a file; the student finds it under its subject, downloads it and marks it studied.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class MaterialSharingTests(TheBotAppFixture app, BrowserFixture browser)
{
    private static readonly byte[] Handout = Encoding.ASCII.GetBytes("%PDF-1.4\n% chapter 3 handout\n");

    [Fact]
    public async Task A_teacher_publishes_a_handout_and_the_student_downloads_it()
    {
        var classroom = await app.Learning.CreateClassroomAsync();

        await using var teacherSession = await browser.NewSessionAsync(app.Host.WebEndpoint);
        var teacher = teacherSession.Page;
        await BrowserSignIn.SignInAsync(teacher, classroom.Teacher.Email, classroom.Teacher.Password);
        await BrowserSignIn.OpenAsync(teacher, "Materials");
        await Expect(teacher.GetByRole(AriaRole.Heading, new() { Name = "Materials", Level = 1 })).ToBeVisibleAsync();
        await teacher.GetByRole(AriaRole.Button, new() { Name = "New material" }).ClickAsync();
        var subject = teacher.GetByLabel("Subject");
        await Expect(subject.Locator("option")).ToHaveCountAsync(2);
        await subject.SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await teacher.GetByLabel("Title").FillAsync("Chapter 3 handout");
        await teacher.GetByLabel("Difficulty (1–5)").FillAsync("2");
        await teacher.GetByLabel("Attach a file", new() { Exact = false }).SetInputFilesAsync(new FilePayload
        {
            Name = "chapter-3.pdf",
            MimeType = "application/pdf",
            Buffer = Handout,
        });
        await Screenshots.SaveAsync(teacher, "material-01-teacher-new");
        await teacher.GetByRole(AriaRole.Button, new() { Name = "Publish material" }).ClickAsync();
        var teacherItem = teacher.Locator("[data-material]").Filter(new() { HasText = "Chapter 3 handout" });
        await Expect(teacherItem.GetByRole(AriaRole.Button, new() { Name = "Download chapter-3.pdf", Exact = false })).ToBeVisibleAsync();
        await Expect(teacherItem.Locator("[data-status]")).ToHaveAttributeAsync("data-status", "active");
        await Screenshots.SaveAsync(teacher, "material-02-teacher-published");

        await using var studentSession = await browser.NewSessionAsync(app.Host.WebEndpoint);
        var student = studentSession.Page;
        await BrowserSignIn.SignInAsync(student, classroom.Student.Email, classroom.Student.Password);
        await BrowserSignIn.OpenAsync(student, "Materials");
        var item = student.Locator("[data-material]").Filter(new() { HasText = "Chapter 3 handout" });
        await Expect(item).ToContainTextAsync("difficulty 2/5");
        var download = await student.RunAndWaitForDownloadAsync(() =>
            item.GetByRole(AriaRole.Button, new() { Name = "Download chapter-3.pdf", Exact = false }).ClickAsync());
        Assert.Equal("chapter-3.pdf", download.SuggestedFilename);
        Assert.Equal(Handout, await File.ReadAllBytesAsync(await download.PathAsync(), TestContext.Current.CancellationToken));
        await item.GetByRole(AriaRole.Button, new() { Name = "Mark as studied" }).ClickAsync();
        await Expect(item.GetByRole(AriaRole.Button, new() { Name = "Studied" })).ToBeDisabledAsync();
        await Screenshots.SaveAsync(student, "material-03-student-studied");

        // Archived, it leaves the student's list.
        await teacherItem.GetByLabel("Status").SelectOptionAsync("archived");
        await Expect(teacherItem.Locator("[data-status]")).ToHaveAttributeAsync("data-status", "archived");
        await student.ReloadAsync();
        await Expect(student.GetByText("No materials yet.")).ToBeVisibleAsync();

        teacherSession.AssertNoPageProblems();
        studentSession.AssertNoPageProblems();
    }
}
