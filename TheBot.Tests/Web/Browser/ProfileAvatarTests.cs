using Microsoft.Playwright;
using TheBot.Tests.Api.Users;
using TheBot.Tests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace TheBot.Tests.Web.Browser;

/// <summary>
/// A teacher uploads a picture and writes a bio on their profile; the header shows the picture at once, and their
/// student sees it beside the teacher's messages and on the chat list.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ProfileAvatarTests(TheBotAppFixture app, BrowserFixture browser)
{
    [Fact]
    public async Task A_teacher_uploads_a_picture_and_edits_the_bio_and_the_student_sees_the_picture_in_chat()
    {
        var classroom = await app.Learning.CreateClassroomAsync();
        var teacherName = await LessonSchedulingTests.FullNameAsync(classroom.Teacher);

        await using var teacherSession = await browser.NewSessionAsync(app.Host.WebEndpoint);
        var teacher = teacherSession.Page;
        await BrowserSignIn.SignInAsync(teacher, classroom.Teacher.Email, classroom.Teacher.Password);
        await Expect(teacher.Locator(".user-menu__button .avatar img")).ToHaveCountAsync(0);
        await BrowserSignIn.OpenAsync(teacher, "Profile");
        await Expect(teacher.GetByRole(AriaRole.Heading, new() { Name = "Picture", Level = 2 })).ToBeVisibleAsync();

        await teacher.Locator("[data-avatar-input]").SetInputFilesAsync(new FilePayload { Name = "me.png", MimeType = "image/png", Buffer = ProfileTests.Png });
        var panelPicture = teacher.Locator(".avatar-panel .avatar img");
        await Expect(panelPicture).ToBeVisibleAsync();
        await Expect(teacher.Locator(".user-menu__button .avatar img")).ToBeVisibleAsync();
        await Expect(teacher.GetByRole(AriaRole.Button, new() { Name = "Replace the picture" })).ToBeVisibleAsync();
        Assert.True(await LoadedAsync(panelPicture));

        await teacher.GetByLabel("Bio").FillAsync("Maths teacher: OGE and EGE preparation, 12 years.");
        await teacher.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(teacher.GetByText("Saved.")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(teacher, "profile-01-teacher-picture-and-bio");

        await teacher.ReloadAsync();
        await Expect(teacher.GetByLabel("Bio")).ToHaveValueAsync("Maths teacher: OGE and EGE preparation, 12 years.");
        await Expect(teacher.Locator(".user-menu__button .avatar img")).ToBeVisibleAsync();

        // The teacher writes to the student; the student sees the picture on the list and beside the message.
        var roomId = await Chatting.StartRoomAsync(classroom.Teacher, classroom.Student.Id);
        await Chatting.PostAsync(classroom.Teacher, roomId, "Hello! Your picture-free teacher is no more.");

        await using var studentSession = await browser.NewSessionAsync(app.Host.WebEndpoint);
        var student = studentSession.Page;
        await BrowserSignIn.SignInAsync(student, classroom.Student.Email, classroom.Student.Password);
        await BrowserSignIn.OpenAsync(student, "Chat");
        var row = student.Locator($".room-list [data-room='{roomId}']");
        await Expect(row).ToContainTextAsync(teacherName);
        await Expect(row.Locator(".avatar img")).ToBeVisibleAsync();
        await row.GetByRole(AriaRole.Link).ClickAsync();
        var run = student.Locator($".run[data-author='{classroom.Teacher.Id}']");
        await Expect(run).ToContainTextAsync("picture-free teacher");
        var beside = run.Locator(".avatar img");
        await Expect(beside).ToBeVisibleAsync();
        Assert.True(await LoadedAsync(beside));
        await Screenshots.SaveAsync(student, "profile-02-student-sees-teacher-picture");

        teacherSession.AssertNoPageProblems();
        studentSession.AssertNoPageProblems();
    }

    private static async Task<bool> LoadedAsync(ILocator image)
    {
        await image.EvaluateAsync("img => img.decode()");
        return await image.EvaluateAsync<int>("img => img.naturalWidth") > 0;
    }
}
