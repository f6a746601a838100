using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using TheBot.Tests.Fixtures;
using TheBot.Tests.Realtime;
using static Microsoft.Playwright.Assertions;

namespace TheBot.Tests.Web.Browser;

/// <summary>
/// Events the server sent and the SPA ignored (issue: "No client method with the name 'presence' /
/// 'enrollmentchanged'" in the console): each now shows on the page that holds its data, and
/// <see cref="BrowserSession.AssertNoPageProblems"/> fails any browser test whose page leaves an event unhandled.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class LiveEventsTests(TheBotAppFixture app, BrowserFixture browser)
{
    private static readonly LocatorAssertionsToHaveCountOptions Live = new() { Timeout = 15_000 };

    [Fact]
    public async Task A_new_enrollment_appears_in_the_teachers_open_lesson_form_without_a_reload()
    {
        var classroom = await app.Learning.CreateClassroomAsync();
        await using var session = await browser.NewSessionAsync(app.Host.WebEndpoint);
        var teacher = session.Page;
        await BrowserSignIn.SignInAsync(teacher, classroom.Teacher.Email, classroom.Teacher.Password);
        await BrowserSignIn.OpenAsync(teacher, "Schedule");
        await Expect(teacher.Locator(".realtime--connected")).ToHaveCountAsync(1, Live);
        await teacher.GetByRole(AriaRole.Button, new() { Name = "New lesson" }).ClickAsync();
        var students = teacher.GetByLabel("Student").Locator("option");
        await Expect(students.Filter(new() { HasText = await LessonSchedulingTests.FullNameAsync(classroom.Student) })).ToHaveCountAsync(1);

        // The tutor enrolls another student with this teacher: the form offers them at once.
        var family = await app.Learning.CreateFamilyAsync(classroom.Tutor);
        await app.Learning.EnrollAsync(classroom.Tutor, family.Student.Id, classroom.SubjectId, classroom.Teacher.Id);

        await Expect(students.Filter(new() { HasText = await LessonSchedulingTests.FullNameAsync(family.Student) })).ToHaveCountAsync(1, Live);
        session.AssertNoPageProblems();
    }

    [Fact]
    public async Task A_room_shows_which_participants_are_online_as_they_come_and_go()
    {
        var classroom = await app.Learning.CreateClassroomAsync();
        var roomId = await Chatting.StartRoomAsync(classroom.Teacher, classroom.Student.Id);
        await using var session = await browser.NewSessionAsync(app.Host.WebEndpoint);
        var student = session.Page;
        await BrowserSignIn.SignInAsync(student, classroom.Student.Email, classroom.Student.Password);
        await student.GotoAsync($"/chat/{roomId}");
        await Expect(student.Locator(".realtime--connected")).ToHaveCountAsync(1, Live);
        var teacherName = await LessonSchedulingTests.FullNameAsync(classroom.Teacher);
        var teacherShown = student.Locator(".room__people [data-online]").Filter(new() { HasText = teacherName });
        await Expect(teacherShown).ToHaveAttributeAsync("data-online", "false");

        // The teacher connects (another device): the student sees them online; they leave: offline again.
        await using (var teacherDevice = RealtimeProbe.Connect(app.Host, classroom.Teacher.AccessToken))
        {
            await teacherDevice.StartJoinedAsync(TestContext.Current.CancellationToken);
            await Expect(teacherShown).ToHaveAttributeAsync("data-online", "true", new() { Timeout = 15_000 });
            await Expect(teacherShown).ToContainTextAsync("online");
            await teacherDevice.StopAsync(TestContext.Current.CancellationToken);
        }

        await Expect(teacherShown).ToHaveAttributeAsync("data-online", "false", new() { Timeout = 15_000 });
        session.AssertNoPageProblems();
    }
}
