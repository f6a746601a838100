using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TheBot.Tests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace TheBot.Tests.Web.Browser;

/// <summary>
/// A teacher books a lesson for their student on the week calendar (a second booking of the same slot is
/// refused with the clash named), the student finds it in their own calendar and confirms it, and the
/// teacher's page follows live.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class LessonSchedulingTests(TheBotAppFixture app, BrowserFixture browser)
{
    [Fact]
    public async Task A_teacher_schedules_a_lesson_and_the_student_sees_it_in_their_calendar()
    {
        var classroom = await app.Learning.CreateClassroomAsync();
        var studentName = await FullNameAsync(classroom.Student);
        var subjectName = await SubjectNameAsync(classroom.Teacher, classroom.SubjectId);

        // Tomorrow at 10:00 in the profile's time zone (test people keep the default, Moscow), which the
        // calendar and the booking form use whatever this machine's zone is.
        var profileNow = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow")).DateTime;
        var start = profileNow.Date.AddDays(1).AddHours(10);
        var nextWeek = MondayOf(start) != MondayOf(profileNow);

        await using var teacherSession = await browser.NewSessionAsync(app.Host.WebEndpoint);
        var teacher = teacherSession.Page;
        await BrowserSignIn.SignInAsync(teacher, classroom.Teacher.Email, classroom.Teacher.Password);
        await BrowserSignIn.OpenAsync(teacher, "Schedule");
        await Expect(teacher.GetByRole(AriaRole.Heading, new() { Name = "Schedule", Level = 1 })).ToBeVisibleAsync();
        await Expect(teacher.Locator(".week .week__day")).ToHaveCountAsync(7);
        await Screenshots.SaveAsync(teacher, "lesson-01-teacher-empty-week");

        await BookAsync(teacher, studentName, subjectName, start);
        await Screenshots.SaveAsync(teacher, "lesson-02-teacher-new-lesson-filled");
        await teacher.GetByRole(AriaRole.Button, new() { Name = "Book lesson" }).ClickAsync();

        await Expect(teacher).ToHaveURLAsync(new Regex("/schedule/[0-9a-f-]{36}$"));
        var lessonPath = new Uri(teacher.Url).AbsolutePath;
        var status = teacher.Locator(".details [data-status]");
        await Expect(status).ToHaveAttributeAsync("data-status", "pending");
        await Expect(teacher.Locator(".timeline")).ToContainTextAsync("Pending");
        await Screenshots.SaveAsync(teacher, "lesson-03-teacher-lesson-booked");

        // The same slot again: the clash names the lesson holding it (subject, student, time), with a link to it.
        await BrowserSignIn.OpenAsync(teacher, "Schedule");
        await BookAsync(teacher, studentName, subjectName, start);
        await teacher.GetByRole(AriaRole.Button, new() { Name = "Book lesson" }).ClickAsync();
        var conflict = teacher.Locator("[data-conflict]");
        await Expect(conflict).ToContainTextAsync("already has a lesson at this time");
        var inTheWay = conflict.GetByTestId("conflicting-lesson");
        await Expect(inTheWay).ToContainTextAsync(subjectName);
        await Expect(inTheWay).ToContainTextAsync(studentName);
        await Expect(inTheWay).ToContainTextAsync("10:00");
        await Expect(conflict.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", lessonPath);
        await Screenshots.SaveAsync(teacher, "lesson-04-teacher-conflict-shown");
        await teacher.GetByRole(AriaRole.Button, new() { Name = "Cancel", Exact = true }).ClickAsync();
        if (nextWeek)
        {
            await teacher.GetByRole(AriaRole.Button, new() { Name = "Next week" }).ClickAsync();
        }

        await Expect(teacher.Locator($".week a[href='{lessonPath}']")).ToBeVisibleAsync();
        await teacher.Locator($".week a[href='{lessonPath}']").ClickAsync();
        await Expect(status).ToHaveAttributeAsync("data-status", "pending");

        // The student's calendar shows it.
        await using var studentSession = await browser.NewSessionAsync(app.Host.WebEndpoint);
        var student = studentSession.Page;
        await BrowserSignIn.SignInAsync(student, classroom.Student.Email, classroom.Student.Password);
        await BrowserSignIn.OpenAsync(student, "Schedule");
        if (nextWeek)
        {
            await student.GetByRole(AriaRole.Button, new() { Name = "Next week" }).ClickAsync();
        }

        var day = student.Locator($".week__day[data-day='{start:yyyy-MM-dd}']");
        var card = day.Locator(".lesson-block");
        await Expect(card).ToHaveCountAsync(1);
        await Expect(card).ToContainTextAsync(subjectName);
        await Expect(card).ToContainTextAsync("10:00");
        await Expect(card.Locator("[data-status]")).ToHaveAttributeAsync("data-status", "pending");
        await Screenshots.SaveAsync(student, "lesson-05-student-calendar-shows-lesson");

        // The student confirms; the teacher's open page follows without a reload.
        await card.ClickAsync();
        await Expect(student).ToHaveURLAsync(lessonPath);
        await student.GetByRole(AriaRole.Button, new() { Name = "Confirm", Exact = true }).ClickAsync();
        await Expect(student.Locator(".details [data-status]")).ToHaveAttributeAsync("data-status", "confirmed");
        await Screenshots.SaveAsync(student, "lesson-06-student-confirmed");
        await Expect(status).ToHaveAttributeAsync("data-status", "confirmed", new() { Timeout = 15_000 });
        await Screenshots.SaveAsync(teacher, "lesson-07-teacher-sees-confirmed-live");

        teacherSession.AssertNoPageProblems();
        studentSession.AssertNoPageProblems();
    }

    private static async Task BookAsync(IPage teacher, string studentName, string subjectName, DateTime start)
    {
        await teacher.GetByRole(AriaRole.Button, new() { Name = "New lesson" }).ClickAsync();
        await teacher.GetByLabel("Student").SelectOptionAsync(new SelectOptionValue { Label = studentName });
        // The student has one subject with this teacher, chosen at once.
        await Expect(teacher.GetByLabel("Subject")).Not.ToHaveValueAsync("");
        await Expect(teacher.GetByLabel("Subject").Locator("option:checked")).ToHaveTextAsync(subjectName);
        await teacher.GetByLabel("Start").FillAsync(start.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        await teacher.GetByLabel("Duration").SelectOptionAsync(new SelectOptionValue { Label = "90 min" });
        await teacher.GetByLabel("Topic").FillAsync("Quadratic equations");
        await teacher.GetByLabel("Meeting link").FillAsync("https://meet.example.com/abc");
    }

    private static DateTime MondayOf(DateTime date) => date.Date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    internal static async Task<string> FullNameAsync(SignedIn person)
    {
        var me = await person.Client.GetFromJsonAsync<JsonElement>("/api/auth/me", TestContext.Current.CancellationToken);
        return me.GetProperty("fullName").GetString()!;
    }

    internal static async Task<string> SubjectNameAsync(SignedIn teacher, Guid subjectId)
    {
        var enrollments = await teacher.Client.GetFromJsonAsync<JsonElement>(
            $"/api/enrollments?subjectId={subjectId}", TestContext.Current.CancellationToken);
        return enrollments.GetProperty("items")[0].GetProperty("subject").GetProperty("name").GetString()!;
    }
}
