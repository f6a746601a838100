using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Notifications;

/// <summary>
/// Grades, homework, lesson changes, reports and application decisions store a notification for the people they
/// concern (never for whoever made the change), each type switched off by its own setting, and push it live.
/// </summary>
public sealed class EventNotificationsTests(TheBotAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateTimeOffset InDays(int days) =>
        new DateTimeOffset(DateTimeOffset.UtcNow.Date, TimeSpan.Zero).AddDays(days).AddHours(9).AddMinutes(Random.Shared.Next(0, 8) * 60);

    [Fact]
    public async Task A_booked_lesson_tells_the_student_and_parent_in_their_language_and_not_the_teacher()
    {
        var subject = $"Geometry {Guid.NewGuid():N}"[..20];
        var c = await fixture.Learning.CreateClassroomAsync(subject);
        await SetLanguageAsync(c.Parent, "en");
        var startsAt = InDays(3);

        var lessonId = await fixture.Learning.BookLessonAsync(c, startsAt);

        var student = Assert.Single(await Of(c.Student, "lessonBooked", lessonId));
        Assert.StartsWith($"Новое занятие: {subject}", student.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal($"/schedule/{lessonId}", student.GetProperty("link").GetString());
        var parent = Assert.Single(await Of(c.Parent, "lessonBooked", lessonId));
        Assert.Equal($"Lesson booked: {subject}", parent.GetProperty("title").GetString());
        Assert.Empty(await Of(c.Teacher, "lessonBooked", lessonId));
        Assert.Empty(await Of(c.Tutor, "lessonBooked", lessonId));

        // A booking refused (the student is busy then) stores nothing; switched off, the parent hears of no booking.
        using (var clash = await c.Teacher.Client.PostAsJsonAsync("/api/lessons", new
        {
            studentId = c.Student.Id, subjectId = c.SubjectId, startsAt, endsAt = startsAt.AddHours(1),
        }, Ct))
        {
            await Expect.ProblemAsync(HttpStatusCode.Conflict, clash);
        }

        await SwitchOffAsync(c.Parent, "lessonBooked");
        var next = await fixture.Learning.BookLessonAsync(c, InDays(5));
        Assert.Single(await Of(c.Student, "lessonBooked", next));
        Assert.Empty(await Of(c.Parent, "lessonBooked", next));
        Assert.Equal(2, (await Of(c.Student, "lessonBooked")).Count);
    }

    [Fact]
    public async Task A_moved_lesson_tells_the_student_and_parent_and_not_the_teacher_who_moved_it()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var lessonId = await fixture.Learning.BookLessonAsync(c, InDays(3));

        await MoveAsync(c.Teacher, lessonId, InDays(4));

        Assert.Single(await Of(c.Student, "lessonMoved", lessonId));
        Assert.Single(await Of(c.Parent, "lessonMoved", lessonId));
        Assert.Empty(await Of(c.Teacher, "lessonMoved", lessonId));

        await SwitchOffAsync(c.Student, "lessonMoved");
        await MoveAsync(c.Teacher, lessonId, InDays(6));
        Assert.Single(await Of(c.Student, "lessonMoved", lessonId));
        Assert.Equal(2, (await Of(c.Parent, "lessonMoved", lessonId)).Count);
    }

    [Fact]
    public async Task A_lesson_the_student_confirms_tells_the_teacher_and_parent_but_not_the_student()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var first = await fixture.Learning.BookLessonAsync(c, InDays(3));
        var second = await fixture.Learning.BookLessonAsync(c, InDays(4));

        await PostOkAsync(c.Student, $"/api/lessons/{first}/confirm");

        Assert.Single(await Of(c.Teacher, "lessonConfirmed", first));
        Assert.Single(await Of(c.Parent, "lessonConfirmed", first));
        Assert.Empty(await Of(c.Student, "lessonConfirmed", first));

        await SwitchOffAsync(c.Teacher, "lessonConfirmed");
        await PostOkAsync(c.Student, $"/api/lessons/{second}/confirm");
        Assert.Empty(await Of(c.Teacher, "lessonConfirmed", second));
        Assert.Single(await Of(c.Parent, "lessonConfirmed", second));
    }

    [Fact]
    public async Task A_cancelled_lesson_tells_the_student_and_parent_with_the_reason_and_not_the_teacher()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        await SetLanguageAsync(c.Student, "en");
        var first = await fixture.Learning.BookLessonAsync(c, InDays(3));
        var second = await fixture.Learning.BookLessonAsync(c, InDays(4));

        await CancelAsync(c.Teacher, first, "Teacher is ill");

        var student = Assert.Single(await Of(c.Student, "lessonCancelled", first));
        Assert.Contains("Reason: Teacher is ill", student.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Contains("Причина: Teacher is ill", Assert.Single(await Of(c.Parent, "lessonCancelled", first)).GetProperty("body").GetString(),
            StringComparison.Ordinal);
        Assert.Empty(await Of(c.Teacher, "lessonCancelled", first));

        await SwitchOffAsync(c.Parent, "lessonCancelled");
        await CancelAsync(c.Teacher, second, "Holiday");
        Assert.Single(await Of(c.Student, "lessonCancelled", second));
        Assert.Empty(await Of(c.Parent, "lessonCancelled", second));
    }

    [Fact]
    public async Task Published_homework_tells_the_enrolled_student_and_parent_each_where_they_follow_it()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var other = await fixture.Learning.CreateClassroomAsync();

        await fixture.Learning.AssignAsync(c, new NewAssignment(Title: "Exercises 1-5"));

        var student = Assert.Single(await Of(c.Student, "assignment"));
        Assert.Equal("Новое задание: Exercises 1-5", student.GetProperty("title").GetString());
        Assert.Equal("/assignments", student.GetProperty("link").GetString());
        Assert.Equal("/progress", Assert.Single(await Of(c.Parent, "assignment")).GetProperty("link").GetString());
        Assert.Empty(await Of(c.Teacher, "assignment"));
        Assert.Empty(await Of(other.Student, "assignment"));

        // A draft tells nobody until it is published; switched off, the parent hears of none.
        var draft = await fixture.Learning.AssignAsync(c, new NewAssignment(Title: "Essay", Publish: false));
        Assert.Single(await Of(c.Student, "assignment"));
        await SwitchOffAsync(c.Parent, "assignment");
        await PostOkAsync(c.Teacher, $"/api/assignments/{draft}/publish");
        Assert.Equal(2, (await Of(c.Student, "assignment")).Count);
        Assert.Single(await Of(c.Parent, "assignment"));
    }

    [Fact]
    public async Task A_grade_reaches_the_connected_parents_bell_live_and_the_student_but_not_the_teacher()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        await using var parentSocket = await Chatting.ListenAsync(fixture.Host, c.Parent, Ct);
        var assignmentId = await fixture.Learning.AssignAsync(c, new NewAssignment(Title: "Quiz", MaxScore: 10));
        var submissionId = await fixture.Learning.SubmitAsync(c.Student, assignmentId);
        var unreadBefore = await UnreadAsync(c.Parent);

        await fixture.Learning.GradeAsync(c.Teacher, submissionId, 8);

        var live = await parentSocket.WaitAsync("notification", p => p.GetProperty("type").GetString() == "grade", TimeSpan.FromSeconds(30));
        Assert.Contains("8 / 10", live.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(unreadBefore + 1, await UnreadAsync(c.Parent));
        var student = Assert.Single(await Of(c.Student, "grade"));
        Assert.Equal("Оценка: 8 / 10", student.GetProperty("title").GetString());
        Assert.Equal("Quiz", student.GetProperty("body").GetString());
        Assert.Empty(await Of(c.Teacher, "grade"));

        await SwitchOffAsync(c.Student, "grade");
        var second = await fixture.Learning.AssignAsync(c, new NewAssignment(Title: "Quiz 2", MaxScore: 10));
        await fixture.Learning.GradeAsync(c.Teacher, await fixture.Learning.SubmitAsync(c.Student, second), 9);
        Assert.Single(await Of(c.Student, "grade"));
        Assert.Equal(2, (await Of(c.Parent, "grade")).Count);
    }

    [Fact]
    public async Task A_sent_weekly_report_tells_the_parents_only()
    {
        var c = await fixture.Learning.CreateClassroomAsync();

        await SendReportAsync(c, 1);

        var parent = Assert.Single(await Of(c.Parent, "reportSent"));
        Assert.StartsWith("Недельный отчёт", parent.GetProperty("title").GetString(), StringComparison.Ordinal);   // in the parent's language (ru by default)
        Assert.Equal("/weekly-reports", parent.GetProperty("link").GetString());
        Assert.Empty(await Of(c.Student, "reportSent"));
        Assert.Empty(await Of(c.Tutor, "reportSent"));

        await SwitchOffAsync(c.Parent, "reportSent");
        await SendReportAsync(c, 2);
        Assert.Single(await Of(c.Parent, "reportSent"));
    }

    [Fact]
    public async Task A_decided_application_tells_the_other_admins_and_welcomes_the_new_account()
    {
        var admin = await fixture.People.AdminAsync();
        var colleague = await fixture.People.CreateAsync("admin");
        var (approvedId, approvedEmail, approvedName) = await ApplyAsync();

        using (var approve = await admin.Client.PostAsJsonAsync($"/api/admin/applications/{approvedId}/approve", new { note = "Welcome aboard" }, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, approve);
            var created = await approve.Content.ReadFromJsonAsync<JsonElement>(Ct);
            var applicant = await fixture.People.SignInAsync(approvedEmail, created.GetProperty("initialPassword").GetString()!);
            var welcome = Assert.Single(await Of(applicant, "applicationDecided"));
            Assert.Equal("Welcome aboard", welcome.GetProperty("body").GetString());
        }

        Assert.Single(await Of(colleague, "applicationDecided"), n => n.GetProperty("title").GetString()!.Contains(approvedName, StringComparison.Ordinal));
        Assert.DoesNotContain(await Of(admin, "applicationDecided"), n => n.GetProperty("title").GetString()!.Contains(approvedName, StringComparison.Ordinal));

        var (rejectedId, _, rejectedName) = await ApplyAsync();
        await SwitchOffAsync(colleague, "applicationDecided");
        using (var reject = await admin.Client.PostAsJsonAsync($"/api/admin/applications/{rejectedId}/reject", new { note = "Full" }, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.NoContent, reject);
        }

        Assert.DoesNotContain(await Of(colleague, "applicationDecided"), n => n.GetProperty("title").GetString()!.Contains(rejectedName, StringComparison.Ordinal));
    }

    private async Task<(Guid Id, string Email, string Name)> ApplyAsync()
    {
        using var anonymous = fixture.Host.CreateWebClient();
        var email = $"applicant-{Guid.NewGuid():N}@tests.thebot.local";
        var name = $"Applicant {Guid.NewGuid():N}"[..20];
        using var submit = await anonymous.PostAsJsonAsync("/api/applications", new { fullName = name, email, desiredRole = "parent" }, Ct);
        await Expect.StatusAsync(HttpStatusCode.Created, submit);
        var admin = await fixture.People.AdminAsync();
        var list = await admin.Client.GetFromJsonAsync<JsonElement>("/api/admin/applications?status=pending&pageSize=100", Ct);
        var id = list.GetProperty("items").EnumerateArray().Single(a => a.GetProperty("email").GetString() == email).GetProperty("id").GetGuid();
        return (id, email, name);
    }

    /// <summary>The tutor sends the child's weekly report for the week <paramref name="weeksAgo"/> weeks back.</summary>
    private static async Task SendReportAsync(Classroom c, int weeksAgo)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7) - 7 * weeksAgo);
        using var created = await c.Tutor.Client.PostAsJsonAsync("/api/progress/tutor-reports",
            new { studentId = c.Student.Id, weekStart = monday.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), summary = "Steady progress." }, Ct);
        var id = await Expect.CreatedAsync(created);
        await PostOkAsync(c.Tutor, $"/api/progress/tutor-reports/{id}/send");
    }

    private static async Task MoveAsync(SignedIn teacher, Guid lessonId, DateTimeOffset startsAt)
    {
        using var move = await teacher.Client.PatchAsJsonAsync($"/api/lessons/{lessonId}", new { startsAt, endsAt = startsAt.AddHours(1) }, Ct);
        await Expect.StatusAsync(HttpStatusCode.OK, move);
    }

    private static async Task CancelAsync(SignedIn by, Guid lessonId, string reason)
    {
        using var cancel = await by.Client.PostAsJsonAsync($"/api/lessons/{lessonId}/cancel", new { reason }, Ct);
        await Expect.StatusAsync(HttpStatusCode.OK, cancel);
    }

    private static async Task PostOkAsync(SignedIn user, string path)
    {
        using var response = await user.Client.PostAsync(path, null, Ct);
        await Expect.StatusAsync(HttpStatusCode.OK, response);
    }

    private static async Task SwitchOffAsync(SignedIn user, string type)
    {
        using var response = await user.Client.PutAsJsonAsync("/api/notifications/settings",
            new { disabledTypes = new[] { type }, quietHoursStart = (string?)null, quietHoursEnd = (string?)null }, Ct);
        await Expect.StatusAsync(HttpStatusCode.OK, response);
    }

    private static async Task SetLanguageAsync(SignedIn user, string language)
    {
        using var response = await user.Client.PatchAsJsonAsync("/api/auth/me", new { language }, Ct);
        await Expect.StatusAsync(HttpStatusCode.OK, response);
    }

    private static async Task<int> UnreadAsync(SignedIn user) =>
        (await user.Client.GetFromJsonAsync<JsonElement>("/api/notifications?pageSize=1", Ct)).GetProperty("unreadCount").GetInt32();

    /// <summary>The user's stored notifications of a type (about one thing, when its id is given).</summary>
    private static async Task<List<JsonElement>> Of(SignedIn user, string type, Guid? about = null) =>
        [.. (about is { } id ? await user.NotificationsAboutAsync(id.ToString()) : await user.NotificationsAsync())
            .Where(n => n.GetProperty("type").GetString() == type)];
}
