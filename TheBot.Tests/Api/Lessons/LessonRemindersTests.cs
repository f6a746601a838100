using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Lessons;

public sealed class LessonRemindersTests(TheBotAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_lesson_gets_one_reminder_per_window_however_often_the_job_runs()
    {
        var classroom = await fixture.Learning.CreateClassroomAsync();
        var now = DateTimeOffset.UtcNow;
        await classroom.Student.SetTimeZoneAsync("UTC");
        await classroom.Teacher.SetTimeZoneAsync("UTC");
        var soon = await BookAsync(classroom, Minute(now.AddMinutes(50)));
        var tomorrowStart = Minute(now.AddHours(20));
        var tomorrow = await BookAsync(classroom, tomorrowStart);
        var nextWeek = await BookAsync(classroom, Minute(now.AddDays(7)));
        var admin = await fixture.People.AdminAsync();

        var first = await admin.RunJobAsync("lesson-reminders");
        await admin.RunJobAsync("lesson-reminders");

        Assert.Contains("reminder(s) sent", first.GetProperty("summary").GetString(), StringComparison.Ordinal);
        foreach (var person in new[] { classroom.Student, classroom.Teacher })
        {
            var aboutSoon = await RemindersAboutAsync(person, soon);
            var aboutTomorrow = await RemindersAboutAsync(person, tomorrow);
            Assert.Equal("Lesson in an hour", Assert.Single(aboutSoon).GetProperty("title").GetString());
            Assert.Equal(tomorrowStart.Date == now.Date ? "Lesson today" : "Lesson tomorrow", Assert.Single(aboutTomorrow).GetProperty("title").GetString());
            Assert.Equal("lessonReminder", aboutSoon[0].GetProperty("type").GetString());
            Assert.Empty(await RemindersAboutAsync(person, nextWeek));
        }
    }

    [Fact]
    public async Task A_lesson_later_today_is_today_and_one_after_midnight_tomorrow_each_by_the_recipients_own_clock()
    {
        // The lesson starts in three hours. The student's zone is one where that is still today (it is between
        // 01:00 and 19:59 there now); the teacher's one where it is already past midnight (21:00–21:59 now).
        var now = DateTimeOffset.UtcNow;
        var startsAt = Minute(now.AddHours(3));
        var laterToday = ZoneWhereNowIs(now, hour => hour is >= 1 and <= 19);
        var afterMidnight = ZoneWhereNowIs(now, hour => hour == 21);
        var classroom = await fixture.Learning.CreateClassroomAsync();
        await classroom.Student.SetTimeZoneAsync(laterToday.Id);
        await classroom.Teacher.SetTimeZoneAsync(afterMidnight.Id);
        var lesson = await BookAsync(classroom, startsAt);

        await (await fixture.People.AdminAsync()).RunJobAsync("lesson-reminders");

        var toStudent = Assert.Single(await RemindersAboutAsync(classroom.Student, lesson));
        var toTeacher = Assert.Single(await RemindersAboutAsync(classroom.Teacher, lesson));
        Assert.Equal("Lesson today", toStudent.GetProperty("title").GetString());
        Assert.Equal("Lesson tomorrow", toTeacher.GetProperty("title").GetString());
        Assert.Contains($"({laterToday.Id})", toStudent.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Contains($"{TimeZoneInfo.ConvertTime(startsAt, afterMidnight):HH:mm} ({afterMidnight.Id})", toTeacher.GetProperty("body").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelled_lessons_are_not_reminded_of()
    {
        var classroom = await fixture.Learning.CreateClassroomAsync();
        var lesson = await BookAsync(classroom, Minute(DateTimeOffset.UtcNow.AddHours(5)));
        var admin = await fixture.People.AdminAsync();
        using (var cancel = await admin.Client.PostAsJsonAsync($"/api/lessons/{lesson}/cancel", new { reason = "Teacher is ill" }, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, cancel);
        }

        await admin.RunJobAsync("lesson-reminders");

        Assert.Empty(await RemindersAboutAsync(classroom.Student, lesson));
    }

    /// <summary>The person's reminders of a lesson (booking and cancelling it notify too, under their own types).</summary>
    private static async Task<List<JsonElement>> RemindersAboutAsync(SignedIn person, Guid lessonId) =>
        [.. (await person.NotificationsAboutAsync(lessonId.ToString())).Where(n => n.GetProperty("type").GetString() == "lessonReminder")];

    [Fact]
    public void The_reminder_shows_the_time_in_the_recipients_own_time_zone()
    {
        var startsAt = new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

        Assert.Equal(
            "Physics at 15:00 (Europe/Moscow), Tue 1 Dec",
            TheBot.Api.Features.Lessons.LessonRemindersJob.Body("Physics", startsAt, "Europe/Moscow"));
        Assert.StartsWith("Physics at 12:00 (UTC)", TheBot.Api.Features.Lessons.LessonRemindersJob.Body("Physics", startsAt, "Nowhere/Unknown"), StringComparison.Ordinal);
    }

    /// <summary>A named zone (whole-hour offset) whose clock now shows an hour <paramref name="wanted"/> accepts.</summary>
    private static TimeZoneInfo ZoneWhereNowIs(DateTimeOffset now, Func<int, bool> wanted) =>
        TimeZoneInfo.GetSystemTimeZones()
            .Where(z => z.Id.Contains('/', StringComparison.Ordinal) && !z.Id.StartsWith("Etc/", StringComparison.Ordinal))
            .Where(z => z.GetUtcOffset(now).Minutes == 0)
            .OrderBy(z => z.Id, StringComparer.Ordinal)
            .First(z => wanted(TimeZoneInfo.ConvertTime(now, z).Hour));

    private static DateTimeOffset Minute(DateTimeOffset t) => new(t.Year, t.Month, t.Day, t.Hour, t.Minute, 0, TimeSpan.Zero);

    private Task<Guid> BookAsync(Classroom c, DateTimeOffset start) => fixture.Learning.BookLessonAsync(c, start, TimeSpan.FromMinutes(45), "Reminders");
}
