using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Statistics;

/// <summary>
/// The admin's figures, computed from what each test creates: user statistics narrowed by a search on the test's own
/// name marker, schedule statistics narrowed to the test's own new teacher.
/// </summary>
public sealed class StatisticsTests(TheBotAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task User_statistics_count_accounts_active_deactivated_seen_and_new_by_role()
    {
        var admin = await fixture.People.AdminAsync();
        var marker = $"st{Guid.NewGuid():N}"[..14];
        await fixture.People.CreateAsync("tutor", marker);
        var leaving = await fixture.People.CreateAsync("tutor", marker);
        await fixture.People.CreateAccountAsync("student", marker);
        using (var deactivate = await admin.Client.DeleteAsync($"/api/admin/users/{leaving.Id}", Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.NoContent, deactivate);
        }

        var statistics = await admin.Client.GetFromJsonAsync<JsonElement>($"/api/admin/statistics/users?search={marker}", Ct);

        var roles = statistics.GetProperty("roles").EnumerateArray().ToDictionary(r => r.GetProperty("role").GetString()!);
        Assert.Equal(["student", "teacher", "tutor", "parent", "admin"], roles.Keys);
        // Both tutors signed in (seen), one was deactivated since; the student never signed in.
        Assert.Equal((2, 1, 1, 2, 2), Figures(roles["tutor"]));
        Assert.Equal((1, 1, 0, 0, 1), Figures(roles["student"]));
        Assert.Equal((0, 0, 0, 0, 0), Figures(roles["teacher"]));
        Assert.Equal((3, 2, 1, 2, 3), Figures(statistics.GetProperty("total")));
        var seenSince = statistics.GetProperty("seenSince").GetDateTimeOffset();
        Assert.InRange(DateTimeOffset.UtcNow - seenSince, TimeSpan.FromDays(30) - TimeSpan.FromMinutes(5), TimeSpan.FromDays(30) + TimeSpan.FromMinutes(5));
        Assert.Equal(1, statistics.GetProperty("monthStart").GetDateTimeOffset().Day);
    }

    [Fact]
    public async Task Schedule_statistics_count_a_teachers_lessons_completed_missed_and_cancelled_per_week()
    {
        var classroom = await fixture.Learning.CreateClassroomAsync();
        var admin = await fixture.People.AdminAsync();
        var thisMonday = Monday(DateOnly.FromDateTime(DateTime.UtcNow));
        var twoWeeksAgo = thisMonday.AddDays(-14);
        var lastWeek = thisMonday.AddDays(-7);
        await InsertLessonsAsync(classroom, admin.Id,
            (twoWeeksAgo, 10, "Completed"), (twoWeeksAgo, 12, "Completed"), (twoWeeksAgo.AddDays(2), 10, "Missed"), (twoWeeksAgo.AddDays(3), 10, "Cancelled"),
            (lastWeek.AddDays(4), 15, "Confirmed"), (lastWeek.AddDays(4), 17, "Cancelled"),
            (thisMonday.AddDays(-70), 10, "Completed"));

        var statistics = await admin.Client.GetFromJsonAsync<JsonElement>($"/api/admin/statistics/schedule?teacherId={classroom.Teacher.Id}", Ct);

        // The default range: the last 8 weeks, this one included (the lesson ten weeks ago is outside it).
        var weeks = statistics.GetProperty("weeks").EnumerateArray().Select(w => DateOnly.Parse(w.GetString()!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(8, weeks.Count);
        Assert.Equal(thisMonday, weeks[^1]);
        Assert.Equal(thisMonday.AddDays(-49), weeks[0]);
        var teacher = Assert.Single(statistics.GetProperty("teachers").GetProperty("items").EnumerateArray());
        Assert.Equal(classroom.Teacher.Id, teacher.GetProperty("teacherId").GetGuid());
        Assert.Equal((4, 2, 1, 2), Counts(teacher.GetProperty("totals")));
        Assert.Equal((4, 2, 1, 2), Counts(statistics.GetProperty("totals")));
        var byWeek = teacher.GetProperty("weeks").EnumerateArray()
            .ToDictionary(w => DateOnly.Parse(w.GetProperty("weekStart").GetString()!, CultureInfo.InvariantCulture), Counts);
        Assert.Equal((3, 2, 1, 1), byWeek[twoWeeksAgo]);
        Assert.Equal((1, 0, 0, 1), byWeek[lastWeek]);
        Assert.Equal((0, 0, 0, 0), byWeek[thisMonday]);

        var older = await admin.Client.GetFromJsonAsync<JsonElement>(
            $"/api/admin/statistics/schedule?teacherId={classroom.Teacher.Id}&from={thisMonday.AddDays(-70):yyyy-MM-dd}&to={thisMonday.AddDays(-64):yyyy-MM-dd}", Ct);
        Assert.Single(older.GetProperty("weeks").EnumerateArray());
        Assert.Equal((1, 1, 0, 0), Counts(older.GetProperty("totals")));
    }

    [Fact]
    public async Task A_reversed_or_too_long_range_is_a_bad_request_and_only_admins_see_statistics()
    {
        var admin = await fixture.People.AdminAsync();
        foreach (var query in new[] { "from=2026-03-01&to=2026-01-01", "from=2024-01-01&to=2026-01-01", "from=yesterday" })
        {
            using var response = await admin.Client.GetAsync($"/api/admin/statistics/schedule?{query}", Ct);
            await Expect.ProblemAsync(HttpStatusCode.BadRequest, response);
        }

        var teacher = await fixture.People.CreateAsync("teacher");
        foreach (var path in new[] { "users", "schedule" })
        {
            using var response = await teacher.Client.GetAsync($"/api/admin/statistics/{path}", Ct);
            await Expect.ProblemAsync(HttpStatusCode.Forbidden, response);
        }
    }

    private static (int, int, int, int, int) Figures(JsonElement role) =>
        (role.GetProperty("users").GetInt32(), role.GetProperty("active").GetInt32(), role.GetProperty("deactivated").GetInt32(),
            role.GetProperty("seenLast30Days").GetInt32(), role.GetProperty("newThisMonth").GetInt32());

    private static (int, int, int, int) Counts(JsonElement counts) =>
        (counts.GetProperty("lessons").GetInt32(), counts.GetProperty("completed").GetInt32(), counts.GetProperty("missed").GetInt32(), counts.GetProperty("cancelled").GetInt32());

    private static DateOnly Monday(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>Past lessons as the schedule leaves them, written directly (the API books only future ones).</summary>
    private async Task InsertLessonsAsync(Classroom classroom, Guid createdBy, params (DateOnly Day, int Hour, string Status)[] lessons)
    {
        await using var connection = new NpgsqlConnection(await fixture.Host.GetConnectionStringAsync("thebot"));
        await connection.OpenAsync(Ct);
        foreach (var (day, hour, status) in lessons)
        {
            var startsAt = new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero);
            await using var command = new NpgsqlCommand("""
                INSERT INTO lessons (id, teacher_id, student_id, subject_id, starts_at, ends_at, status, created_by_id, created_at, updated_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now(), now())
                """, connection);
            foreach (var value in new object[] { Guid.CreateVersion7(), classroom.Teacher.Id, classroom.Student.Id, classroom.SubjectId, startsAt, startsAt.AddHours(1), status, createdBy })
            {
                command.Parameters.Add(new NpgsqlParameter { Value = value });
            }

            await command.ExecuteNonQueryAsync(Ct);
        }
    }
}
