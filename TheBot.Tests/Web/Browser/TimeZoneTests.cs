using System.Globalization;
using Microsoft.Playwright;
using TheBot.Tests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace TheBot.Tests.Web.Browser;

/// <summary>
/// One time zone everywhere (issue #20, bug 6): the calendar used the device's zone while reminders used the
/// profile's, so one lesson showed two times. Now the calendar, the lesson page, the dashboard and the reminder
/// all show the profile's time, with a note naming the zone when the device's is another.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class TimeZoneTests(TheBotAppFixture app, BrowserFixture browser)
{
    private const string ProfileZone = "Asia/Tokyo";
    private const string DeviceZone = "America/New_York";

    [Fact]
    public async Task A_lesson_shows_the_same_time_in_the_profiles_zone_on_every_page_whatever_the_devices_zone()
    {
        var classroom = await app.Learning.CreateClassroomAsync();
        await classroom.Student.SetTimeZoneAsync(ProfileZone);
        var now = DateTimeOffset.UtcNow;
        var startsAt = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero).AddHours(3);
        var lesson = await app.Learning.BookLessonAsync(classroom, startsAt, TimeSpan.FromMinutes(45), "Time zones");
        await (await app.People.AdminAsync()).RunJobAsync("lesson-reminders");
        var tokyo = TimeZoneInfo.FindSystemTimeZoneById(ProfileZone);
        var local = TimeZoneInfo.ConvertTime(startsAt, tokyo);
        var time = local.ToString("HH:mm", CultureInfo.InvariantCulture);
        var deviceTime = TimeZoneInfo.ConvertTime(startsAt, TimeZoneInfo.FindSystemTimeZoneById(DeviceZone)).ToString("HH:mm", CultureInfo.InvariantCulture);
        Assert.NotEqual(time, deviceTime);

        await using var session = await browser.NewSessionAsync(app.Host.WebEndpoint, timeZone: DeviceZone);
        var page = session.Page;
        await BrowserSignIn.SignInAsync(page, classroom.Student.Email, classroom.Student.Password);

        // The note says which zone the times are in, since the device is elsewhere.
        await Expect(page.Locator($".time-zone-note[data-time-zone='{ProfileZone}']")).ToContainTextAsync(ProfileZone);
        await Expect(page.Locator("main")).ToContainTextAsync(time);
        await Expect(page.Locator("main")).Not.ToContainTextAsync(deviceTime);

        // The calendar puts it on the profile zone's day at the profile zone's time.
        await BrowserSignIn.OpenAsync(page, "Schedule");
        if (MondayOf(local.Date) != MondayOf(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, tokyo).Date))
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Next week" }).ClickAsync();
        }

        var card = page.Locator($".week__day[data-day='{local:yyyy-MM-dd}'] .lesson-block[data-lesson='{lesson}']");
        await Expect(card).ToContainTextAsync($"{time}–{local.AddMinutes(45):HH:mm}");
        await Screenshots.SaveAsync(page, "time-zone-01-calendar-in-profile-zone");

        // The lesson page agrees.
        await card.ClickAsync();
        await Expect(page.Locator(".details")).ToContainTextAsync(time);

        // So does the reminder, worded by the profile zone's calendar.
        await page.GotoAsync("/notifications");
        var reminder = page.Locator(".notification").Filter(new() { HasText = $"{time} ({ProfileZone})" });
        await Expect(reminder).ToHaveCountAsync(1);
        await Expect(reminder).ToContainTextAsync(local.Date == TimeZoneInfo.ConvertTime(now, tokyo).Date ? "Lesson today" : "Lesson tomorrow");
        await Screenshots.SaveAsync(page, "time-zone-02-reminder-agrees");
        session.AssertNoPageProblems();
    }

    [Fact]
    public async Task No_note_when_the_device_is_in_the_profiles_zone()
    {
        var person = await app.People.CreateAsync("student");
        await person.SetTimeZoneAsync(ProfileZone);
        await using var session = await browser.NewSessionAsync(app.Host.WebEndpoint, timeZone: ProfileZone);
        await BrowserSignIn.SignInAsync(session.Page, person.Email, person.Password);
        await Expect(session.Page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 })).ToBeVisibleAsync();
        await Expect(session.Page.Locator(".time-zone-note")).ToHaveCountAsync(0);
        session.AssertNoPageProblems();
    }

    private static DateTime MondayOf(DateTime date) => date.Date.AddDays(-(((int)date.DayOfWeek + 6) % 7));
}
