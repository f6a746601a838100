using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Enrollments;

public sealed class EnrollmentsTests(TheBotAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_tutor_enrols_own_student_and_everyone_concerned_sees_it()
    {
        var classroom = await fixture.Learning.CreateClassroomAsync();

        foreach (var viewer in new[] { classroom.Tutor, classroom.Teacher, classroom.Student, classroom.Parent, await fixture.People.AdminAsync() })
        {
            var list = await viewer.Client.GetFromJsonAsync<JsonElement>($"/api/enrollments?subjectId={classroom.SubjectId}", Ct);
            var enrollment = Assert.Single(list.GetProperty("items").EnumerateArray());
            Assert.Equal(classroom.EnrollmentId, enrollment.GetProperty("id").GetGuid());
            Assert.Equal("active", enrollment.GetProperty("status").GetString());
        }

        var stranger = await fixture.People.CreateAsync("parent");
        var strangers = await stranger.Client.GetFromJsonAsync<JsonElement>($"/api/enrollments?subjectId={classroom.SubjectId}", Ct);
        Assert.Equal(0, strangers.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task One_active_enrollment_per_student_and_subject_even_when_requests_race()
    {
        var classroom = await fixture.Learning.CreateClassroomAsync();
        var secondTeacher = await fixture.People.CreateAsync("teacher");
        var otherSubject = await fixture.Learning.CreateSubjectAsync();
        await fixture.Learning.TeachAsync(secondTeacher, classroom.SubjectId, otherSubject);
        var family = await fixture.Learning.CreateFamilyAsync(classroom.Tutor);

        var statuses = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            using var response = await classroom.Tutor.Client.PostAsJsonAsync("/api/enrollments",
                new { studentId = family.Student.Id, subjectId = otherSubject, teacherId = secondTeacher.Id }, Ct);
            return response.StatusCode;
        }));

        Assert.Single(statuses, s => s == HttpStatusCode.Created);
        Assert.All(statuses.Where(s => s != HttpStatusCode.Created), s => Assert.Equal(HttpStatusCode.Conflict, s));

        using var again = await classroom.Tutor.Client.PostAsJsonAsync("/api/enrollments",
            new { studentId = classroom.Student.Id, subjectId = classroom.SubjectId, teacherId = secondTeacher.Id }, Ct);
        await Expect.ProblemAsync(HttpStatusCode.Conflict, again);
    }

    [Fact]
    public async Task Dropping_frees_the_subject_for_a_new_enrollment()
    {
        var classroom = await fixture.Learning.CreateClassroomAsync();

        using var drop = await classroom.Tutor.Client.PatchAsJsonAsync($"/api/enrollments/{classroom.EnrollmentId}", new { status = "dropped" }, Ct);
        await Expect.StatusAsync(HttpStatusCode.OK, drop);
        Assert.NotEqual(JsonValueKind.Null, (await drop.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("endedAt").ValueKind);

        await fixture.Learning.EnrollAsync(classroom.Tutor, classroom.Student.Id, classroom.SubjectId, classroom.Teacher.Id);
        using var reactivate = await classroom.Tutor.Client.PatchAsJsonAsync($"/api/enrollments/{classroom.EnrollmentId}", new { status = "active" }, Ct);
        await Expect.ProblemAsync(HttpStatusCode.Conflict, reactivate);
    }

    [Fact]
    public async Task Tutors_enrol_only_their_own_students_with_teachers_of_the_subject()
    {
        var classroom = await fixture.Learning.CreateClassroomAsync();
        var otherTutor = await fixture.People.CreateAsync("tutor");
        var subject = await fixture.Learning.CreateSubjectAsync();
        await fixture.Learning.TeachAsync(classroom.Teacher, subject);
        var nonTeacher = await fixture.People.CreateAsync("teacher");

        using var notMine = await otherTutor.Client.PostAsJsonAsync("/api/enrollments",
            new { studentId = classroom.Student.Id, subjectId = subject, teacherId = classroom.Teacher.Id }, Ct);
        using var doesNotTeach = await classroom.Tutor.Client.PostAsJsonAsync("/api/enrollments",
            new { studentId = classroom.Student.Id, subjectId = subject, teacherId = nonTeacher.Id }, Ct);
        using var notATeacher = await classroom.Tutor.Client.PostAsJsonAsync("/api/enrollments",
            new { studentId = classroom.Student.Id, subjectId = subject, teacherId = classroom.Parent.Id }, Ct);
        using var otherTutorUpdates = await otherTutor.Client.PatchAsJsonAsync($"/api/enrollments/{classroom.EnrollmentId}", new { status = "dropped" }, Ct);

        await Expect.ProblemAsync(HttpStatusCode.NotFound, notMine);
        await Expect.ProblemAsync(HttpStatusCode.UnprocessableEntity, doesNotTeach);
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, notATeacher);
        await Expect.ProblemAsync(HttpStatusCode.NotFound, otherTutorUpdates);
        var admin = await fixture.People.AdminAsync();
        await fixture.Learning.EnrollAsync(admin, classroom.Student.Id, subject, classroom.Teacher.Id);
    }
}
