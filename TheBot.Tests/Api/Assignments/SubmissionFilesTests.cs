using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Assignments;

public sealed class SubmissionFilesTests(TheBotAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n" + new string('p', 40_000));

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4];

    private Task<Guid> AssignAsync(Classroom c, int attempts = 1) =>
        fixture.Learning.AssignAsync(c, new NewAssignment("Essay on Pushkin", "essay", MaxScore: 10, MaxAttempts: attempts));

    private static async Task<HttpResponseMessage> SubmitAsync(SignedIn student, Guid assignmentId, string? text, params (byte[] Bytes, string Name)[] files)
    {
        using var form = new MultipartFormDataContent();
        if (text is not null)
        {
            form.Add(new StringContent(text), "text");
        }

        foreach (var (bytes, name) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "file", name);
        }

        return await student.Client.PostAsync($"/api/assignments/{assignmentId}/submissions/upload", form, Ct);
    }

    private static async Task<int> SubmissionCountAsync(SignedIn viewer, Guid assignmentId) =>
        (await viewer.Client.GetFromJsonAsync<JsonElement>($"/api/assignments/submissions?assignmentId={assignmentId}", Ct)).GetProperty("totalCount").GetInt32();

    [Fact]
    public async Task A_student_hands_in_text_and_files_and_only_people_who_may_see_the_work_download_them()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var id = await AssignAsync(c);

        using var response = await SubmitAsync(c.Student, id, "My essay is attached.", (Pdf, "../Эссе.pdf"), (Png, "plan.png"));
        await Expect.StatusAsync(HttpStatusCode.Created, response);
        var submission = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var submissionId = submission.GetProperty("id").GetGuid();
        Assert.Equal("My essay is attached.", submission.GetProperty("text").GetString());
        var files = submission.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(["application/pdf", "image/png"], files.Select(f => f.GetProperty("contentType").GetString()));
        Assert.Equal([Pdf.Length, Png.Length], files.Select(f => f.GetProperty("length").GetInt64()));
        Assert.DoesNotContain("/", files[0].GetProperty("name").GetString(), StringComparison.Ordinal);

        var toGrade = await c.Teacher.Client.GetFromJsonAsync<JsonElement>("/api/assignments/submissions?status=submitted", Ct);
        var listed = Assert.Single(toGrade.GetProperty("items").EnumerateArray());
        Assert.Equal(2, listed.GetProperty("files").GetArrayLength());

        var pdfUrl = $"/api/assignments/submissions/{submissionId}/files/{files[0].GetProperty("id").GetGuid()}";
        foreach (var viewer in new[] { c.Student, c.Teacher, c.Parent, c.Tutor })
        {
            using var download = await viewer.Client.GetAsync(pdfUrl, Ct);
            await Expect.StatusAsync(HttpStatusCode.OK, download);
            Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync(Ct));
            Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        }

        var other = await fixture.Learning.CreateClassroomAsync();
        foreach (var stranger in new[] { other.Student, other.Teacher, other.Parent, other.Tutor })
        {
            using var denied = await stranger.Client.GetAsync(pdfUrl, Ct);
            await Expect.ProblemAsync(HttpStatusCode.NotFound, denied);
        }

        using var wrongFile = await c.Teacher.Client.GetAsync($"/api/assignments/submissions/{submissionId}/files/{Guid.NewGuid()}", Ct);
        await Expect.ProblemAsync(HttpStatusCode.NotFound, wrongFile);
    }

    [Fact]
    public async Task Files_alone_are_an_answer_and_text_alone_still_works_through_the_upload_route()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var id = await AssignAsync(c, attempts: 2);

        using (var filesOnly = await SubmitAsync(c.Student, id, null, (Pdf, "answer.pdf")))
        {
            await Expect.StatusAsync(HttpStatusCode.Created, filesOnly);
            var body = await filesOnly.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.Equal("", body.GetProperty("text").GetString());
            Assert.Equal(1, body.GetProperty("files").GetArrayLength());
            using var back = await c.Teacher.Client.PostAsJsonAsync($"/api/assignments/submissions/{body.GetProperty("id").GetGuid()}/return",
                new { feedback = "Type it, please" }, Ct);
            await Expect.StatusAsync(HttpStatusCode.OK, back);
        }

        using var textOnly = await SubmitAsync(c.Student, id, "  Typed answer  ");
        await Expect.StatusAsync(HttpStatusCode.Created, textOnly);
        var second = await textOnly.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(2, second.GetProperty("attempt").GetInt32());
        Assert.Equal("Typed answer", second.GetProperty("text").GetString());
        Assert.Equal(0, second.GetProperty("files").GetArrayLength());
    }

    [Fact]
    public async Task A_refused_upload_stores_no_attempt_and_leaves_the_attempt_to_use()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var id = await AssignAsync(c);
        var elf = new byte[] { 0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0 };

        using (var disguised = await SubmitAsync(c.Student, id, "See attached", (Pdf, "fine.pdf"), (elf, "essay.pdf")))
        {
            await Expect.ProblemAsync(HttpStatusCode.UnsupportedMediaType, disguised);
        }

        using (var empty = await SubmitAsync(c.Student, id, "   "))
        {
            await Expect.ProblemAsync(HttpStatusCode.BadRequest, empty);
        }

        using (var tooMany = await SubmitAsync(c.Student, id, "Six files", Enumerable.Range(0, 6).Select(i => (Png, $"page{i}.png")).ToArray()))
        {
            await Expect.ProblemAsync(HttpStatusCode.BadRequest, tooMany);
        }

        using (var json = await c.Student.Client.PostAsJsonAsync($"/api/assignments/{id}/submissions/upload", new { text = "not multipart" }, Ct))
        {
            await Expect.ProblemAsync(HttpStatusCode.UnsupportedMediaType, json);
        }

        Assert.Equal(0, await SubmissionCountAsync(c.Teacher, id));

        using var accepted = await SubmitAsync(c.Student, id, "Now properly", (Pdf, "essay.pdf"));
        await Expect.StatusAsync(HttpStatusCode.Created, accepted);
        Assert.Equal(1, (await accepted.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("attempt").GetInt32());

        using var noAttemptLeft = await SubmitAsync(c.Student, id, "Again", (Pdf, "essay.pdf"));
        await Expect.ProblemAsync(HttpStatusCode.UnprocessableEntity, noAttemptLeft);
        Assert.Equal(1, await SubmissionCountAsync(c.Teacher, id));

        var stranger = await fixture.Learning.CreateClassroomAsync();
        using var notTheirs = await SubmitAsync(stranger.Student, id, "Mine", (Pdf, "x.pdf"));
        await Expect.ProblemAsync(HttpStatusCode.NotFound, notTheirs);
    }
}
