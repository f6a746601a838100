using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Users;

public sealed class ProfileTests(TheBotAppFixture fixture)
{
    /// <summary>A real 1×1 PNG.</summary>
    public static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF"u8, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xFF, 0xD9];

    private static readonly byte[] WebP = [.. "RIFF"u8, 0x1A, 0, 0, 0, .. "WEBPVP8L"u8, 0x0D, 0, 0, 0, 0x2F, 0, 0, 0, 0x10, 0x07, 0x10, 0x11, 0x11, 0x88, 0x88, 0xFE, 0x07, 0x00];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<HttpResponseMessage> UploadAsync(SignedIn person, byte[] bytes, string fileName, string contentType = "image/png")
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        return await person.Client.PutAsync("/api/profile/avatar", form, Ct);
    }

    private static async Task<string> UploadedUrlAsync(SignedIn person, byte[] bytes, string fileName, string contentType = "image/png")
    {
        using var response = await UploadAsync(person, bytes, fileName, contentType);
        await Expect.StatusAsync(HttpStatusCode.OK, response);
        var url = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("avatarUrl").GetString();
        Assert.NotNull(url);
        Assert.StartsWith($"/api/users/{person.Id}/avatar?v=", url, StringComparison.Ordinal);
        return url;
    }

    private static async Task<JsonElement> PatchAsync(SignedIn person, object body, HttpStatusCode expected)
    {
        using var response = await person.Client.PatchAsJsonAsync("/api/profile", body, Ct);
        if (expected == HttpStatusCode.OK)
        {
            await Expect.StatusAsync(expected, response);
            return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        }

        return await Expect.ProblemAsync(expected, response);
    }

    [Fact]
    public async Task A_picture_is_uploaded_served_to_anyone_signed_in_with_an_etag_replaced_and_deleted()
    {
        var teacher = await fixture.People.CreateAsync("teacher");
        var student = await fixture.People.CreateAsync("student");
        var before = await teacher.Client.GetFromJsonAsync<JsonElement>("/api/profile", Ct);
        Assert.Equal(JsonValueKind.Null, before.GetProperty("avatarUrl").ValueKind);

        var url = await UploadedUrlAsync(teacher, Png, "me.png");

        using var served = await student.Client.GetAsync(url, Ct);
        await Expect.StatusAsync(HttpStatusCode.OK, served);
        Assert.Equal(Png, await served.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal("image/png", served.Content.Headers.ContentType?.MediaType);
        var etag = served.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);
        Assert.True(served.Headers.CacheControl?.Private);
        Assert.Contains("immutable", served.Headers.CacheControl?.ToString(), StringComparison.Ordinal);

        using (var unversioned = await student.Client.GetAsync($"/api/users/{teacher.Id}/avatar", Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, unversioned);
            Assert.True(unversioned.Headers.CacheControl?.NoCache);
            Assert.Equal(etag, unversioned.Headers.ETag);
        }

        using (var revalidate = new HttpRequestMessage(HttpMethod.Get, $"/api/users/{teacher.Id}/avatar"))
        {
            revalidate.Headers.IfNoneMatch.Add(etag);
            using var notModified = await student.Client.SendAsync(revalidate, Ct);
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
            Assert.Empty(await notModified.Content.ReadAsByteArrayAsync(Ct));
        }

        using var anonymous = fixture.People.CreateAnonymousClient();
        using (var notSignedIn = await anonymous.GetAsync(url, Ct))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, notSignedIn.StatusCode);
        }

        var replaced = await UploadedUrlAsync(teacher, Jpeg, "me.jpg", "application/octet-stream");
        Assert.NotEqual(url, replaced);
        using (var newPicture = await student.Client.GetAsync(replaced, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, newPicture);
            Assert.Equal("image/jpeg", newPicture.Content.Headers.ContentType?.MediaType);
            Assert.NotEqual(etag, newPicture.Headers.ETag);
        }

        using (var revalidate = new HttpRequestMessage(HttpMethod.Get, $"/api/users/{teacher.Id}/avatar"))
        {
            revalidate.Headers.IfNoneMatch.Add(etag);
            using var changed = await student.Client.SendAsync(revalidate, Ct);
            await Expect.StatusAsync(HttpStatusCode.OK, changed);
        }

        using (var signIn = await anonymous.PostAsJsonAsync("/api/auth/login", new { email = teacher.Email, password = teacher.Password }, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, signIn);
            var user = (await signIn.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("user");
            Assert.Equal(replaced, user.GetProperty("avatarUrl").GetString());
        }

        _ = await UploadedUrlAsync(teacher, WebP, "me.webp");

        using (var delete = await teacher.Client.DeleteAsync("/api/profile/avatar", Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.NoContent, delete);
        }

        var after = await teacher.Client.GetFromJsonAsync<JsonElement>("/api/profile", Ct);
        Assert.Equal(JsonValueKind.Null, after.GetProperty("avatarUrl").ValueKind);
        using var gone = await student.Client.GetAsync(replaced, Ct);
        await Expect.ProblemAsync(HttpStatusCode.NotFound, gone);
    }

    [Fact]
    public async Task Only_png_jpeg_and_webp_by_their_content_are_accepted_and_at_most_2_MB()
    {
        var person = await fixture.People.CreateAsync("parent");

        using (var gif = await UploadAsync(person, [.. "GIF89a"u8, 1, 0, 1, 0, 0, 0, 0], "me.png"))
        {
            var problem = await Expect.ProblemAsync(HttpStatusCode.UnsupportedMediaType, gif);
            Assert.Contains("PNG, JPEG or WebP", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        using (var pdf = await UploadAsync(person, Encoding.ASCII.GetBytes("%PDF-1.4\n" + new string('x', 100)), "me.png"))
        {
            await Expect.ProblemAsync(HttpStatusCode.UnsupportedMediaType, pdf);
        }

        using (var text = await UploadAsync(person, Encoding.UTF8.GetBytes("<svg xmlns='http://www.w3.org/2000/svg'/>"), "me.svg", "image/svg+xml"))
        {
            await Expect.ProblemAsync(HttpStatusCode.UnsupportedMediaType, text);
        }

        var big = new byte[(2 * 1024 * 1024) + 1];
        Png.CopyTo(big, 0);
        using (var tooLarge = await UploadAsync(person, big, "big.png"))
        {
            await Expect.ProblemAsync(HttpStatusCode.RequestEntityTooLarge, tooLarge);
        }

        var justFits = new byte[2 * 1024 * 1024];
        Png.CopyTo(justFits, 0);
        _ = await UploadedUrlAsync(person, justFits, "fits.png");
    }

    [Fact]
    public async Task People_edit_the_details_of_their_own_role_only_and_every_field_is_checked()
    {
        var teacher = await fixture.People.CreateAsync("teacher");
        var tutor = await fixture.People.CreateAsync("tutor");
        var student = await fixture.People.CreateAsync("student");
        var parent = await fixture.People.CreateAsync("parent");

        var withBio = await PatchAsync(teacher, new { bio = "  Maths teacher, 12 years of OGE preparation.  " }, HttpStatusCode.OK);
        Assert.Equal("Maths teacher, 12 years of OGE preparation.", withBio.GetProperty("bio").GetString());
        Assert.Equal("Tutor of the Ivanov family", (await PatchAsync(tutor, new { bio = "Tutor of the Ivanov family" }, HttpStatusCode.OK)).GetProperty("bio").GetString());

        var studentProfile = await PatchAsync(student, new { grade = 9, goal = "Pass the OGE with a 5" }, HttpStatusCode.OK);
        Assert.Equal(9, studentProfile.GetProperty("grade").GetInt32());
        Assert.Equal("Pass the OGE with a 5", studentProfile.GetProperty("goal").GetString());
        var goalCleared = await PatchAsync(student, new { goal = "" }, HttpStatusCode.OK);
        Assert.Equal(9, goalCleared.GetProperty("grade").GetInt32());
        Assert.Equal(JsonValueKind.Null, goalCleared.GetProperty("goal").ValueKind);

        Assert.True((await PatchAsync(student, new { bio = "I like maths" }, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("bio", out _));
        Assert.True((await PatchAsync(parent, new { bio = "Parent" }, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("bio", out _));
        var teacherAsStudent = (await PatchAsync(teacher, new { grade = 5, goal = "x" }, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(teacherAsStudent.TryGetProperty("grade", out _));
        Assert.True(teacherAsStudent.TryGetProperty("goal", out _));

        Assert.True((await PatchAsync(student, new { grade = 0 }, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("grade", out _));
        Assert.True((await PatchAsync(student, new { grade = 13 }, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("grade", out _));
        Assert.True((await PatchAsync(student, new { goal = new string('g', 1001) }, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("goal", out _));
        Assert.True((await PatchAsync(teacher, new { bio = new string('b', 4001) }, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("bio", out _));

        var unchanged = await student.Client.GetFromJsonAsync<JsonElement>("/api/profile", Ct);
        Assert.Equal(9, unchanged.GetProperty("grade").GetInt32());
        Assert.Equal(JsonValueKind.Null, unchanged.GetProperty("bio").ValueKind);
        var teacherNow = await teacher.Client.GetFromJsonAsync<JsonElement>("/api/profile", Ct);
        Assert.Equal("Maths teacher, 12 years of OGE preparation.", teacherNow.GetProperty("bio").GetString());
        Assert.Equal(JsonValueKind.Null, teacherNow.GetProperty("grade").ValueKind);

        // The tutor and the admin see the student's school year as the student set it.
        var admin = await fixture.People.AdminAsync();
        var details = await admin.Client.GetFromJsonAsync<JsonElement>($"/api/admin/users/{student.Id}", Ct);
        Assert.Equal(9, details.GetProperty("student").GetProperty("grade").GetInt32());
    }

    [Fact]
    public async Task Chat_shows_each_persons_picture_in_the_room_and_in_the_room_list()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var url = await UploadedUrlAsync(c.Teacher, Png, "teacher.png");
        var roomId = await Chatting.StartRoomAsync(c.Student, c.Teacher.Id);

        var room = await c.Student.Client.GetFromJsonAsync<JsonElement>($"/api/chat/rooms/{roomId}", Ct);
        var people = room.GetProperty("participants").EnumerateArray().ToDictionary(p => p.GetProperty("id").GetGuid(), p => p.GetProperty("avatarUrl"));
        Assert.Equal(url, people[c.Teacher.Id].GetString());
        Assert.Equal(JsonValueKind.Null, people[c.Student.Id].ValueKind);

        var list = await c.Student.Client.GetFromJsonAsync<JsonElement>("/api/chat/rooms", Ct);
        var row = list.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == roomId);
        Assert.Equal(url, row.GetProperty("avatarUrl").GetString());
        var teachersList = await c.Teacher.Client.GetFromJsonAsync<JsonElement>("/api/chat/rooms", Ct);
        var teachersRow = teachersList.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == roomId);
        Assert.Equal(JsonValueKind.Null, teachersRow.GetProperty("avatarUrl").ValueKind);
    }

    [Fact]
    public async Task Lists_of_people_carry_each_persons_picture()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var url = await UploadedUrlAsync(c.Student, Png, "student.png");
        var email = Uri.EscapeDataString(c.Student.Email);

        var tutors = await c.Tutor.Client.GetFromJsonAsync<JsonElement>($"/api/tutor/students?search={email}", Ct);
        Assert.Equal(url, tutors.GetProperty("items").EnumerateArray().Single().GetProperty("avatarUrl").GetString());

        var admin = await fixture.People.AdminAsync();
        var users = await admin.Client.GetFromJsonAsync<JsonElement>($"/api/admin/users?search={email}", Ct);
        Assert.Equal(url, users.GetProperty("items").EnumerateArray().Single().GetProperty("avatarUrl").GetString());
        var teacherEmail = Uri.EscapeDataString(c.Teacher.Email);
        var withoutPicture = await admin.Client.GetFromJsonAsync<JsonElement>($"/api/admin/users?search={teacherEmail}", Ct);
        Assert.Equal(JsonValueKind.Null, withoutPicture.GetProperty("items").EnumerateArray().Single().GetProperty("avatarUrl").ValueKind);
    }
}
