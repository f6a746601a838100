using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Lessons;

public sealed class LessonsTests(TheBotAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A whole hour a few days ahead, so that tests never depend on the time of day.</summary>
    private static DateTimeOffset Future(int days = 3, int hour = 10) =>
        new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddDays(days).AddHours(hour);

    private static async Task<HttpResponseMessage> BookAsync(Classroom c, DateTimeOffset start, TimeSpan length, string? link = null, SignedIn? by = null) =>
        await (by ?? c.Teacher).Client.PostAsJsonAsync("/api/lessons", new
        {
            studentId = c.Student.Id,
            subjectId = c.SubjectId,
            teacherId = by is null ? (Guid?)null : c.Teacher.Id,
            startsAt = start,
            endsAt = start + length,
            topic = "Quadratic equations",
            meetingLink = link,
        }, Ct);

    private static async Task<Guid> BookOkAsync(Classroom c, DateTimeOffset start, TimeSpan? length = null)
    {
        using var response = await BookAsync(c, start, length ?? TimeSpan.FromHours(1));
        return await Expect.CreatedAsync(response);
    }

    private static async Task<List<Guid>> LessonIdsAsync(SignedIn viewer, string query = "")
    {
        var page = await viewer.Client.GetFromJsonAsync<JsonElement>("/api/lessons?pageSize=100" + query, Ct);
        return page.ItemIds().ToList();
    }

    [Fact]
    public async Task Twenty_parallel_overlapping_bookings_for_one_teacher_yield_one_201_and_409s()
    {
        var classroom = await fixture.Learning.CreateClassroomAsync();
        // Twenty students of the same teacher, each wanting an overlapping slot.
        var students = new List<Guid>();
        for (var i = 0; i < 20; i++)
        {
            var family = await fixture.Learning.CreateFamilyAsync(classroom.Tutor);
            await fixture.Learning.EnrollAsync(classroom.Tutor, family.Student.Id, classroom.SubjectId, classroom.Teacher.Id);
            students.Add(family.Student.Id);
        }

        var start = Future(5, 9);
        using var gate = new SemaphoreSlim(0);
        var attempts = students.Select(async (studentId, i) =>
        {
            await gate.WaitAsync(Ct);
            var from = start.AddMinutes(i * 5);
            using var response = await classroom.Teacher.Client.PostAsJsonAsync("/api/lessons",
                new { studentId, subjectId = classroom.SubjectId, startsAt = from, endsAt = from.AddHours(2) }, Ct);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            return (response.StatusCode, body);
        }).ToList();
        gate.Release(students.Count);
        var results = await Task.WhenAll(attempts);

        var created = Assert.Single(results, r => r.StatusCode == HttpStatusCode.Created);
        var winner = created.body.GetProperty("id").GetGuid();
        foreach (var (status, body) in results.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            Assert.Equal(HttpStatusCode.Conflict, status);
            Assert.Equal(winner, body.GetProperty("conflictingLessonId").GetGuid());
            Assert.Equal("teacher", body.GetProperty("conflictsWith").GetString());
        }

        Assert.Equal([winner], await LessonIdsAsync(classroom.Teacher));
    }

    [Fact]
    public async Task A_student_cannot_be_double_booked_and_cancelled_lessons_free_the_slot()
    {
        var classroom = await fixture.Learning.CreateClassroomAsync();
        var otherTeacher = await fixture.People.CreateAsync("teacher");
        var otherSubject = await fixture.Learning.CreateSubjectAsync();
        await fixture.Learning.TeachAsync(otherTeacher, otherSubject);
        await fixture.Learning.EnrollAsync(classroom.Tutor, classroom.Student.Id, otherSubject, otherTeacher.Id);
        var start = Future(4, 14);
        var first = await BookOkAsync(classroom, start);

        var other = new { studentId = classroom.Student.Id, subjectId = otherSubject, startsAt = start.AddMinutes(30), endsAt = start.AddMinutes(90) };
        using (var clash = await otherTeacher.Client.PostAsJsonAsync("/api/lessons", other, Ct))
        {
            var problem = await Expect.ProblemAsync(HttpStatusCode.Conflict, clash);
            Assert.Equal(first, problem.GetProperty("conflictingLessonId").GetGuid());
            Assert.Equal("student", problem.GetProperty("conflictsWith").GetString());
        }

        // Back-to-back lessons do not overlap ([start, end) ranges).
        using (var adjacent = await otherTeacher.Client.PostAsJsonAsync("/api/lessons",
                   new { studentId = classroom.Student.Id, subjectId = otherSubject, startsAt = start.AddHours(1), endsAt = start.AddHours(2) }, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.Created, adjacent);
        }

        using (var cancel = await classroom.Teacher.Client.PostAsJsonAsync($"/api/lessons/{first}/cancel", new { reason = "Teacher is ill" }, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, cancel);
        }

        using var again = await otherTeacher.Client.PostAsJsonAsync("/api/lessons", other with { endsAt = start.AddMinutes(60) }, Ct);
        await Expect.StatusAsync(HttpStatusCode.Created, again);
    }

    [Fact]
    public async Task Bookings_break_no_rule_of_duration_time_enrollment_or_link()
    {
        var classroom = await fixture.Learning.CreateClassroomAsync();
        var start = Future(6, 11);

        using var tooShort = await BookAsync(classroom, start, TimeSpan.FromMinutes(29));
        using var tooLong = await BookAsync(classroom, start, TimeSpan.FromMinutes(241));
        using var backwards = await BookAsync(classroom, start, TimeSpan.FromHours(-1));
        using var past = await BookAsync(classroom, DateTimeOffset.UtcNow.AddHours(-3), TimeSpan.FromHours(1));
        using var http = await BookAsync(classroom, start, TimeSpan.FromHours(1), "http://meet.example.com/abc");
        using var notALink = await BookAsync(classroom, start, TimeSpan.FromHours(1), "zoom room 5");
        Assert.True((await Expect.ProblemAsync(HttpStatusCode.BadRequest, tooShort)).GetProperty("errors").TryGetProperty("endsAt", out _));
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, tooLong);
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, backwards);
        Assert.True((await Expect.ProblemAsync(HttpStatusCode.BadRequest, past)).GetProperty("errors").TryGetProperty("startsAt", out _));
        Assert.True((await Expect.ProblemAsync(HttpStatusCode.BadRequest, http)).GetProperty("errors").TryGetProperty("meetingLink", out _));
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, notALink);

        // No shared active enrollment: another teacher's student, or a dropped enrollment.
        var stranger = await fixture.Learning.CreateClassroomAsync();
        using var notEnrolled = await classroom.Teacher.Client.PostAsJsonAsync("/api/lessons",
            new { studentId = stranger.Student.Id, subjectId = classroom.SubjectId, startsAt = start, endsAt = start.AddHours(1) }, Ct);
        await Expect.ProblemAsync(HttpStatusCode.UnprocessableEntity, notEnrolled);

        // Exactly 30 minutes and exactly 4 hours are fine; a lesson may cross midnight; offsets are honoured.
        await BookOkAsync(classroom, start, TimeSpan.FromMinutes(30));
        await BookOkAsync(classroom, start.AddHours(1), TimeSpan.FromHours(4));
        var lateEvening = new DateTimeOffset(Future(8, 0).Date.AddHours(23).AddMinutes(30), TimeSpan.FromHours(3));
        using var acrossMidnight = await BookAsync(classroom, lateEvening, TimeSpan.FromHours(1), "https://meet.example.com/room");
        await Expect.StatusAsync(HttpStatusCode.Created, acrossMidnight);
        var lesson = await acrossMidnight.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(lateEvening, lesson.GetProperty("startsAt").GetDateTimeOffset());
        Assert.Equal(TimeSpan.Zero, lesson.GetProperty("startsAt").GetDateTimeOffset().Offset);
        Assert.Equal("pending", lesson.GetProperty("status").GetString());

        using (var drop = await classroom.Tutor.Client.PatchAsJsonAsync($"/api/enrollments/{classroom.EnrollmentId}", new { status = "dropped" }, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, drop);
        }

        using var afterDrop = await BookAsync(classroom, start.AddDays(3), TimeSpan.FromHours(1));
        await Expect.ProblemAsync(HttpStatusCode.UnprocessableEntity, afterDrop);
    }

    [Fact]
    public async Task Cancelling_needs_two_hours_notice_except_for_admins()
    {
        var classroom = await fixture.Learning.CreateClassroomAsync();
        var soon = DateTimeOffset.UtcNow.AddMinutes(90);
        var soonId = await BookOkAsync(classroom, soon);
        var laterId = await BookOkAsync(classroom, DateTimeOffset.UtcNow.AddHours(5));

        using (var tooLate = await classroom.Student.Client.PostAsJsonAsync($"/api/lessons/{soonId}/cancel", new { reason = "Busy" }, Ct))
        {
            await Expect.ProblemAsync(HttpStatusCode.UnprocessableEntity, tooLate);
        }

        using (var noReason = await classroom.Student.Client.PostAsJsonAsync($"/api/lessons/{laterId}/cancel", new { reason = "" }, Ct))
        {
            await Expect.ProblemAsync(HttpStatusCode.BadRequest, noReason);
        }

        using (var inTime = await classroom.Student.Client.PostAsJsonAsync($"/api/lessons/{laterId}/cancel", new { reason = "Exam at school" }, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, inTime);
            var body = await inTime.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.Equal("cancelled", body.GetProperty("status").GetString());
            Assert.Equal("Exam at school", body.GetProperty("cancelReason").GetString());
        }

        using (var twice = await classroom.Teacher.Client.PostAsJsonAsync($"/api/lessons/{laterId}/cancel", new { reason = "Again" }, Ct))
        {
            await Expect.ProblemAsync(HttpStatusCode.Conflict, twice);
        }

        using (var parent = await classroom.Parent.Client.PostAsJsonAsync($"/api/lessons/{soonId}/cancel", new { reason = "No" }, Ct))
        {
            await Expect.ProblemAsync(HttpStatusCode.Forbidden, parent);
        }

        var admin = await fixture.People.AdminAsync();
        using var byAdmin = await admin.Client.PostAsJsonAsync($"/api/lessons/{soonId}/cancel", new { reason = "Centre closed" }, Ct);
        await Expect.StatusAsync(HttpStatusCode.OK, byAdmin);
    }

    [Fact]
    public async Task Each_role_lists_only_the_lessons_it_may_see()
    {
        var a = await fixture.Learning.CreateClassroomAsync();
        var b = await fixture.Learning.CreateClassroomAsync();
        var lessonA = await BookOkAsync(a, Future(3, 8));
        var lessonB = await BookOkAsync(b, Future(3, 8));
        var admin = await fixture.People.AdminAsync();

        foreach (var viewer in new[] { a.Teacher, a.Student, a.Tutor, a.Parent })
        {
            Assert.Equal([lessonA], await LessonIdsAsync(viewer));
        }

        foreach (var viewer in new[] { b.Teacher, b.Student, b.Tutor, b.Parent })
        {
            Assert.Equal([lessonB], await LessonIdsAsync(viewer));
        }

        Assert.Equal([lessonA], await LessonIdsAsync(admin, $"&teacherId={a.Teacher.Id}"));
        Assert.Equal([lessonB], await LessonIdsAsync(admin, $"&studentId={b.Student.Id}"));
        Assert.Equal([lessonB], await LessonIdsAsync(admin, $"&subjectId={b.SubjectId}"));

        // The period: lessons overlapping [from, to).
        var from = Uri.EscapeDataString(Future(3, 8).AddMinutes(59).ToString("O"));
        var to = Uri.EscapeDataString(Future(3, 12).ToString("O"));
        Assert.Equal([lessonA], await LessonIdsAsync(a.Student, $"&from={from}&to={to}"));
        var later = Uri.EscapeDataString(Future(3, 9).ToString("O"));
        Assert.Empty(await LessonIdsAsync(a.Student, $"&from={later}"));

        using var hidden = await a.Student.Client.GetAsync($"/api/lessons/{lessonB}", Ct);
        await Expect.ProblemAsync(HttpStatusCode.NotFound, hidden);
        using var otherTeacherCancels = await b.Teacher.Client.PostAsJsonAsync($"/api/lessons/{lessonA}/cancel", new { reason = "Mine now" }, Ct);
        await Expect.ProblemAsync(HttpStatusCode.NotFound, otherTeacherCancels);
    }

    [Fact]
    public async Task Every_change_is_in_the_history_with_who_when_and_old_to_new()
    {
        var classroom = await fixture.Learning.CreateClassroomAsync();
        var start = Future(7, 10);
        var id = await BookOkAsync(classroom, start);

        using (var confirm = await classroom.Student.Client.PostAsync($"/api/lessons/{id}/confirm", null, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, confirm);
        }

        using (var move = await classroom.Teacher.Client.PatchAsJsonAsync($"/api/lessons/{id}",
                   new { startsAt = start.AddDays(1), endsAt = start.AddDays(1).AddMinutes(45) }, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, move);
            Assert.Equal("pending", (await move.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString());
        }

        using (var confirmAgain = await classroom.Student.Client.PostAsync($"/api/lessons/{id}/confirm", null, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, confirmAgain);
        }

        using (var early = await classroom.Teacher.Client.PostAsync($"/api/lessons/{id}/complete", null, Ct))
        {
            await Expect.ProblemAsync(HttpStatusCode.UnprocessableEntity, early);
        }

        using (var cancel = await classroom.Tutor.Client.PostAsJsonAsync($"/api/lessons/{id}/cancel", new { reason = "Holiday" }, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, cancel);
        }

        var history = await classroom.Parent.Client.GetFromJsonAsync<JsonElement>($"/api/lessons/{id}/history", Ct);
        var entries = history.EnumerateArray().ToList();
        Assert.Equal(["created", "confirmed", "rescheduled", "confirmed", "cancelled"], entries.Select(e => e.GetProperty("action").GetString()));
        Assert.Equal([classroom.Teacher.Id, classroom.Student.Id, classroom.Teacher.Id, classroom.Student.Id, classroom.Tutor.Id],
            entries.Select(e => e.GetProperty("actor").GetProperty("id").GetGuid()));
        var moved = entries[2];
        Assert.Equal("confirmed", moved.GetProperty("fromStatus").GetString());
        Assert.Equal("pending", moved.GetProperty("toStatus").GetString());
        Assert.Equal(start, moved.GetProperty("fromStartsAt").GetDateTimeOffset());
        Assert.Equal(start.AddDays(1), moved.GetProperty("toStartsAt").GetDateTimeOffset());
        Assert.Equal(start.AddDays(1).AddMinutes(45), moved.GetProperty("toEndsAt").GetDateTimeOffset());
        Assert.Equal("Holiday", entries[4].GetProperty("note").GetString());
        Assert.True(entries.Zip(entries.Skip(1)).All(p => p.First.GetProperty("at").GetDateTimeOffset() <= p.Second.GetProperty("at").GetDateTimeOffset()));

        var stranger = await fixture.People.CreateAsync("parent");
        using var hidden = await stranger.Client.GetAsync($"/api/lessons/{id}/history", Ct);
        await Expect.ProblemAsync(HttpStatusCode.NotFound, hidden);
    }

    [Fact]
    public async Task The_calendar_feed_serves_ical_behind_a_token_that_can_be_regenerated()
    {
        var classroom = await fixture.Learning.CreateClassroomAsync();
        var start = Future(9, 15);
        var id = await BookOkAsync(classroom, start);

        using var first = await classroom.Student.Client.PostAsync("/api/calendar/token", null, Ct);
        await Expect.StatusAsync(HttpStatusCode.OK, first);
        var feed = await first.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var url = new Uri(feed.GetProperty("url").GetString()!);

        using var anonymous = fixture.Host.CreateWebClient();
        using var response = await anonymous.GetAsync(url.PathAndQuery, Ct);
        await Expect.StatusAsync(HttpStatusCode.OK, response);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var ics = await response.Content.ReadAsStringAsync(Ct);
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.Contains($"UID:{id}@thebot\r\n", ics, StringComparison.Ordinal);
        Assert.Contains($"DTSTART:{start.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}\r\n", ics, StringComparison.Ordinal);
        Assert.EndsWith("END:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.All(ics.Split("\r\n"), line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75, line));

        using var second = await classroom.Student.Client.PostAsync("/api/calendar/token", null, Ct);
        await Expect.StatusAsync(HttpStatusCode.OK, second);
        using var old = await anonymous.GetAsync(url.PathAndQuery, Ct);
        await Expect.ProblemAsync(HttpStatusCode.NotFound, old);
        var newUrl = new Uri((await second.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("url").GetString()!);
        using var fresh = await anonymous.GetAsync(newUrl.PathAndQuery, Ct);
        await Expect.StatusAsync(HttpStatusCode.OK, fresh);
    }

    [Fact]
    public async Task A_teacher_marks_a_started_lesson_missed_and_progress_and_the_tutor_see_it()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var id = await BookOkAsync(c, Future(4, 11));

        using (var early = await c.Teacher.Client.PostAsync($"/api/lessons/{id}/missed", null, Ct))
        {
            await Expect.ProblemAsync(HttpStatusCode.UnprocessableEntity, early);
        }

        // Time passing: the lesson began half an hour ago.
        await fixture.Billing.ExecuteSqlAsync(
            "UPDATE lessons SET starts_at = now() - interval '30 minutes', ends_at = now() + interval '30 minutes' WHERE id = $1", id);
        using (var byStudent = await c.Student.Client.PostAsync($"/api/lessons/{id}/missed", null, Ct))
        {
            await Expect.ProblemAsync(HttpStatusCode.Forbidden, byStudent);
        }

        using (var missed = await c.Teacher.Client.PostAsync($"/api/lessons/{id}/missed", null, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, missed);
            Assert.Equal("missed", (await missed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString());
        }

        using (var twice = await c.Teacher.Client.PostAsync($"/api/lessons/{id}/complete", null, Ct))
        {
            await Expect.ProblemAsync(HttpStatusCode.Conflict, twice);
        }

        var history = await c.Parent.Client.GetFromJsonAsync<JsonElement>($"/api/lessons/{id}/history", Ct);
        var last = history.EnumerateArray().Last();
        Assert.Equal("missed", last.GetProperty("action").GetString());
        Assert.Equal("missed", last.GetProperty("toStatus").GetString());

        var progress = await c.Tutor.Client.GetFromJsonAsync<JsonElement>($"/api/progress/students/{c.Student.Id}", Ct);
        Assert.Equal(1, progress.GetProperty("lessonsMissed").GetInt32());
        Assert.Equal(0, progress.GetProperty("lessonsCompleted").GetInt32());
        var dashboard = await c.Tutor.Client.GetFromJsonAsync<JsonElement>("/api/dashboard", Ct);
        var student = Assert.Single(dashboard.GetProperty("tutor").GetProperty("students").EnumerateArray(), s => s.GetProperty("id").GetGuid() == c.Student.Id);
        Assert.Equal(1, student.GetProperty("missedLessons30Days").GetInt32());
        var studentDashboard = await c.Student.Client.GetFromJsonAsync<JsonElement>("/api/dashboard", Ct);
        Assert.DoesNotContain(studentDashboard.GetProperty("student").GetProperty("nextLessons").EnumerateArray(), l => l.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task A_lesson_cannot_be_moved_once_its_enrollment_has_ended()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var start = Future(6, 14);
        var id = await BookOkAsync(c, start);

        using (var dropped = await c.Tutor.Client.PatchAsJsonAsync($"/api/enrollments/{c.EnrollmentId}", new { status = "dropped" }, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, dropped);
        }

        using var move = await c.Teacher.Client.PatchAsJsonAsync($"/api/lessons/{id}", new { startsAt = start.AddDays(1), endsAt = start.AddDays(1).AddHours(1) }, Ct);
        await Expect.ProblemAsync(HttpStatusCode.UnprocessableEntity, move);
        var lesson = await c.Teacher.Client.GetFromJsonAsync<JsonElement>($"/api/lessons/{id}", Ct);
        Assert.Equal(start, lesson.GetProperty("startsAt").GetDateTimeOffset());
    }
}
