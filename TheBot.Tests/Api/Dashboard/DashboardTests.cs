using System.Net.Http.Json;
using System.Text.Json;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Dashboard;

public sealed class DashboardTests(TheBotAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_role_gets_its_summary_in_one_request()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var start = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddDays(2).AddHours(12);
        await fixture.Learning.BookLessonAsync(c, start);
        var graded = await fixture.Learning.AssignAsync(c, new NewAssignment("Graded work", "homework", DateTimeOffset.UtcNow.AddDays(1)));
        await fixture.Learning.AssignAsync(c, new NewAssignment("Overdue work", "essay", DateTimeOffset.UtcNow.AddDays(-1)));

        var student = await c.Student.Client.GetFromJsonAsync<JsonElement>("/api/dashboard", Ct);
        Assert.Equal("student", student.GetProperty("role").GetString());
        Assert.Equal(start, Assert.Single(student.GetProperty("student").GetProperty("nextLessons").EnumerateArray()).GetProperty("startsAt").GetDateTimeOffset());
        Assert.Equal(2, student.GetProperty("student").GetProperty("assignmentsDue").GetArrayLength());

        var submission = await fixture.Learning.SubmitAsync(c.Student, graded, "Answers");
        var teacher = await c.Teacher.Client.GetFromJsonAsync<JsonElement>("/api/dashboard", Ct);
        Assert.Equal(1, teacher.GetProperty("teacher").GetProperty("submissionsToGradeCount").GetInt32());
        await fixture.Learning.GradeAsync(c.Teacher, submission, 8);

        var parent = await c.Parent.Client.GetFromJsonAsync<JsonElement>("/api/dashboard", Ct);
        var child = Assert.Single(parent.GetProperty("parent").GetProperty("children").EnumerateArray());
        Assert.Equal(c.Student.Id, child.GetProperty("id").GetGuid());
        Assert.Equal(start, child.GetProperty("nextLesson").GetProperty("startsAt").GetDateTimeOffset());
        Assert.Equal(8m, Assert.Single(child.GetProperty("recentGrades").EnumerateArray()).GetProperty("score").GetDecimal());

        var tutor = await c.Tutor.Client.GetFromJsonAsync<JsonElement>("/api/dashboard", Ct);
        var summary = Assert.Single(tutor.GetProperty("tutor").GetProperty("students").EnumerateArray());
        Assert.Equal(1, summary.GetProperty("overdueAssignments").GetInt32());
        Assert.Equal(start, summary.GetProperty("nextLessonAt").GetDateTimeOffset());

        var admin = await (await fixture.People.AdminAsync()).Client.GetFromJsonAsync<JsonElement>("/api/dashboard", Ct);
        Assert.True(admin.GetProperty("admin").GetProperty("activeEnrollments").GetInt32() >= 1);
    }

    [Fact]
    public async Task A_teachers_lessons_today_are_todays_in_their_own_time_zone_not_utcs()
    {
        // A lesson whose day differs between UTC and the teacher's zone: the dashboard follows the teacher's.
        var now = DateTimeOffset.UtcNow;
        var (zone, startsAt) = TimeZoneInfo.GetSystemTimeZones()
            .Where(z => z.Id.Contains('/', StringComparison.Ordinal) && !z.Id.StartsWith("Etc/", StringComparison.Ordinal) && z.GetUtcOffset(now).Minutes == 0)
            .OrderBy(z => z.Id, StringComparer.Ordinal)
            .SelectMany(z => Enumerable.Range(2, 30).Select(h => (Zone: z, StartsAt: new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero).AddHours(h))))
            .First(c => IsToday(c.StartsAt, now, c.Zone) != (c.StartsAt.UtcDateTime.Date == now.UtcDateTime.Date));
        var c = await fixture.Learning.CreateClassroomAsync();
        await c.Teacher.SetTimeZoneAsync(zone.Id);
        var lesson = await fixture.Learning.BookLessonAsync(c, startsAt, TimeSpan.FromMinutes(45));

        var teacher = await c.Teacher.Client.GetFromJsonAsync<JsonElement>("/api/dashboard", Ct);

        var today = teacher.GetProperty("teacher").GetProperty("todayLessons").EnumerateArray().Select(l => l.GetProperty("id").GetGuid());
        Assert.Equal(IsToday(startsAt, now, zone), today.Contains(lesson));
    }

    private static bool IsToday(DateTimeOffset instant, DateTimeOffset now, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).Date == TimeZoneInfo.ConvertTime(now, zone).Date;
}
