using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Storage;

/// <summary>
/// The job that removes stored files nothing refers to any more (attachments of deleted messages, a
/// material's replaced file), from the disk and from their owners' quota, and keeps every file still
/// referenced and every file too young to judge (an upload whose message is still being saved).
/// </summary>
public sealed class RemoveUnreferencedFilesJobTests(TheBotAppFixture fixture)
{
    private const string Job = "remove-unreferenced-files";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static MultipartFormDataContent Pdf(string text)
    {
        var bytes = Encoding.ASCII.GetBytes("%PDF-1.4\n" + text + new string('p', 1000));
        return new MultipartFormDataContent { { new StringContent(text), "text" }, { new ByteArrayContent(bytes), "file", $"{text}.pdf" } };
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(await fixture.Host.GetConnectionStringAsync("thebot"));
        await connection.OpenAsync(Ct);
        return connection;
    }

    private async Task<string> ScalarAsync(string sql, Guid id)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { Parameters = { new NpgsqlParameter { Value = id } } };
        return (string)(await command.ExecuteScalarAsync(Ct))!;
    }

    private string PathOf(string key) => Path.Combine(fixture.Host.FilesDirectory, key[^2..], key[^4..^2], key);

    private async Task<Guid> AttachAsync(SignedIn author, Guid roomId, string text)
    {
        using var response = await author.Client.PostAsync($"/api/chat/rooms/{roomId}/attachments", Pdf(text), Ct);
        return await Expect.CreatedAsync(response);
    }

    private async Task<string> UploadMaterialFileAsync(SignedIn teacher, Guid materialId, string text)
    {
        using var response = await teacher.Client.PostAsync($"/api/materials/{materialId}/files", Pdf(text), Ct);
        await Expect.StatusAsync(HttpStatusCode.OK, response);
        return await ScalarAsync("SELECT file_key FROM materials WHERE id = $1", materialId);
    }

    [Fact]
    public async Task Files_nothing_refers_to_are_removed_and_referenced_or_recent_ones_are_kept()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var roomId = await Chatting.StartRoomAsync(c.Student, c.Teacher.Id);
        var deletedMessage = await AttachAsync(c.Student, roomId, "deleted");
        var keptMessage = await AttachAsync(c.Student, roomId, "kept");
        var deletedKey = await ScalarAsync("SELECT attachment_key FROM chat_messages WHERE id = $1", deletedMessage);
        var keptKey = await ScalarAsync("SELECT attachment_key FROM chat_messages WHERE id = $1", keptMessage);
        using (var delete = await c.Student.Client.DeleteAsync($"/api/chat/rooms/{roomId}/messages/{deletedMessage}", Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.NoContent, delete);
        }

        var materialId = await fixture.Learning.CreateMaterialAsync(c, "Worksheet", difficulty: 2);

        var replacedKey = await UploadMaterialFileAsync(c.Teacher, materialId, "first-version");
        var currentKey = await UploadMaterialFileAsync(c.Teacher, materialId, "second-version");

        // Everything so far is old enough to judge; what follows is an upload of a moment ago.
        await fixture.Billing.ExecuteSqlAsync(
            "UPDATE stored_files SET created_at = created_at - interval '2 days' WHERE owner_id = $1 OR owner_id = $2", c.Student.Id, c.Teacher.Id);
        var recentMessage = await AttachAsync(c.Student, roomId, "recent");
        var recentKey = await ScalarAsync("SELECT attachment_key FROM chat_messages WHERE id = $1", recentMessage);
        using (var delete = await c.Student.Client.DeleteAsync($"/api/chat/rooms/{roomId}/messages/{recentMessage}", Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.NoContent, delete);
        }

        Assert.All(new[] { deletedKey, keptKey, currentKey, recentKey }, key => Assert.True(File.Exists(PathOf(key)), key));

        var admin = await fixture.People.AdminAsync();
        var run = await admin.RunJobAsync(Job);

        Assert.Contains("removed", run.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.False(File.Exists(PathOf(deletedKey)), "the deleted message's attachment");
        Assert.False(File.Exists(PathOf(replacedKey)), "the material's replaced file");
        Assert.True(File.Exists(PathOf(keptKey)), "a live message's attachment");
        Assert.True(File.Exists(PathOf(currentKey)), "the material's current file");
        Assert.True(File.Exists(PathOf(recentKey)), "a file younger than the grace period");
        using (var download = await c.Teacher.Client.GetAsync($"/api/chat/rooms/{roomId}/messages/{keptMessage}/attachment", Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, download);
        }

        using (var material = await c.Student.Client.GetAsync($"/api/materials/{materialId}/files", Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, material);
        }

        // The removed files no longer count against their owners' quota.
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM stored_files WHERE key = ANY($1)", connection)
        {
            Parameters = { new NpgsqlParameter { Value = new[] { deletedKey, replacedKey } } },
        };
        Assert.Equal(0L, (long)(await command.ExecuteScalarAsync(Ct))!);
    }

    [Fact]
    public async Task Admins_see_the_job_with_its_description()
    {
        var admin = await fixture.People.AdminAsync();

        var jobs = await admin.Client.GetFromJsonAsync<JsonElement>("/api/admin/jobs", Ct);

        var job = Assert.Single(jobs.EnumerateArray(), j => j.GetProperty("name").GetString() == Job);
        Assert.Contains("unreferenced", job.GetProperty("description").GetString(), StringComparison.OrdinalIgnoreCase);
    }
}
