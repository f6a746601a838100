using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Storage;

/// <summary>
/// The multipart endpoints (hand-in with files, chat attachment, material file) fed broken multipart bodies
/// at ids the caller may use, so that the body is really parsed: never a 5xx, every refusal a problem, and
/// what was stored afterwards is exactly what was accepted.
/// </summary>
public sealed class MalformedUploadTests(TheBotAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n" + new string('p', 2_000));

    /// <summary>
    /// Raw bodies with the Content-Type they are sent with; <c>Refused</c>: the request cannot be a valid upload
    /// (a bad <c>text</c> field only where the route reads one).
    /// </summary>
    private static IEnumerable<(string What, Func<HttpContent> Content, bool Refused)> Variants(bool readsText)
    {
        const string Boundary = "b0undary";
        const string Multipart = $"multipart/form-data; boundary={Boundary}";
        static HttpContent Raw(string body, string contentType)
        {
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            return content;
        }

        static string FilePart(string fileName) =>
            $"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{fileName}\"\r\nContent-Type: application/pdf\r\n\r\n" +
            Encoding.ASCII.GetString(Pdf) + "\r\n";

        yield return ("multipart without a boundary", () => Raw("hello", "multipart/form-data"), true);
        yield return ("a body that never has the boundary", () => Raw("just some text, no parts at all", Multipart), true);
        yield return ("a part that never ends", () => Raw(FilePart("essay.pdf")[..400], Multipart), true);
        yield return ("no parts at all", () => Raw($"--{Boundary}--\r\n", Multipart), true);
        yield return ("a part without a name", () => Raw($"--{Boundary}\r\nContent-Disposition: form-data\r\n\r\nvalue\r\n--{Boundary}--\r\n", Multipart), true);
        yield return ("a header line that is not a header", () => Raw($"--{Boundary}\r\nthis is not a header\r\n\r\nvalue\r\n--{Boundary}--\r\n", Multipart), true);
        yield return ("a text field holding NUL", () => Raw(
            $"--{Boundary}\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nnul\0inside\r\n" + FilePart("essay.pdf") + $"--{Boundary}--\r\n", Multipart), readsText);
        yield return ("JSON instead of multipart", () => JsonContent.Create(new { text = "hello", file = "essay.pdf" }), true);
        yield return ("a file name with NUL, a path and right-to-left marks", () => Raw(
            FilePart("../..\\\u202Eevil\0fdp.exe.pdf") + $"--{Boundary}--\r\n", Multipart), false);
        yield return ("a 1,000-character file name of emoji", () => Raw(
            FilePart(string.Concat(Enumerable.Repeat("😀", 500)) + ".pdf") + $"--{Boundary}--\r\n", Multipart), false);
    }

    [Fact]
    public async Task Broken_multipart_bodies_are_refused_with_a_problem_and_store_only_what_was_accepted()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var assignmentId = await fixture.Learning.AssignAsync(c, new NewAssignment("Upload edge cases", "essay", MaxScore: 10, MaxAttempts: 20));

        var materialId = await fixture.Learning.CreateMaterialAsync(c, "Upload edge cases", difficulty: 1);

        var roomId = await Chatting.StartRoomAsync(c.Student, c.Teacher.Id);
        var endpoints = new (string Name, SignedIn Caller, string Url, bool ReadsText)[]
        {
            ("hand-in", c.Student, $"/api/assignments/{assignmentId}/submissions/upload", true),
            ("chat attachment", c.Student, $"/api/chat/rooms/{roomId}/attachments", true),
            ("material file", c.Teacher, $"/api/materials/{materialId}/files", false),
        };

        var failures = new List<string>();
        var accepted = endpoints.ToDictionary(e => e.Name, _ => 0);
        foreach (var (name, caller, url, readsText) in endpoints)
        {
            foreach (var (what, content, refused) in Variants(readsText))
            {
                using var response = await caller.Client.PostAsync(url, content(), Ct);
                var status = (int)response.StatusCode;
                var mediaType = response.Content.Headers.ContentType?.MediaType;
                if (status is >= 200 and < 300)
                {
                    accepted[name]++;
                }

                var wrong = status >= 500 ? "a server error"
                    : refused && status < 400 ? "accepted"
                    : status >= 400 && mediaType != "application/problem+json" ? $"no problem details ({mediaType})"
                    : null;
                if (wrong is not null)
                {
                    failures.Add($"{name} with {what}: {status} — {wrong}: {await response.Content.ReadAsStringAsync(Ct)}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));

        // Stored: exactly the accepted hand-ins and messages (a refused upload keeps nothing).
        var submissions = await c.Teacher.Client.GetFromJsonAsync<JsonElement>($"/api/assignments/submissions?assignmentId={assignmentId}", Ct);
        Assert.Equal(accepted["hand-in"], submissions.GetProperty("totalCount").GetInt32());
        var messages = await Chatting.MessagesAsync(c.Teacher, roomId, "?limit=100");
        Assert.Equal(accepted["chat attachment"], messages.GetProperty("items").GetArrayLength());
        Assert.All(messages.GetProperty("items").EnumerateArray(),
            m => Assert.False(string.IsNullOrWhiteSpace(m.GetProperty("attachment").GetProperty("fileName").GetString())));
    }
}
