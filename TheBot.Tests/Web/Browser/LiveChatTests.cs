using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TheBot.Tests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace TheBot.Tests.Web.Browser;

/// <summary>
/// A teacher and their student chat live in two browser contexts: the unread badge, the message, the
/// typing indicator, the read state and an edit (from the message's action menu) all reach the other side without a reload.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class LiveChatTests(TheBotAppFixture app, BrowserFixture browser)
{
    private static readonly LocatorAssertionsToBeVisibleOptions Live = new() { Timeout = 15_000 };

    [Fact]
    public async Task A_teacher_and_a_student_chat_live_with_typing_and_read_state()
    {
        var classroom = await app.Learning.CreateClassroomAsync();
        var studentName = await LessonSchedulingTests.FullNameAsync(classroom.Student);
        var teacherName = await LessonSchedulingTests.FullNameAsync(classroom.Teacher);

        // The teacher starts a direct chat with the student.
        await using var teacherSession = await browser.NewSessionAsync(app.Host.WebEndpoint);
        var teacher = teacherSession.Page;
        await BrowserSignIn.SignInAsync(teacher, classroom.Teacher.Email, classroom.Teacher.Password);
        await BrowserSignIn.OpenAsync(teacher, "Chat");
        await Expect(teacher.GetByRole(AriaRole.Heading, new() { Name = "Chat", Level = 1 })).ToBeVisibleAsync();
        await teacher.GetByLabel("New chat with").SelectOptionAsync(new SelectOptionValue { Label = $"{studentName} · Student" });
        await teacher.GetByRole(AriaRole.Button, new() { Name = "Start chat" }).ClickAsync();
        await Expect(teacher).ToHaveURLAsync(new Regex("/chat/[0-9a-f-]{36}$"));
        var roomId = new Uri(teacher.Url).AbsolutePath.Split('/')[^1];
        await Expect(teacher.GetByRole(AriaRole.Heading, new() { Level = 2, Name = studentName })).ToBeVisibleAsync();
        await Expect(teacher.Locator(".messages")).ToContainTextAsync("No messages yet.");
        await Expect(teacher.Locator(".realtime--connected")).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        await Screenshots.SaveAsync(teacher, "chat-01-teacher-started-room");

        // The student waits on the room list.
        await using var studentSession = await browser.NewSessionAsync(app.Host.WebEndpoint);
        var student = studentSession.Page;
        await BrowserSignIn.SignInAsync(student, classroom.Student.Email, classroom.Student.Password);
        await BrowserSignIn.OpenAsync(student, "Chat");
        var studentRoom = student.Locator($".room-list [data-room='{roomId}']");
        await Expect(studentRoom).ToContainTextAsync(teacherName);
        await Expect(studentRoom.Locator("[data-unread]")).ToHaveCountAsync(0);
        await Expect(student.Locator(".realtime--connected")).ToHaveCountAsync(1, new() { Timeout = 15_000 });

        // The teacher writes; the student's list counts it unread at once.
        await teacher.GetByLabel("Message", new() { Exact = true }).FillAsync("Hello! Homework: page 13, exercises 1–5.");
        await teacher.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        var teacherMessage = teacher.Locator(".message--mine").Filter(new() { HasText = "Homework: page 13" });
        await Expect(teacherMessage).ToBeVisibleAsync();
        await Expect(teacherMessage.Locator("[data-read]")).ToHaveAttributeAsync("data-read", "sent");
        await Expect(studentRoom.Locator("[data-unread='1']")).ToBeVisibleAsync(Live);
        await Expect(studentRoom).ToContainTextAsync("Homework: page 13");
        await Expect(student.Locator("#main-nav [data-unread='1']")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(student, "chat-02-student-unread-badge");

        // Opening the room reads it: the badge goes, and the teacher sees "Read".
        await studentRoom.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(student).ToHaveURLAsync($"/chat/{roomId}");
        await Expect(student.Locator(".messages")).ToContainTextAsync("Homework: page 13");
        await Expect(studentRoom.Locator("[data-unread]")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        await Expect(student.Locator("#main-nav [data-unread]")).ToHaveCountAsync(0);
        await Expect(teacherMessage.Locator("[data-read]")).ToHaveAttributeAsync("data-read", "read", new() { Timeout = 15_000 });
        await Screenshots.SaveAsync(teacher, "chat-03-teacher-sees-read");

        // The student types: the teacher sees the typing indicator, then the reply.
        var composer = student.GetByLabel("Message", new() { Exact = true });
        await composer.ClickAsync();
        await composer.PressSequentiallyAsync("Thank you, ", new() { Delay = 40 });
        var typing = teacher.Locator(".typing[data-typing='true']");
        await Expect(typing).ToContainTextAsync($"{studentName} is typing", new() { Timeout = 10_000 });
        await Screenshots.SaveAsync(teacher, "chat-04-teacher-sees-typing");
        await composer.PressSequentiallyAsync("I will do it tonight.", new() { Delay = 10 });
        await student.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Expect(teacher.Locator(".message").Filter(new() { HasText = "I will do it tonight." })).ToBeVisibleAsync(Live);
        await Expect(typing).ToHaveCountAsync(0, new() { Timeout = 10_000 });
        await Screenshots.SaveAsync(teacher, "chat-05-teacher-receives-reply");

        // The student sends a file; the teacher receives it live and downloads it.
        var notes = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n% my notes\n");
        await student.Locator("#chat-attachment").SetInputFilesAsync(new FilePayload { Name = "notes.pdf", MimeType = "application/pdf", Buffer = notes });
        await Expect(student.Locator("label[for='chat-attachment']")).ToContainTextAsync("notes.pdf");
        await composer.FillAsync("My notes from the lesson");
        await student.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        var withFile = teacher.Locator(".message").Filter(new() { HasText = "My notes from the lesson" });
        var fileButton = withFile.GetByRole(AriaRole.Button, new() { Name = "notes.pdf", Exact = false });
        await Expect(fileButton).ToBeVisibleAsync(Live);
        var download = await teacher.RunAndWaitForDownloadAsync(() => fileButton.ClickAsync());
        Assert.Equal("notes.pdf", download.SuggestedFilename);
        Assert.Equal(notes, await File.ReadAllBytesAsync(await download.PathAsync(), TestContext.Current.CancellationToken));
        await Screenshots.SaveAsync(teacher, "chat-06-teacher-receives-file");

        // The teacher edits their message; the student sees the new text, marked edited.
        await teacherMessage.HoverAsync();
        await teacherMessage.GetByRole(AriaRole.Button, new() { Name = "Actions for the message" }).ClickAsync();
        await teacherMessage.GetByRole(AriaRole.Button, new() { Name = "Edit message" }).ClickAsync();
        await teacher.GetByLabel("Edit message").FillAsync("Hello! Homework: page 14, exercises 1–5.");
        await teacher.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        var edited = student.Locator(".message").Filter(new() { HasText = "page 14" });
        await Expect(edited).ToBeVisibleAsync(Live);
        await Expect(edited).ToContainTextAsync("edited");
        await Expect(student.Locator(".message").Filter(new() { HasText = "page 13" })).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(student, "chat-07-student-sees-edit");

        teacherSession.AssertNoPageProblems();
        studentSession.AssertNoPageProblems();
    }
}
