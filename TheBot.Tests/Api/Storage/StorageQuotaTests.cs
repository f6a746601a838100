using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Storage;

/// <summary>
/// What one person may keep in the shared file store: a quota of stored bytes (the shared app's is
/// <see cref="TheBotAppFixture.StorageQuotaBytes"/>), counted by the database so that racing uploads cannot
/// pass it together, and a number of uploads per hour.
/// </summary>
public sealed class StorageQuotaTests(TheBotAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Six tenths of the quota: one fits, two do not.</summary>
    private static readonly int SixTenths = (int)(TheBotAppFixture.StorageQuotaBytes * 6 / 10);

    private static MultipartFormDataContent Pdf(int size, string text = "")
    {
        var bytes = new byte[size];
        Array.Fill(bytes, (byte)'p');
        Encoding.ASCII.GetBytes("%PDF-1.4\n").CopyTo(bytes, 0);
        return new MultipartFormDataContent { { new StringContent(text), "text" }, { new ByteArrayContent(bytes), "file", "work.pdf" } };
    }

    private async Task<long> StoredBytesOfAsync(Guid userId)
    {
        await using var connection = new NpgsqlConnection(await fixture.Host.GetConnectionStringAsync("thebot"));
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("SELECT coalesce(sum(length), 0)::bigint FROM stored_files WHERE owner_id = $1", connection)
        {
            Parameters = { new NpgsqlParameter { Value = userId } },
        };
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }

    [Fact]
    public async Task An_upload_that_would_pass_the_quota_is_refused_with_413_and_nothing_of_it_is_kept()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var roomId = await Chatting.StartRoomAsync(c.Student, c.Teacher.Id);
        using (var first = await c.Student.Client.PostAsync($"/api/chat/rooms/{roomId}/attachments", Pdf(SixTenths, "first"), Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.Created, first);
        }

        using var second = await c.Student.Client.PostAsync($"/api/chat/rooms/{roomId}/attachments", Pdf(SixTenths, "second"), Ct);

        var problem = await Expect.ProblemAsync(HttpStatusCode.RequestEntityTooLarge, second);
        Assert.Contains("quota", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(TheBotAppFixture.StorageQuotaBytes, problem.GetProperty("quotaBytes").GetInt64());
        Assert.Equal(SixTenths, problem.GetProperty("usedBytes").GetInt64());
        var messages = await Chatting.MessagesAsync(c.Student, roomId);
        Assert.Equal(["first"], messages.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("text").GetString()));
        Assert.Equal(SixTenths, await StoredBytesOfAsync(c.Student.Id));

        // The quota is the person's, not the room's: the teacher still has all of theirs.
        using var teachers = await c.Teacher.Client.PostAsync($"/api/chat/rooms/{roomId}/attachments", Pdf(SixTenths, "teacher"), Ct);
        await Expect.StatusAsync(HttpStatusCode.Created, teachers);
    }

    [Fact]
    public async Task Two_uploads_at_once_cannot_pass_the_quota_together()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var roomId = await Chatting.StartRoomAsync(c.Student, c.Teacher.Id);

        var uploads = await Task.WhenAll(Enumerable.Range(0, 2).Select(async i =>
        {
            using var response = await c.Student.Client.PostAsync($"/api/chat/rooms/{roomId}/attachments", Pdf(SixTenths, $"racer {i}"), Ct);
            return response.StatusCode;
        }));

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.RequestEntityTooLarge], uploads.Order());
        Assert.Equal(1, (await Chatting.MessagesAsync(c.Student, roomId)).GetProperty("items").GetArrayLength());
        Assert.Equal(SixTenths, await StoredBytesOfAsync(c.Student.Id));
    }

    [Fact]
    public async Task Uploads_past_the_hourly_allowance_are_refused_with_429_and_Retry_After_and_keep_nothing()
    {
        const int PerHour = 60;
        var c = await fixture.Learning.CreateClassroomAsync();
        var roomId = await Chatting.StartRoomAsync(c.Student, c.Teacher.Id);
        for (var i = 0; i < PerHour; i++)
        {
            using var allowed = await c.Student.Client.PostAsync($"/api/chat/rooms/{roomId}/attachments", Pdf(100, $"n{i}"), Ct);
            await Expect.StatusAsync(HttpStatusCode.Created, allowed);
        }

        using var refused = await c.Student.Client.PostAsync($"/api/chat/rooms/{roomId}/attachments", Pdf(100, "one too many"), Ct);

        var problem = await Expect.ProblemAsync(HttpStatusCode.TooManyRequests, refused);
        var retryAfter = int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 3600);
        Assert.Contains("upload", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        var messages = await Chatting.MessagesAsync(c.Student, roomId, "?limit=100");
        Assert.Equal(PerHour, messages.GetProperty("items").GetArrayLength());
        Assert.Equal(PerHour * 100, await StoredBytesOfAsync(c.Student.Id));

        // Another person's allowance is their own.
        using var teachers = await c.Teacher.Client.PostAsync($"/api/chat/rooms/{roomId}/attachments", Pdf(100, "teacher"), Ct);
        await Expect.StatusAsync(HttpStatusCode.Created, teachers);
    }
}
