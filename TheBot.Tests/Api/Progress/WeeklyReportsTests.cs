using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Progress;

/// <summary>
/// The weekly report chain: teacher → tutor per student and subject, tutor → parents per child; draft → sent → read,
/// the week's figures filled in, who may write, one per week, who has not reported, and the reminders job.
/// </summary>
public sealed class WeeklyReportsTests(TheBotAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly Monday(int weeksFromNow)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return today.AddDays(-(((int)today.DayOfWeek + 6) % 7)).AddDays(7 * weeksFromNow);
    }

    private static string Week(int weeksFromNow) => Monday(weeksFromNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<JsonElement> CreatedAsync(HttpResponseMessage response)
    {
        await Expect.StatusAsync(HttpStatusCode.Created, response);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        await Expect.StatusAsync(HttpStatusCode.OK, response);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private static async Task<JsonElement> DraftTeacherReportAsync(Classroom c, string week, string summary = "Solid week.")
    {
        using var response = await c.Teacher.Client.PostAsJsonAsync("/api/progress/teacher-reports",
            new { studentId = c.Student.Id, subjectId = c.SubjectId, weekStart = week, summary }, Ct);
        return await CreatedAsync(response);
    }

    private static async Task<JsonElement> PostAsync(SignedIn user, string path)
    {
        using var response = await user.Client.PostAsync(path, null, Ct);
        return await OkAsync(response);
    }

    private static async Task<List<JsonElement>> NoticesAsync(SignedIn user, string type) =>
        [.. (await user.NotificationsAsync()).Where(n => n.GetProperty("type").GetString() == type)];

    private static async Task<List<JsonElement>> ItemsAsync(SignedIn user, string path) =>
        [.. (await user.Client.GetFromJsonAsync<JsonElement>(path, Ct)).GetProperty("items").EnumerateArray()];

    /// <summary>Last week: a completed, a missed and a cancelled lesson, and work graded 8 of 10 and 5 of 10.</summary>
    private async Task LastWeekAsync(Classroom c)
    {
        var monday = new DateTimeOffset(Monday(-1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        foreach (var (hour, status) in new[] { (9, "Completed"), (11, "Missed"), (13, "Cancelled") })
        {
            var lesson = await fixture.Learning.BookLessonAsync(c, DateTimeOffset.UtcNow.AddDays(20).AddHours(hour));
            await fixture.Billing.ExecuteSqlAsync("UPDATE lessons SET starts_at = $2, ends_at = $3, status = $4 WHERE id = $1",
                lesson, monday.AddHours(hour), monday.AddHours(hour + 1), status);
        }

        foreach (var score in new[] { 8m, 5m })
        {
            var assignment = await fixture.Learning.AssignAsync(c, new NewAssignment($"Week work {score}", "homework", DateTimeOffset.UtcNow.AddDays(2), 10, 0));
            var submission = await fixture.Learning.SubmitAsync(c.Student, assignment);
            await fixture.Learning.GradeAsync(c.Teacher, submission, score);
            await fixture.Billing.ExecuteSqlAsync("UPDATE submissions SET graded_at = $2 WHERE id = $1", submission, monday.AddDays(2));
        }
    }

    [Fact]
    public async Task A_teachers_report_is_drafted_with_the_weeks_figures_corrected_sent_to_the_tutor_and_read_when_opened()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        await LastWeekAsync(c);
        var draft = await DraftTeacherReportAsync(c, Week(-1), "");
        var id = draft.GetProperty("id").GetString()!;
        Assert.Equal("draft", draft.GetProperty("status").GetString());
        var figures = draft.GetProperty("figures");
        Assert.Equal(1, figures.GetProperty("lessonsAttended").GetInt32());
        Assert.Equal(2, figures.GetProperty("lessonsScheduled").GetInt32());
        Assert.Equal(65m, figures.GetProperty("averageScore").GetDecimal());

        Assert.Empty(await ItemsAsync(c.Tutor, $"/api/progress/teacher-reports?studentId={c.Student.Id}"));   // a draft is the teacher's
        using (var empty = await c.Teacher.Client.PostAsync($"/api/progress/teacher-reports/{id}/send", null, Ct))
        {
            var problem = await Expect.ProblemAsync(HttpStatusCode.BadRequest, empty);
            Assert.True(problem.GetProperty("errors").TryGetProperty("summary", out _));
        }

        using (var tooMany = await c.Teacher.Client.PutAsJsonAsync($"/api/progress/teacher-reports/{id}",
                   new { summary = "x", progress = "", concerns = "", recommendations = "", lessonsAttended = 3, lessonsScheduled = 2, averageScore = 50 }, Ct))
        {
            await Expect.ProblemAsync(HttpStatusCode.BadRequest, tooMany);
        }

        using (var update = await c.Teacher.Client.PutAsJsonAsync($"/api/progress/teacher-reports/{id}", new
        {
            summary = "Good progress in algebra.", progress = "Solves quadratics.", concerns = "Missed Wednesday.",
            recommendations = "More practice.", lessonsAttended = 2, lessonsScheduled = 2, averageScore = 70.04m,
        }, Ct))
        {
            var updated = await OkAsync(update);
            Assert.Equal(2, updated.GetProperty("figures").GetProperty("lessonsAttended").GetInt32());
            Assert.Equal(70m, updated.GetProperty("figures").GetProperty("averageScore").GetDecimal());
        }

        using (var form = new MultipartFormDataContent())
        {
            var file = new ByteArrayContent(Encoding.ASCII.GetBytes("%PDF-1.4\n" + new string('x', 1000)));
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, "file", "worksheet.pdf");
            using var upload = await c.Teacher.Client.PostAsync($"/api/progress/teacher-reports/{id}/file", form, Ct);
            Assert.Equal("worksheet.pdf", (await OkAsync(upload)).GetProperty("file").GetProperty("fileName").GetString());
        }

        var sent = await PostAsync(c.Teacher, $"/api/progress/teacher-reports/{id}/send");
        Assert.Equal("sent", sent.GetProperty("status").GetString());
        using (var again = await c.Teacher.Client.PostAsync($"/api/progress/teacher-reports/{id}/send", null, Ct))
        {
            await Expect.ProblemAsync(HttpStatusCode.Conflict, again);
        }

        using (var late = await c.Teacher.Client.PutAsJsonAsync($"/api/progress/teacher-reports/{id}",
                   new { summary = "x", progress = "", concerns = "", recommendations = "", lessonsAttended = 0, lessonsScheduled = 0 }, Ct))
        {
            await Expect.ProblemAsync(HttpStatusCode.Conflict, late);
        }

        var notice = Assert.Single(await NoticesAsync(c.Tutor, "teacherReport"));
        Assert.Equal("/weekly-reports", notice.GetProperty("link").GetString());
        Assert.Empty(await NoticesAsync(c.Parent, "teacherReport"));
        foreach (var outsider in new[] { c.Parent, c.Student, await fixture.People.CreateAsync("tutor") })
        {
            Assert.Empty(await ItemsAsync(outsider, "/api/progress/teacher-reports"));
            using var get = await outsider.Client.GetAsync($"/api/progress/teacher-reports/{id}", Ct);
            await Expect.ProblemAsync(HttpStatusCode.NotFound, get);
        }

        var inbox = Assert.Single(await ItemsAsync(c.Tutor, $"/api/progress/teacher-reports?weekStart={Week(-1)}&studentId={c.Student.Id}"));
        Assert.Equal("Solves quadratics.", inbox.GetProperty("progress").GetString());
        using (var download = await c.Tutor.Client.GetAsync($"/api/progress/teacher-reports/{id}/file", Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, download);
            Assert.StartsWith("%PDF", Encoding.ASCII.GetString(await download.Content.ReadAsByteArrayAsync(Ct)), StringComparison.Ordinal);
        }

        var read = await PostAsync(c.Tutor, $"/api/progress/teacher-reports/{id}/read");
        Assert.Equal("read", read.GetProperty("status").GetString());
        Assert.Equal("read", (await c.Teacher.Client.GetFromJsonAsync<JsonElement>($"/api/progress/teacher-reports/{id}", Ct)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_weeks_figures_are_reckoned_in_the_students_time_zone()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        await c.Student.SetTimeZoneAsync("Europe/Moscow");   // UTC+3 all year

        // Monday 00:30 in Moscow is Sunday 21:30 in UTC. The completed lesson is on last week's Monday there (the
        // week before, in UTC); the missed one on this week's Monday there (last week's Sunday, in UTC).
        foreach (var (monday, status) in new[] { (Monday(-1), "Completed"), (Monday(0), "Missed") })
        {
            var startsAt = new DateTimeOffset(monday.ToDateTime(new TimeOnly(0, 30)), TimeSpan.FromHours(3)).ToUniversalTime();
            var lesson = await fixture.Learning.BookLessonAsync(c, DateTimeOffset.UtcNow.AddDays(20));
            await fixture.Billing.ExecuteSqlAsync("UPDATE lessons SET starts_at = $2, ends_at = $3, status = $4 WHERE id = $1",
                lesson, startsAt, startsAt.AddHours(1), status);
        }

        var figures = (await DraftTeacherReportAsync(c, Week(-1))).GetProperty("figures");
        Assert.Equal(1, figures.GetProperty("lessonsScheduled").GetInt32());
        Assert.Equal(1, figures.GetProperty("lessonsAttended").GetInt32());
    }

    [Fact]
    public async Task Only_a_teacher_of_an_active_enrollment_reports_and_once_per_student_subject_and_week()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var stranger = await fixture.People.CreateAsync("teacher");
        await fixture.Learning.TeachAsync(stranger, c.SubjectId);
        using (var notTheirs = await stranger.Client.PostAsJsonAsync("/api/progress/teacher-reports",
                   new { studentId = c.Student.Id, subjectId = c.SubjectId, weekStart = Week(0) }, Ct))
        {
            await Expect.ProblemAsync(HttpStatusCode.Forbidden, notTheirs);
        }

        using (var tuesday = await c.Teacher.Client.PostAsJsonAsync("/api/progress/teacher-reports",
                   new { studentId = c.Student.Id, subjectId = c.SubjectId, weekStart = Monday(0).AddDays(1) }, Ct))
        {
            await Expect.ProblemAsync(HttpStatusCode.BadRequest, tuesday);
        }

        await DraftTeacherReportAsync(c, Week(0));
        using (var twice = await c.Teacher.Client.PostAsJsonAsync("/api/progress/teacher-reports",
                   new { studentId = c.Student.Id, subjectId = c.SubjectId, weekStart = Week(0) }, Ct))
        {
            await Expect.ProblemAsync(HttpStatusCode.Conflict, twice);
        }

        await DraftTeacherReportAsync(c, Week(-2));   // another week is another report

        using (var drop = await c.Tutor.Client.PatchAsJsonAsync($"/api/enrollments/{c.EnrollmentId}", new { status = "completed" }, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, drop);
        }

        using var former = await c.Teacher.Client.PostAsJsonAsync("/api/progress/teacher-reports",
            new { studentId = c.Student.Id, subjectId = c.SubjectId, weekStart = Week(-3) }, Ct);
        await Expect.ProblemAsync(HttpStatusCode.Forbidden, former);
    }

    [Fact]
    public async Task A_tutors_report_goes_to_the_parents_who_read_it_and_see_the_history_newest_week_first()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        await LastWeekAsync(c);
        var otherTutor = await fixture.People.CreateAsync("tutor");
        using (var notTheirs = await otherTutor.Client.PostAsJsonAsync("/api/progress/tutor-reports",
                   new { studentId = c.Student.Id, weekStart = Week(-1) }, Ct))
        {
            await Expect.ProblemAsync(HttpStatusCode.Forbidden, notTheirs);
        }

        using var created = await c.Tutor.Client.PostAsJsonAsync("/api/progress/tutor-reports", new
        {
            studentId = c.Student.Id, weekStart = Week(-1), summary = "A good week overall.",
            notes = new[] { new { subjectId = c.SubjectId, text = "The teacher writes: good progress in algebra." } },
        }, Ct);
        var report = await CreatedAsync(created);
        var id = report.GetProperty("id").GetString()!;
        Assert.Equal((1, 2, 65m), (report.GetProperty("figures").GetProperty("lessonsAttended").GetInt32(),
            report.GetProperty("figures").GetProperty("lessonsScheduled").GetInt32(), report.GetProperty("figures").GetProperty("averageScore").GetDecimal()));
        Assert.Equal(c.SubjectId, Assert.Single(report.GetProperty("notes").EnumerateArray()).GetProperty("subject").GetProperty("id").GetGuid());

        using (var twice = await c.Tutor.Client.PostAsJsonAsync("/api/progress/tutor-reports", new { studentId = c.Student.Id, weekStart = Week(-1) }, Ct))
        {
            await Expect.ProblemAsync(HttpStatusCode.Conflict, twice);
        }

        using (var update = await c.Tutor.Client.PutAsJsonAsync($"/api/progress/tutor-reports/{id}", new
        {
            summary = "A good week overall.", recommendations = "Keep the evening routine.",
            notes = new[] { new { subjectId = c.SubjectId, text = "Algebra is going well." } },
            lessonsAttended = 1, lessonsScheduled = 2, averageScore = 65,
        }, Ct))
        {
            var updated = await OkAsync(update);
            Assert.Equal("Algebra is going well.", Assert.Single(updated.GetProperty("notes").EnumerateArray()).GetProperty("text").GetString());
        }

        Assert.Empty(await ItemsAsync(c.Parent, $"/api/progress/tutor-reports?studentId={c.Student.Id}"));
        await PostAsync(c.Tutor, $"/api/progress/tutor-reports/{id}/send");
        var notice = Assert.Single(await NoticesAsync(c.Parent, "reportSent"));
        Assert.Equal("/weekly-reports", notice.GetProperty("link").GetString());

        // An earlier week, sent too: the history is newest week first, and paged.
        using var earlier = await c.Tutor.Client.PostAsJsonAsync("/api/progress/tutor-reports",
            new { studentId = c.Student.Id, weekStart = Week(-2), summary = "Settling in." }, Ct);
        var earlierId = (await CreatedAsync(earlier)).GetProperty("id").GetString()!;
        await PostAsync(c.Tutor, $"/api/progress/tutor-reports/{earlierId}/send");

        var history = await c.Parent.Client.GetFromJsonAsync<JsonElement>($"/api/progress/tutor-reports?studentId={c.Student.Id}&pageSize=1", Ct);
        Assert.Equal(2, history.GetProperty("totalCount").GetInt32());
        Assert.Equal(Week(-1), Assert.Single(history.GetProperty("items").EnumerateArray()).GetProperty("weekStart").GetString());
        var second = await ItemsAsync(c.Parent, $"/api/progress/tutor-reports?studentId={c.Student.Id}&pageSize=1&page=2");
        Assert.Equal(Week(-2), Assert.Single(second).GetProperty("weekStart").GetString());

        Assert.Empty(await ItemsAsync(c.Student, "/api/progress/tutor-reports"));
        Assert.Empty(await ItemsAsync(await fixture.People.CreateAsync("parent"), "/api/progress/tutor-reports"));
        var read = await PostAsync(c.Parent, $"/api/progress/tutor-reports/{id}/read");
        Assert.Equal("read", read.GetProperty("status").GetString());
        Assert.NotEqual(JsonValueKind.Null, read.GetProperty("readAt").ValueKind);
    }

    [Fact]
    public async Task The_tutor_sees_which_teachers_have_not_sent_the_weeks_report()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var other = await fixture.People.CreateAsync("teacher");
        var otherSubject = await fixture.Learning.CreateSubjectAsync();
        await fixture.Learning.TeachAsync(other, otherSubject);
        await fixture.Learning.EnrollAsync(c.Tutor, c.Student.Id, otherSubject, other.Id);

        async Task<List<(Guid Teacher, Guid Subject, bool Drafted)>> MissingAsync()
        {
            var missing = await c.Tutor.Client.GetFromJsonAsync<JsonElement>($"/api/progress/teacher-reports/missing?weekStart={Week(0)}", Ct);
            Assert.Equal(Week(0), missing.GetProperty("weekStart").GetString());
            return [.. missing.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("teacher").GetProperty("id").GetGuid(),
                i.GetProperty("subject").GetProperty("id").GetGuid(), i.GetProperty("drafted").GetBoolean()))];
        }

        Assert.Equal(new[] { (c.Teacher.Id, c.SubjectId, false), (other.Id, otherSubject, false) }, (await MissingAsync()).OrderBy(m => m.Teacher == other.Id).ToArray());
        var draft = await DraftTeacherReportAsync(c, Week(0));
        Assert.Contains((c.Teacher.Id, c.SubjectId, true), await MissingAsync());
        await PostAsync(c.Teacher, $"/api/progress/teacher-reports/{draft.GetProperty("id").GetString()}/send");
        Assert.Equal(new[] { (other.Id, otherSubject, false) }, (await MissingAsync()).ToArray());

        var current = await c.Tutor.Client.GetFromJsonAsync<JsonElement>("/api/progress/teacher-reports/missing", Ct);
        Assert.Equal(Week(0), current.GetProperty("weekStart").GetString());
        var strangerTutor = await fixture.People.CreateAsync("tutor");
        var theirs = await strangerTutor.Client.GetFromJsonAsync<JsonElement>("/api/progress/teacher-reports/missing", Ct);
        Assert.Empty(theirs.GetProperty("items").EnumerateArray());
    }

    /// <summary>The shared app sets both reminder days to Monday, so every day of the week is "late" for this week.</summary>
    [Fact]
    public async Task The_reminder_job_reminds_late_teachers_and_tutors_once_and_not_those_who_sent()
    {
        var late = await fixture.Learning.CreateClassroomAsync();
        var onTime = await fixture.Learning.CreateClassroomAsync();
        var draft = await DraftTeacherReportAsync(onTime, Week(0));
        await PostAsync(onTime.Teacher, $"/api/progress/teacher-reports/{draft.GetProperty("id").GetString()}/send");
        using (var created = await onTime.Tutor.Client.PostAsJsonAsync("/api/progress/tutor-reports",
                   new { studentId = onTime.Student.Id, weekStart = Week(0), summary = "Fine." }, Ct))
        {
            await PostAsync(onTime.Tutor, $"/api/progress/tutor-reports/{(await CreatedAsync(created)).GetProperty("id").GetString()}/send");
        }

        var admin = await fixture.People.AdminAsync();
        var run = await admin.RunJobAsync("weekly-report-reminders");
        Assert.Equal("reportRemindersSent", run.GetProperty("resultCode").GetString());
        await admin.RunJobAsync("weekly-report-reminders");

        var teacherReminder = Assert.Single(await NoticesAsync(late.Teacher, "reportReminder"));
        Assert.Equal("/weekly-reports", teacherReminder.GetProperty("link").GetString());
        Assert.Contains(": 1", teacherReminder.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Single(await NoticesAsync(late.Tutor, "reportReminder"));
        Assert.Empty(await NoticesAsync(onTime.Teacher, "reportReminder"));
        Assert.Empty(await NoticesAsync(onTime.Tutor, "reportReminder"));
        Assert.Empty(await NoticesAsync(late.Parent, "reportReminder"));
    }
}
