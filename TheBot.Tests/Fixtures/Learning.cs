using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace TheBot.Tests.Fixtures;

/// <summary>
/// Arranges the learning relationships tests need through the real API: a subject, a teacher who
/// teaches it, a tutor's student (with a parent) enrolled with that teacher.
/// </summary>
public sealed class Learning(People people)
{
    public async Task<Guid> CreateSubjectAsync(string? name = null)
    {
        var admin = await people.AdminAsync();
        using var response = await admin.Client.PostAsJsonAsync("/api/subjects",
            new { name = name ?? $"Subject {Guid.NewGuid():N}"[..20], color = "#336699" });
        return await Expect.CreatedAsync(response);
    }

    public async Task TeachAsync(SignedIn teacher, params Guid[] subjectIds)
    {
        ArgumentNullException.ThrowIfNull(teacher);
        using var response = await teacher.Client.PutAsJsonAsync("/api/teacher/subjects", new { subjectIds });
        await Expect.StatusAsync(HttpStatusCode.OK, response);
    }

    /// <summary>A tutor creates a student and invites a new parent, who sets their password; both are signed in.</summary>
    public async Task<Family> CreateFamilyAsync(SignedIn tutor)
    {
        ArgumentNullException.ThrowIfNull(tutor);
        var studentEmail = $"student-{Guid.NewGuid():N}@tests.thebot.local";
        var parentEmail = $"parent-{Guid.NewGuid():N}@tests.thebot.local";
        using var response = await tutor.Client.PostAsJsonAsync("/api/tutor/students", new
        {
            student = new { fullName = "Student " + studentEmail[8..16], email = studentEmail, grade = 8 },
            parent = new { fullName = "Parent " + parentEmail[7..15], email = parentEmail },
        });
        await Expect.StatusAsync(HttpStatusCode.Created, response);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var student = await people.SignInAsync(studentEmail, body.GetProperty("student").GetProperty("initialPassword").GetString()!);
        await RedeemAsync(body.GetProperty("parent").GetProperty("code").GetString()!);
        var parent = await people.SignInAsync(parentEmail, People.DefaultPassword);
        return new Family(student, parent);
    }

    /// <summary>The new parent opens the tutor's invitation and sets their password: their account is made and linked.</summary>
    public async Task RedeemAsync(string code, string? fullName = null)
    {
        using var client = people.CreateAnonymousClient();
        using var response = await client.PostAsJsonAsync("/api/parent-invitations/redeem", new { code, fullName, password = People.DefaultPassword });
        await Expect.StatusAsync(HttpStatusCode.Created, response);
    }

    public async Task<Guid> EnrollAsync(SignedIn tutorOrAdmin, Guid studentId, Guid subjectId, Guid teacherId)
    {
        ArgumentNullException.ThrowIfNull(tutorOrAdmin);
        using var response = await tutorOrAdmin.Client.PostAsJsonAsync("/api/enrollments", new { studentId, subjectId, teacherId });
        return await Expect.CreatedAsync(response);
    }

    /// <summary>A whole class: tutor, teacher teaching a new subject, a student (and parent) enrolled with them.</summary>
    public async Task<Classroom> CreateClassroomAsync(string? subjectName = null)
    {
        var tutor = await people.CreateAsync("tutor");
        var teacher = await people.CreateAsync("teacher");
        var subjectId = await CreateSubjectAsync(subjectName);
        await TeachAsync(teacher, subjectId);
        var family = await CreateFamilyAsync(tutor);
        var enrollmentId = await EnrollAsync(tutor, family.Student.Id, subjectId, teacher.Id);
        return new Classroom(tutor, teacher, family.Student, family.Parent, subjectId, enrollmentId);
    }

    /// <summary>The classroom's teacher books a lesson with its student (an hour unless said otherwise).</summary>
    public async Task<Guid> BookLessonAsync(Classroom classroom, DateTimeOffset startsAt, TimeSpan? length = null, string? topic = null)
    {
        ArgumentNullException.ThrowIfNull(classroom);
        using var response = await classroom.Teacher.Client.PostAsJsonAsync("/api/lessons", new
        {
            studentId = classroom.Student.Id,
            subjectId = classroom.SubjectId,
            startsAt,
            endsAt = startsAt + (length ?? TimeSpan.FromHours(1)),
            topic,
        });
        return await Expect.CreatedAsync(response);
    }

    /// <summary>The classroom's teacher sets work in its subject (published homework due in two days unless said otherwise).</summary>
    public async Task<Guid> AssignAsync(Classroom classroom, NewAssignment? assignment = null)
    {
        ArgumentNullException.ThrowIfNull(classroom);
        var a = assignment ?? new NewAssignment();
        using var response = await classroom.Teacher.Client.PostAsJsonAsync("/api/assignments", new
        {
            subjectId = classroom.SubjectId,
            title = a.Title,
            description = a.Description,
            kind = a.Kind,
            dueAt = a.DueAt ?? DateTimeOffset.UtcNow.AddDays(2),
            maxScore = a.MaxScore,
            latePenaltyPercent = a.LatePenaltyPercent,
            maxAttempts = a.MaxAttempts,
            rubric = a.Rubric,
            publish = a.Publish,
            startsAt = a.StartsAt,
            timeLimitMinutes = a.TimeLimitMinutes,
            studentIds = a.StudentIds,
        });
        return await Expect.CreatedAsync(response);
    }

    /// <summary>Another student (and parent) of a new tutor, enrolled in the classroom's subject with its teacher.</summary>
    public async Task<(SignedIn Tutor, Family Family, Guid EnrollmentId)> AddStudentAsync(Classroom classroom)
    {
        ArgumentNullException.ThrowIfNull(classroom);
        var tutor = await people.CreateAsync("tutor");
        var family = await CreateFamilyAsync(tutor);
        var enrollmentId = await EnrollAsync(tutor, family.Student.Id, classroom.SubjectId, classroom.Teacher.Id);
        return (tutor, family, enrollmentId);
    }

    /// <summary>The classroom's teacher adds a document in its subject, for every student of the subject unless some are named.</summary>
    public async Task<Guid> CreateMaterialAsync(Classroom classroom, string title = "Chapter 3", int difficulty = 3, Guid[]? studentIds = null)
    {
        ArgumentNullException.ThrowIfNull(classroom);
        using var response = await classroom.Teacher.Client.PostAsJsonAsync("/api/materials", new
        {
            subjectId = classroom.SubjectId, title, kind = "document", difficulty, studentIds,
        });
        return await Expect.CreatedAsync(response);
    }

    /// <summary>A student hands in a text answer; returns the submission's id.</summary>
    public async Task<Guid> SubmitAsync(SignedIn student, Guid assignmentId, string text = "My answers")
    {
        ArgumentNullException.ThrowIfNull(student);
        using var response = await student.Client.PostAsJsonAsync($"/api/assignments/{assignmentId}/submissions", new { text });
        return await Expect.CreatedAsync(response);
    }

    public async Task GradeAsync(SignedIn teacher, Guid submissionId, decimal score)
    {
        ArgumentNullException.ThrowIfNull(teacher);
        using var response = await teacher.Client.PostAsJsonAsync($"/api/assignments/submissions/{submissionId}/grade", new { score });
        await Expect.StatusAsync(HttpStatusCode.OK, response);
    }
}

/// <summary>Work a teacher sets; null values are left to the API's defaults.</summary>
public sealed record NewAssignment(
    string Title = "Homework",
    string Kind = "homework",
    DateTimeOffset? DueAt = null,
    decimal MaxScore = 10,
    int? LatePenaltyPercent = null,
    int? MaxAttempts = null,
    string? Description = null,
    string? Rubric = null,
    bool Publish = true,
    DateTimeOffset? StartsAt = null,
    int? TimeLimitMinutes = null,
    Guid[]? StudentIds = null);

public sealed record Family(SignedIn Student, SignedIn Parent);

public sealed record Classroom(SignedIn Tutor, SignedIn Teacher, SignedIn Student, SignedIn Parent, Guid SubjectId, Guid EnrollmentId);
