using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MiniExcelLibs;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Progress;

public sealed class ProgressTests(TheBotAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task GradedWorkAsync(Classroom c, DateTimeOffset dueAt, decimal maxScore, int penalty, decimal score)
    {
        var id = await fixture.Learning.AssignAsync(c, new NewAssignment($"Work {score}", "homework", dueAt, maxScore, penalty));
        var submissionId = await fixture.Learning.SubmitAsync(c.Student, id, "Done");
        await fixture.Learning.GradeAsync(c.Teacher, submissionId, score);
    }

    [Fact]
    public async Task Progress_counts_lessons_and_scores_and_the_exports_read_back()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        await GradedWorkAsync(c, DateTimeOffset.UtcNow.AddDays(1), 10, 0, 8);      // 80 %
        await GradedWorkAsync(c, DateTimeOffset.UtcNow.AddDays(-1), 20, 50, 20);   // late: 10 of 20 = 50 %
        await fixture.Learning.BookLessonAsync(c, DateTimeOffset.UtcNow.AddDays(3));

        foreach (var viewer in new[] { c.Student, c.Parent, c.Tutor, c.Teacher })
        {
            var progress = await viewer.Client.GetFromJsonAsync<JsonElement>($"/api/progress/students/{c.Student.Id}", Ct);
            Assert.Equal(1, progress.GetProperty("lessonsUpcoming").GetInt32());
            Assert.Equal(2, progress.GetProperty("graded").GetInt32());
            Assert.Equal(1, progress.GetProperty("lateSubmissions").GetInt32());
            Assert.Equal(65m, progress.GetProperty("averagePercent").GetDecimal());
            Assert.Equal([8m, 10m], progress.GetProperty("scores").EnumerateArray().Select(s => s.GetProperty("finalScore").GetDecimal()));
        }

        var stranger = await fixture.People.CreateAsync("parent");
        using (var hidden = await stranger.Client.GetAsync($"/api/progress/students/{c.Student.Id}", Ct))
        {
            await Expect.ProblemAsync(HttpStatusCode.NotFound, hidden);
        }

        using (var export = await c.Tutor.Client.GetAsync($"/api/progress/students/{c.Student.Id}/export", Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, export);
            Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType?.MediaType);
            await using var workbook = new MemoryStream(await export.Content.ReadAsByteArrayAsync(Ct));
            var rows = (await workbook.QueryAsync(useHeaderRow: true, cancellationToken: Ct)).Cast<IDictionary<string, object>>().ToList();
            Assert.Equal([8m, 10m], rows.Select(r => Convert.ToDecimal(r["FinalScore"], CultureInfo.InvariantCulture)));
            Assert.Equal(["no", "yes"], rows.Select(r => (string)r["Late"]));
        }

        var second = await fixture.Learning.CreateFamilyAsync(c.Tutor);
        using (var all = await c.Tutor.Client.GetAsync("/api/progress/export", Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, all);
            await using var workbook = new MemoryStream(await all.Content.ReadAsByteArrayAsync(Ct));
            var rows = (await workbook.QueryAsync(useHeaderRow: true, cancellationToken: Ct)).Cast<IDictionary<string, object>>().ToList();
            Assert.Equal(2, rows.Count);
            var mine = Assert.Single(rows, r => (string)r["Email"] == c.Student.Email);
            Assert.Equal(65m, Convert.ToDecimal(mine["AveragePercent"], CultureInfo.InvariantCulture));
            Assert.Equal(2, Convert.ToInt32(mine["Graded"], CultureInfo.InvariantCulture));
            Assert.Contains(rows, r => (string)r["Email"] == second.Student.Email);
        }

        using var otherTutor = await (await fixture.People.CreateAsync("tutor")).Client.GetAsync($"/api/progress/students/{c.Student.Id}/export", Ct);
        await Expect.ProblemAsync(HttpStatusCode.NotFound, otherTutor);
    }

    [Fact]
    public async Task A_teacher_sees_a_students_progress_only_while_teaching_them_and_only_in_the_subjects_they_teach()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        await GradedWorkAsync(c, DateTimeOffset.UtcNow.AddDays(1), 10, 0, 8);      // 80 % with the classroom's teacher
        var other = await fixture.People.CreateAsync("teacher");
        var otherSubject = await fixture.Learning.CreateSubjectAsync();
        await fixture.Learning.TeachAsync(other, otherSubject);
        var otherEnrollment = await fixture.Learning.EnrollAsync(c.Tutor, c.Student.Id, otherSubject, other.Id);
        var elsewhere = c with { Teacher = other, SubjectId = otherSubject, EnrollmentId = otherEnrollment };
        await GradedWorkAsync(elsewhere, DateTimeOffset.UtcNow.AddDays(1), 10, 0, 4);   // 40 % in the other subject
        var start = DateTimeOffset.UtcNow.AddDays(3);
        using (var lesson = await other.Client.PostAsJsonAsync("/api/lessons",
                   new { studentId = c.Student.Id, subjectId = otherSubject, startsAt = start, endsAt = start.AddHours(1) }, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.Created, lesson);
        }

        async Task<(int Graded, decimal? Average, int Upcoming, string[] Subjects)> SeenBy(SignedIn viewer)
        {
            var progress = await viewer.Client.GetFromJsonAsync<JsonElement>($"/api/progress/students/{c.Student.Id}", Ct);
            var average = progress.GetProperty("averagePercent");
            return (progress.GetProperty("graded").GetInt32(), average.ValueKind == JsonValueKind.Null ? null : average.GetDecimal(),
                progress.GetProperty("lessonsUpcoming").GetInt32(),
                [.. progress.GetProperty("scores").EnumerateArray().Select(s => s.GetProperty("subject").GetString()!).Distinct()]);
        }

        var mine = await SeenBy(c.Teacher);
        var theirs = await SeenBy(other);
        var tutors = await SeenBy(c.Tutor);
        Assert.Equal((1, 80m, 0), (mine.Graded, mine.Average, mine.Upcoming));
        Assert.Equal((1, 40m, 1), (theirs.Graded, theirs.Average, theirs.Upcoming));
        Assert.Equal((2, 60m, 1), (tutors.Graded, tutors.Average, tutors.Upcoming));
        Assert.Single(mine.Subjects);
        Assert.Single(theirs.Subjects);
        Assert.NotEqual(mine.Subjects, theirs.Subjects);

        using (var drop = await c.Tutor.Client.PatchAsJsonAsync($"/api/enrollments/{c.EnrollmentId}", new { status = "completed" }, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, drop);
        }

        using var former = await c.Teacher.Client.GetAsync($"/api/progress/students/{c.Student.Id}", Ct);
        await Expect.ProblemAsync(HttpStatusCode.NotFound, former);
    }
}
