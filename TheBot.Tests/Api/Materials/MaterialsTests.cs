using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Materials;

public sealed class MaterialsTests(TheBotAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<HttpResponseMessage> UploadAsync(SignedIn teacher, Guid id, byte[] bytes, string fileName, HttpClient? client = null)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return await (client ?? teacher.Client).PostAsync($"/api/materials/{id}/files", form, Ct);
    }

    [Fact]
    public async Task A_teacher_uploads_a_file_and_only_students_it_is_for_can_download_it()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var id = await fixture.Learning.CreateMaterialAsync(c);
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n" + new string('x', 100_000));

        using (var upload = await UploadAsync(c.Teacher, id, pdf, "../../Глава 3.pdf"))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, upload);
            var file = (await upload.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("file");
            Assert.Equal("application/pdf", file.GetProperty("contentType").GetString());
            Assert.Equal(pdf.Length, file.GetProperty("length").GetInt64());
            Assert.DoesNotContain("/", file.GetProperty("name").GetString(), StringComparison.Ordinal);
        }

        foreach (var viewer in new[] { c.Student, c.Parent, c.Tutor, c.Teacher })
        {
            using var download = await viewer.Client.GetAsync($"/api/materials/{id}/files", Ct);
            await Expect.StatusAsync(HttpStatusCode.OK, download);
            Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync(Ct));
            Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        }

        var other = await fixture.Learning.CreateClassroomAsync();
        foreach (var stranger in new[] { other.Student, other.Parent, other.Teacher })
        {
            using var denied = await stranger.Client.GetAsync($"/api/materials/{id}/files", Ct);
            await Expect.ProblemAsync(HttpStatusCode.NotFound, denied);
        }

        using (var notMine = await UploadAsync(other.Teacher, id, pdf, "x.pdf"))
        {
            await Expect.ProblemAsync(HttpStatusCode.NotFound, notMine);
        }

        using (var progress = await c.Student.Client.PostAsJsonAsync($"/api/materials/{id}/progress", new { completed = true }, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, progress);
        }

        var list = await c.Teacher.Client.GetFromJsonAsync<JsonElement>($"/api/materials/{id}/progress", Ct);
        var item = Assert.Single(list.EnumerateArray());
        Assert.Equal(c.Student.Id, item.GetProperty("student").GetProperty("id").GetGuid());
        Assert.NotEqual(JsonValueKind.Null, item.GetProperty("completedAt").ValueKind);
    }

    [Fact]
    public async Task Uploads_are_checked_by_content_and_limited_to_50_MB()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var id = await fixture.Learning.CreateMaterialAsync(c);

        var elf = new byte[] { 0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
        using (var disguised = await UploadAsync(c.Teacher, id, elf, "homework.pdf"))
        {
            await Expect.ProblemAsync(HttpStatusCode.UnsupportedMediaType, disguised);
        }

        // Straight to api: the front door's own 50 MiB limit on the whole body would answer first.
        using var api = new HttpClient { BaseAddress = fixture.Host.App.GetEndpoint("api", "http"), Timeout = TimeSpan.FromMinutes(2) };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", c.Teacher.AccessToken);
        var tooLarge = new byte[(50 * 1024 * 1024) + 1];
        Encoding.ASCII.GetBytes("%PDF-1.4\n").CopyTo(tooLarge, 0);
        using (var large = await UploadAsync(c.Teacher, id, tooLarge, "big.pdf", api))
        {
            await Expect.ProblemAsync(HttpStatusCode.RequestEntityTooLarge, large);
        }

        using var noFile = await c.Teacher.Client.GetAsync($"/api/materials/{id}/files", Ct);
        await Expect.ProblemAsync(HttpStatusCode.NotFound, noFile);
    }

    [Fact]
    public async Task A_material_for_chosen_students_reaches_only_them()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var classmate = await fixture.Learning.CreateFamilyAsync(c.Tutor);
        await fixture.Learning.EnrollAsync(c.Tutor, classmate.Student.Id, c.SubjectId, c.Teacher.Id);
        var forAll = await fixture.Learning.CreateMaterialAsync(c);
        var forOne = await fixture.Learning.CreateMaterialAsync(c, studentIds: [classmate.Student.Id]);

        async Task<List<Guid>> SeenBy(SignedIn viewer) =>
            (await viewer.Client.GetFromJsonAsync<JsonElement>("/api/materials", Ct)).GetProperty("items").EnumerateArray()
                .Select(m => m.GetProperty("id").GetGuid()).Order().ToList();

        Assert.Equal([forAll], await SeenBy(c.Student));
        Assert.Equal([forAll], await SeenBy(c.Parent));
        Assert.Equal(new[] { forAll, forOne }.Order(), await SeenBy(classmate.Student));
        Assert.Equal(new[] { forAll, forOne }.Order(), await SeenBy(c.Teacher));

        var stranger = await fixture.Learning.CreateClassroomAsync();
        using var notEnrolled = await c.Teacher.Client.PostAsJsonAsync("/api/materials", new
        {
            subjectId = c.SubjectId, title = "x", kind = "lesson", studentIds = new[] { stranger.Student.Id },
        }, Ct);
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, notEnrolled);
        using var badDifficulty = await c.Teacher.Client.PostAsJsonAsync("/api/materials", new
        {
            subjectId = c.SubjectId, title = "x", kind = "lesson", difficulty = 6,
        }, Ct);
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, badDifficulty);
    }

    [Fact]
    public async Task A_teacher_drafts_activates_and_archives_a_material_and_students_see_only_the_active_one()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var id = await fixture.Learning.CreateMaterialAsync(c);

        async Task<bool> StudentSeesAsync() =>
            (await c.Student.Client.GetFromJsonAsync<JsonElement>("/api/materials", Ct)).GetProperty("items").EnumerateArray()
                .Any(m => m.GetProperty("id").GetGuid() == id);

        async Task<JsonElement> PatchAsync(SignedIn by, object body, HttpStatusCode expected = HttpStatusCode.OK)
        {
            using var response = await by.Client.PatchAsJsonAsync($"/api/materials/{id}", body, Ct);
            if (expected != HttpStatusCode.OK)
            {
                return await Expect.ProblemAsync(expected, response);
            }

            await Expect.StatusAsync(expected, response);
            return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        }

        Assert.True(await StudentSeesAsync());
        var draft = await PatchAsync(c.Teacher, new { status = "draft", title = "Chapter 3, revised", difficulty = 4 });
        Assert.Equal("draft", draft.GetProperty("status").GetString());
        Assert.Equal("Chapter 3, revised", draft.GetProperty("title").GetString());
        Assert.Equal(4, draft.GetProperty("difficulty").GetInt32());
        Assert.False(await StudentSeesAsync());

        await PatchAsync(c.Teacher, new { status = "active" });
        Assert.True(await StudentSeesAsync());
        await PatchAsync(c.Teacher, new { status = "archived" });
        Assert.False(await StudentSeesAsync());

        await PatchAsync(c.Teacher, new { videoUrl = "http://example.com/v" }, HttpStatusCode.BadRequest);
        await PatchAsync(c.Teacher, new { status = "deleted" }, HttpStatusCode.BadRequest);
        await PatchAsync(c.Teacher, new { difficulty = 0 }, HttpStatusCode.BadRequest);
        await PatchAsync(c.Teacher, new { title = " " }, HttpStatusCode.BadRequest);
        var other = await fixture.Learning.CreateClassroomAsync();
        await PatchAsync(other.Teacher, new { status = "active" }, HttpStatusCode.NotFound);
        await PatchAsync(c.Student, new { status = "active" }, HttpStatusCode.Forbidden);

        var kept = await c.Teacher.Client.GetFromJsonAsync<JsonElement>("/api/materials", Ct);
        var material = Assert.Single(kept.GetProperty("items").EnumerateArray());
        Assert.Equal("archived", material.GetProperty("status").GetString());
        Assert.Equal(4, material.GetProperty("difficulty").GetInt32());
    }
}
