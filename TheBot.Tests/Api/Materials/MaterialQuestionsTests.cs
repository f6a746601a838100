using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using TheBot.Tests.Fixtures;
using TheBot.Tests.Realtime;

namespace TheBot.Tests.Api.Materials;

/// <summary>Questions under a material: students ask, the teacher answers in the thread and moderates; people are told.</summary>
public sealed class MaterialQuestionsTests(TheBotAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_student_asks_the_teacher_answers_and_each_hears_of_it_stored_and_live()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var classmate = await fixture.Learning.CreateFamilyAsync(c.Tutor);
        await fixture.Learning.EnrollAsync(c.Tutor, classmate.Student.Id, c.SubjectId, c.Teacher.Id);
        var id = await fixture.Learning.CreateMaterialAsync(c, "Vectors");

        await using var teacherSocket = RealtimeProbe.Connect(fixture.Host, c.Teacher.AccessToken);
        await using var askerSocket = RealtimeProbe.Connect(fixture.Host, c.Student.AccessToken);
        var teacherSawQuestion = ChangeEvent(teacherSocket, "asked");
        var askerSawAnswer = ChangeEvent(askerSocket, "replied");
        await teacherSocket.StartJoinedAsync(Ct);
        await askerSocket.StartJoinedAsync(Ct);

        var question = await AskAsync(c.Student, id, "  Why is the dot product commutative?  ");
        var questionId = question.GetProperty("id").GetGuid();
        Assert.Equal("Why is the dot product commutative?", question.GetProperty("text").GetString());
        Assert.Equal("pending", question.GetProperty("status").GetString());
        Assert.Equal(c.Student.Id, question.GetProperty("author").GetProperty("id").GetGuid());
        var asked = await teacherSawQuestion.WaitAsync(TimeSpan.FromSeconds(15), Ct);
        Assert.Equal(questionId, asked.GetProperty("questionId").GetGuid());
        Assert.Equal(id, asked.GetProperty("materialId").GetGuid());
        var told = Assert.Single(await c.Teacher.NotificationsAboutAsync(id.ToString()));
        Assert.Equal("materialQuestion", told.GetProperty("type").GetString());
        Assert.Contains("Vectors", told.GetProperty("title").GetString(), StringComparison.Ordinal);

        // Pending: the teacher, the asker and the asker's family see it; the rest of the class does not yet.
        foreach (var viewer in new[] { c.Teacher, c.Student, c.Parent, c.Tutor })
        {
            Assert.Equal([questionId], (await ListAsync(viewer, id)).ItemIds());
        }

        Assert.Empty((await ListAsync(classmate.Student, id)).ItemIds());
        await ExpectReplyRefusedAsync(classmate.Student, id, questionId, HttpStatusCode.NotFound);

        var answer = await ReplyAsync(c.Teacher, id, questionId, "Because multiplication of numbers is.");
        Assert.True(answer.GetProperty("byTeacher").GetBoolean());
        var replied = await askerSawAnswer.WaitAsync(TimeSpan.FromSeconds(15), Ct);
        Assert.Equal(questionId, replied.GetProperty("questionId").GetGuid());
        var answered = Assert.Single(await c.Student.NotificationsAboutAsync(id.ToString()));
        Assert.Equal("materialAnswer", answered.GetProperty("type").GetString());
        Assert.Contains("multiplication", answered.GetProperty("body").GetString(), StringComparison.Ordinal);

        var followUp = await ReplyAsync(c.Student, id, questionId, "And the cross product?");
        Assert.False(followUp.GetProperty("byTeacher").GetBoolean());
        Assert.Equal(2, (await c.Teacher.NotificationsAboutAsync(id.ToString())).Count(n => n.GetProperty("type").GetString() == "materialQuestion"));

        var thread = Assert.Single((await ListAsync(c.Student, id)).GetProperty("items").EnumerateArray());
        Assert.NotEqual(JsonValueKind.Null, thread.GetProperty("answeredAt").ValueKind);
        Assert.Equal(["Because multiplication of numbers is.", "And the cross product?"],
            thread.GetProperty("replies").EnumerateArray().Select(r => r.GetProperty("text").GetString()));

        // Published: the whole class sees the thread and may follow up.
        await ModerateAsync(c.Teacher, id, questionId, new { status = "published" });
        var shown = Assert.Single((await ListAsync(classmate.Student, id)).GetProperty("items").EnumerateArray());
        Assert.Equal(2, shown.GetProperty("replies").GetArrayLength());
        await ReplyAsync(classmate.Student, id, questionId, "I wondered too.");
    }

    [Fact]
    public async Task The_teacher_hides_deletes_and_marks_answered_and_nobody_else_may()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var classmate = await fixture.Learning.CreateFamilyAsync(c.Tutor);
        await fixture.Learning.EnrollAsync(c.Tutor, classmate.Student.Id, c.SubjectId, c.Teacher.Id);
        var id = await fixture.Learning.CreateMaterialAsync(c);
        var questionId = (await AskAsync(c.Student, id, "What is on the test?")).GetProperty("id").GetGuid();
        var secondId = (await AskAsync(classmate.Student, id, "Can I skip chapter 2?")).GetProperty("id").GetGuid();
        await ModerateAsync(c.Teacher, id, questionId, new { status = "published" });
        var rude = (await ReplyAsync(classmate.Student, id, questionId, "Nobody cares")).GetProperty("id").GetGuid();

        using (var hide = await c.Teacher.Client.PatchAsJsonAsync($"/api/materials/{id}/questions/{questionId}/replies/{rude}", new { hidden = true }, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, hide);
        }

        Assert.Equal(0, Single(await ListAsync(c.Student, id), questionId).GetProperty("replies").GetArrayLength());
        Assert.True(Single(await ListAsync(classmate.Student, id), questionId).GetProperty("replies")[0].GetProperty("hidden").GetBoolean());
        Assert.Equal(1, Single(await ListAsync(c.Teacher, id), questionId).GetProperty("replies").GetArrayLength());

        var marked = await ModerateAsync(c.Teacher, id, questionId, new { answered = true });
        Assert.NotEqual(JsonValueKind.Null, marked.GetProperty("answeredAt").ValueKind);
        var unmarked = await ModerateAsync(c.Teacher, id, questionId, new { answered = false, status = "hidden" });
        Assert.Equal(JsonValueKind.Null, unmarked.GetProperty("answeredAt").ValueKind);
        Assert.Equal("hidden", unmarked.GetProperty("status").GetString());
        Assert.DoesNotContain(questionId, (await ListAsync(classmate.Student, id)).ItemIds());
        Assert.Equal("hidden", Single(await ListAsync(c.Student, id), questionId).GetProperty("status").GetString());
        await ExpectReplyRefusedAsync(c.Student, id, questionId, HttpStatusCode.Conflict);

        // Nobody but the material's teacher moderates; people outside the subject do not see the material at all.
        var stranger = await fixture.Learning.CreateClassroomAsync();
        using (var otherTeacher = await stranger.Teacher.Client.PatchAsJsonAsync($"/api/materials/{id}/questions/{questionId}", new { status = "published" }, Ct))
        {
            await Expect.ProblemAsync(HttpStatusCode.NotFound, otherTeacher);
        }

        using (var student = await c.Student.Client.PatchAsJsonAsync($"/api/materials/{id}/questions/{questionId}", new { status = "published" }, Ct))
        {
            await Expect.ProblemAsync(HttpStatusCode.Forbidden, student);
        }

        using (var studentDeletes = await c.Student.Client.DeleteAsync($"/api/materials/{id}/questions/{secondId}", Ct))
        {
            await Expect.ProblemAsync(HttpStatusCode.Forbidden, studentDeletes);
        }

        using (var parentAsks = await c.Parent.Client.PostAsJsonAsync($"/api/materials/{id}/questions", new { text = "Me too" }, Ct))
        {
            await Expect.ProblemAsync(HttpStatusCode.Forbidden, parentAsks);
        }

        using (var outsiderAsks = await stranger.Student.Client.PostAsJsonAsync($"/api/materials/{id}/questions", new { text = "Hi" }, Ct))
        {
            await Expect.ProblemAsync(HttpStatusCode.NotFound, outsiderAsks);
        }

        using (var outsiderReads = await stranger.Parent.Client.GetAsync($"/api/materials/{id}/questions", Ct))
        {
            await Expect.ProblemAsync(HttpStatusCode.NotFound, outsiderReads);
        }

        using (var invalidStatus = await c.Teacher.Client.PatchAsJsonAsync($"/api/materials/{id}/questions/{questionId}", new { status = "gone" }, Ct))
        {
            await Expect.ProblemAsync(HttpStatusCode.BadRequest, invalidStatus);
        }

        foreach (var text in new[] { "", "   ", new string('x', 2001) })
        {
            using var bad = await c.Student.Client.PostAsJsonAsync($"/api/materials/{id}/questions", new { text }, Ct);
            await Expect.ProblemAsync(HttpStatusCode.BadRequest, bad);
        }

        var paged = await c.Teacher.Client.GetFromJsonAsync<JsonElement>($"/api/materials/{id}/questions?pageSize=1", Ct);
        Assert.Equal(2, paged.GetProperty("totalCount").GetInt32());
        Assert.Equal([secondId], paged.ItemIds()); // newest first

        using (var deleteReply = await c.Teacher.Client.DeleteAsync($"/api/materials/{id}/questions/{questionId}/replies/{rude}", Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.NoContent, deleteReply);
        }

        using (var deleteQuestion = await c.Teacher.Client.DeleteAsync($"/api/materials/{id}/questions/{questionId}", Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.NoContent, deleteQuestion);
        }

        using (var again = await c.Teacher.Client.DeleteAsync($"/api/materials/{id}/questions/{questionId}", Ct))
        {
            await Expect.ProblemAsync(HttpStatusCode.NotFound, again);
        }

        Assert.Equal([secondId], (await ListAsync(c.Teacher, id)).ItemIds());
    }

    private static JsonElement Single(JsonElement page, Guid questionId) =>
        Assert.Single(page.GetProperty("items").EnumerateArray(), q => q.GetProperty("id").GetGuid() == questionId);

    private static Task<JsonElement> ListAsync(SignedIn viewer, Guid materialId) =>
        viewer.Client.GetFromJsonAsync<JsonElement>($"/api/materials/{materialId}/questions", Ct);

    private static async Task<JsonElement> AskAsync(SignedIn student, Guid materialId, string text)
    {
        using var response = await student.Client.PostAsJsonAsync($"/api/materials/{materialId}/questions", new { text }, Ct);
        await Expect.StatusAsync(HttpStatusCode.Created, response);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private static async Task<JsonElement> ReplyAsync(SignedIn author, Guid materialId, Guid questionId, string text)
    {
        using var response = await author.Client.PostAsJsonAsync($"/api/materials/{materialId}/questions/{questionId}/replies", new { text }, Ct);
        await Expect.StatusAsync(HttpStatusCode.Created, response);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private static async Task ExpectReplyRefusedAsync(SignedIn author, Guid materialId, Guid questionId, HttpStatusCode expected)
    {
        using var response = await author.Client.PostAsJsonAsync($"/api/materials/{materialId}/questions/{questionId}/replies", new { text = "Me?" }, Ct);
        await Expect.ProblemAsync(expected, response);
    }

    private static async Task<JsonElement> ModerateAsync(SignedIn teacher, Guid materialId, Guid questionId, object body)
    {
        using var response = await teacher.Client.PatchAsJsonAsync($"/api/materials/{materialId}/questions/{questionId}", body, Ct);
        await Expect.StatusAsync(HttpStatusCode.OK, response);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private static Task<JsonElement> ChangeEvent(HubConnection connection, string change)
    {
        var seen = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.On<JsonElement>("materialQuestionChanged", e =>
        {
            if (e.GetProperty("change").GetString() == change)
            {
                seen.TrySetResult(e);
            }
        });
        return seen.Task;
    }
}
