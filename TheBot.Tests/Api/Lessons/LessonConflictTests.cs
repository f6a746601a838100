using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using TheBot.Api.Features.Lessons;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Lessons;

/// <summary>
/// A clash says which lesson is in the way (issue #20, bug 4): the 409 names its id, times, student and subject, and
/// finding it is served by the overlap constraint's GiST index rather than a scan of the person's lessons.
/// </summary>
public sealed class LessonConflictTests(TheBotAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateTimeOffset Future(int days, int hour) =>
        new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddDays(days).AddHours(hour);

    [Fact]
    public async Task A_teachers_clash_names_the_lesson_in_the_way_with_its_times_student_and_subject()
    {
        var classroom = await fixture.Learning.CreateClassroomAsync();
        var other = await fixture.Learning.CreateFamilyAsync(classroom.Tutor);
        await fixture.Learning.EnrollAsync(classroom.Tutor, other.Student.Id, classroom.SubjectId, classroom.Teacher.Id);
        var start = Future(7, 15);
        JsonElement booked;
        using (var first = await classroom.Teacher.Client.PostAsJsonAsync("/api/lessons",
                   new { studentId = classroom.Student.Id, subjectId = classroom.SubjectId, startsAt = start, endsAt = start.AddHours(1) }, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.Created, first);
            booked = await first.Content.ReadFromJsonAsync<JsonElement>(Ct);
        }

        using var clash = await classroom.Teacher.Client.PostAsJsonAsync("/api/lessons",
            new { studentId = other.Student.Id, subjectId = classroom.SubjectId, startsAt = start.AddMinutes(30), endsAt = start.AddMinutes(90) }, Ct);
        var problem = await Expect.ProblemAsync(HttpStatusCode.Conflict, clash);

        Assert.Equal("teacher", problem.GetProperty("conflictsWith").GetString());
        var lesson = problem.GetProperty("conflictingLesson");
        Assert.Equal(booked.GetProperty("id").GetGuid(), lesson.GetProperty("id").GetGuid());
        Assert.Equal(start, lesson.GetProperty("startsAt").GetDateTimeOffset());
        Assert.Equal(start.AddHours(1), lesson.GetProperty("endsAt").GetDateTimeOffset());
        Assert.Equal(classroom.Student.Id, lesson.GetProperty("student").GetProperty("id").GetGuid());
        Assert.Equal(booked.GetProperty("student").GetProperty("fullName").GetString(), lesson.GetProperty("student").GetProperty("fullName").GetString());
        Assert.Equal(classroom.SubjectId, lesson.GetProperty("subject").GetProperty("id").GetGuid());
        Assert.Equal(booked.GetProperty("subject").GetProperty("name").GetString(), lesson.GetProperty("subject").GetProperty("name").GetString());
        Assert.True(lesson.GetProperty("sameTeacher").GetBoolean());
    }

    [Fact]
    public async Task A_students_clash_with_another_teachers_lesson_says_it_is_not_the_same_teacher()
    {
        var classroom = await fixture.Learning.CreateClassroomAsync();
        var otherTeacher = await fixture.People.CreateAsync("teacher");
        var otherSubject = await fixture.Learning.CreateSubjectAsync();
        await fixture.Learning.TeachAsync(otherTeacher, otherSubject);
        await fixture.Learning.EnrollAsync(classroom.Tutor, classroom.Student.Id, otherSubject, otherTeacher.Id);
        var start = Future(8, 9);
        using (var first = await classroom.Teacher.Client.PostAsJsonAsync("/api/lessons",
                   new { studentId = classroom.Student.Id, subjectId = classroom.SubjectId, startsAt = start, endsAt = start.AddHours(1) }, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.Created, first);
        }

        using var clash = await otherTeacher.Client.PostAsJsonAsync("/api/lessons",
            new { studentId = classroom.Student.Id, subjectId = otherSubject, startsAt = start, endsAt = start.AddHours(1) }, Ct);
        var lesson = (await Expect.ProblemAsync(HttpStatusCode.Conflict, clash)).GetProperty("conflictingLesson");

        Assert.Equal(classroom.SubjectId, lesson.GetProperty("subject").GetProperty("id").GetGuid());
        Assert.False(lesson.GetProperty("sameTeacher").GetBoolean());
    }

    /// <summary>
    /// With sequential scans priced out, the plan must seek the time range through an index whose condition holds the
    /// range overlap (&amp;&amp;): only the overlap constraints' GiST indexes can (PostgreSQL picks either, both lead
    /// with the range). Without them the plan would be a (person, starts_at) b-tree scan filtering every lesson of the
    /// person on the overlap, or a sequential scan.
    /// </summary>
    [Theory]
    [InlineData(LessonSchemaSql.TeacherOverlapQuery)]
    [InlineData(LessonSchemaSql.StudentOverlapQuery)]
    public async Task Finding_the_lesson_in_the_way_is_an_overlap_condition_of_a_constraints_gist_index(string query)
    {
        await using var connection = new NpgsqlConnection(await fixture.Host.GetConnectionStringAsync("thebot"));
        await connection.OpenAsync(Ct);
        await using var transaction = await connection.BeginTransactionAsync(Ct);
        await using (var off = new NpgsqlCommand("SET LOCAL enable_seqscan = off", connection, transaction))
        {
            await off.ExecuteNonQueryAsync(Ct);
        }

        var sql = "EXPLAIN (FORMAT JSON) " + query.Replace("{0}", "$1").Replace("{1}", "$2").Replace("{2}", "$3").Replace("{3}", "$4");
        await using var explain = new NpgsqlCommand(sql, connection, transaction)
        {
            Parameters =
            {
                new() { Value = Guid.NewGuid() },
                new() { Value = Future(3, 10) },
                new() { Value = Future(3, 11) },
                new() { Value = Guid.NewGuid() },
            },
        };
        var plan = (string)(await explain.ExecuteScalarAsync(Ct))!;
        using var document = JsonDocument.Parse(plan);

        Assert.True(FindOverlapIndexScan(document.RootElement) is not null, $"No overlap constraint's index seeks the range: {plan}");
    }

    private static JsonElement? FindOverlapIndexScan(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (element.TryGetProperty("Index Name", out var name)
                    && name.GetString() is LessonSchemaSql.TeacherConstraint or LessonSchemaSql.StudentConstraint
                    && element.TryGetProperty("Index Cond", out var condition)
                    && condition.GetString()!.Contains("&&", StringComparison.Ordinal))
                {
                    return element;
                }

                foreach (var property in element.EnumerateObject())
                {
                    if (FindOverlapIndexScan(property.Value) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    if (FindOverlapIndexScan(item) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            default:
                return null;
        }
    }
}
