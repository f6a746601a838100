using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TheBot.Api.Features.Notifications.Broadcasts;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Notifications;

/// <summary>
/// Broadcasts as the database drives them: each recipient's status over the app and the channels (a linked Telegram
/// chat, e-mail), a failed channel shown with its reason and sent again by retry-failed; a broadcast row nobody queued
/// in memory (the api died after storing it) still goes out, resumed without doubling; two workers racing take it
/// once; a scheduled one goes only when due and can be cancelled before. Every broadcast here is to a new subject's
/// class, so that the shared app's other people are not in its audience.
/// </summary>
public sealed class BroadcastDeliveryTests(TheBotAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_broadcast_reaches_a_linked_telegram_user_and_an_email_user_and_shows_each_recipient_sent()
    {
        var classroom = await fixture.Learning.CreateClassroomAsync();
        var chatId = await fixture.LinkTelegramAsync(classroom.Student);
        await WantBroadcastsByEmailAsync(classroom.Teacher);
        var admin = await fixture.People.AdminAsync();
        var title = $"Open day {Guid.NewGuid():N}";

        var id = await SendAsync(admin, new { title, body = "Saturday at 11", subjectId = classroom.SubjectId });

        var message = await fixture.Telegram.WaitForMessageAsync(chatId, m => m.Text.Contains(title, StringComparison.Ordinal));
        Assert.Contains("Saturday at 11", message.Text, StringComparison.Ordinal);
        var mail = await fixture.Smtp.WaitForAsync(classroom.Teacher.Email);
        Assert.Contains(title, mail.Message.Subject, StringComparison.Ordinal);

        var recipients = await WaitForRecipientsAsync(admin, id, rs => rs.Count == 2 && rs.All(r => Status(r) == "sent"));
        var student = recipients.Single(r => r.GetProperty("userId").GetGuid() == classroom.Student.Id);
        var telegram = Assert.Single(student.GetProperty("deliveries").EnumerateArray());
        Assert.Equal("telegram", telegram.GetProperty("channel").GetString());
        Assert.Equal("sent", Status(telegram));
        Assert.Equal(1, telegram.GetProperty("attempts").GetInt32());
        var teacher = recipients.Single(r => r.GetProperty("userId").GetGuid() == classroom.Teacher.Id);
        var email = Assert.Single(teacher.GetProperty("deliveries").EnumerateArray());
        Assert.Equal("email", email.GetProperty("channel").GetString());
        Assert.Equal("sent", Status(email));

        var history = await admin.Client.GetFromJsonAsync<JsonElement>("/api/admin/broadcasts?pageSize=100", Ct);
        var listed = history.GetProperty("items").EnumerateArray().Single(b => b.GetProperty("id").GetGuid() == id);
        Assert.Equal("sent", Status(listed));
        Assert.Equal(2, listed.GetProperty("recipientCount").GetInt32());
        var counts = listed.GetProperty("counts");
        Assert.Equal(2, counts.GetProperty("recipients").GetInt32());
        Assert.Equal(2, counts.GetProperty("sent").GetInt32());
        Assert.Equal(0, counts.GetProperty("failed").GetInt32());
        Assert.Equal(0, counts.GetProperty("waiting").GetInt32());
        // Newest first.
        var created = history.GetProperty("items").EnumerateArray().Select(b => b.GetProperty("createdAt").GetDateTimeOffset()).ToList();
        Assert.Equal(created.OrderDescending(), created);
    }

    [Fact]
    public async Task A_refused_telegram_message_shows_failed_with_the_reason_and_retry_failed_sends_it()
    {
        var classroom = await fixture.Learning.CreateClassroomAsync();
        var chatId = await fixture.LinkTelegramAsync(classroom.Student);
        fixture.Telegram.Refuse(chatId, 400, "Bad Request: can't parse entities");
        var admin = await fixture.People.AdminAsync();
        var title = $"Exam week {Guid.NewGuid():N}";

        var id = await SendAsync(admin, new { title, subjectId = classroom.SubjectId });

        var failed = await WaitForRecipientsAsync(admin, id, rs => rs.Any(r => Status(r) == "failed"), "?status=failed");
        var student = Assert.Single(failed);
        Assert.Equal(classroom.Student.Id, student.GetProperty("userId").GetGuid());
        var delivery = Assert.Single(student.GetProperty("deliveries").EnumerateArray());
        Assert.Equal("failed", Status(delivery));
        Assert.Contains("can't parse entities", delivery.GetProperty("error").GetString(), StringComparison.Ordinal);
        var teacherOnlyInApp = await WaitForRecipientsAsync(admin, id, rs => rs.Count == 1, "?status=delivered");
        Assert.Equal(classroom.Teacher.Id, Assert.Single(teacherOnlyInApp).GetProperty("userId").GetGuid());
        var broadcast = await admin.Client.GetFromJsonAsync<JsonElement>($"/api/admin/broadcasts/{id}", Ct);
        Assert.Equal(1, broadcast.GetProperty("counts").GetProperty("failed").GetInt32());
        Assert.DoesNotContain(fixture.Telegram.To(chatId), m => m.Text.Contains(title, StringComparison.Ordinal));

        fixture.Telegram.Accept(chatId);
        using var retry = await admin.Client.PostAsync($"/api/admin/broadcasts/{id}/retry-failed", null, Ct);
        await Expect.StatusAsync(HttpStatusCode.Accepted, retry);
        Assert.Equal(1, (await retry.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("retried").GetInt32());

        await fixture.Telegram.WaitForMessageAsync(chatId, m => m.Text.Contains(title, StringComparison.Ordinal));
        var sent = await WaitForRecipientsAsync(admin, id, rs => rs.Any(r => Status(r) == "sent"), "?status=sent");
        Assert.Equal(classroom.Student.Id, Assert.Single(sent).GetProperty("userId").GetGuid());
        using var again = await admin.Client.PostAsync($"/api/admin/broadcasts/{id}/retry-failed", null, Ct);
        Assert.Equal(0, (await again.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("retried").GetInt32());
    }

    [Fact]
    public async Task A_broadcast_row_left_pending_by_a_replica_that_died_is_fanned_out_without_doubling_those_already_done()
    {
        var classroom = await fixture.Learning.CreateClassroomAsync();
        var admin = await fixture.People.AdminAsync();
        var title = $"Left behind {Guid.NewGuid():N}";
        var id = Guid.CreateVersion7();

        // As the api leaves it when it dies mid-fan-out: stored, claimed by a lease that has ended, the teacher done.
        await using (var connection = await OpenAsync())
        {
            await ExecuteAsync(connection, """
                INSERT INTO broadcasts (id, created_by_id, title, priority, audience_kind, subject_id, created_at, send_at, claimed_until, recipient_count)
                VALUES ($1, $2, $3, 'Normal', 'subject', $4, now() - interval '10 minutes', now() - interval '10 minutes', now() - interval '1 minute', 0)
                """, id, admin.Id, title, classroom.SubjectId);
            await ExecuteAsync(connection, "INSERT INTO broadcast_recipients (broadcast_id, user_id, created_at) VALUES ($1, $2, now())", id, classroom.Teacher.Id);
        }

        var done = await WaitForCompletedAsync(admin, id);
        Assert.Equal(1, done.GetProperty("recipientCount").GetInt32());
        Assert.Single(await NotificationsTitledAsync(classroom.Student, title));
        Assert.Empty(await NotificationsTitledAsync(classroom.Teacher, title));
    }

    [Fact]
    public async Task Two_workers_racing_for_a_due_broadcast_fan_it_out_once()
    {
        var classroom = await fixture.Learning.CreateClassroomAsync();
        var admin = await fixture.People.AdminAsync();
        var title = $"Raced {Guid.NewGuid():N}";
        var id = Guid.CreateVersion7();
        var settings = fixture.Smtp.ApiSettings().Concat(fixture.Telegram.ApiSettings()).ToDictionary(s => s.Key, s => (string?)s.Value);
        await using var first = await InProcessApi.BuildAsync(fixture.Host, settings: settings);
        await using var second = await InProcessApi.BuildAsync(fixture.Host, settings: settings);
        var workers = new[] { first.Services.GetRequiredService<BroadcastFanOut>(), second.Services.GetRequiredService<BroadcastFanOut>() };

        await using (var connection = await OpenAsync())
        {
            await ExecuteAsync(connection, """
                INSERT INTO broadcasts (id, created_by_id, title, priority, audience_kind, subject_id, created_at, send_at, recipient_count)
                VALUES ($1, $2, $3, 'Normal', 'subject', $4, now(), now(), 0)
                """, id, admin.Id, title, classroom.SubjectId);
        }

        // Both claim at once (the shared app's own worker may join in); each works off what it took until nothing is due.
        var claims = await Task.WhenAll(workers.Select(w => Task.Run(() => w.ClaimAsync(Ct), Ct)));
        Assert.True(claims.Count(c => c == id) <= 1, "Two workers claimed the same broadcast.");
        await Task.WhenAll(claims.Zip(workers).Where(c => c.First is not null).Select(c => c.Second.FanOutAsync(c.First!.Value, Ct)));

        var done = await WaitForCompletedAsync(admin, id);
        Assert.Equal(2, done.GetProperty("recipientCount").GetInt32());
        Assert.Single(await NotificationsTitledAsync(classroom.Student, title));
        Assert.Single(await NotificationsTitledAsync(classroom.Teacher, title));
    }

    [Fact]
    public async Task A_scheduled_broadcast_goes_only_when_due_and_one_not_yet_sent_can_be_cancelled()
    {
        var classroom = await fixture.Learning.CreateClassroomAsync();
        var admin = await fixture.People.AdminAsync();
        var title = $"Later {Guid.NewGuid():N}";
        var sendAt = DateTimeOffset.UtcNow.AddSeconds(4);

        var id = await SendAsync(admin, new { title, subjectId = classroom.SubjectId, sendAt });
        var scheduled = await admin.Client.GetFromJsonAsync<JsonElement>($"/api/admin/broadcasts/{id}", Ct);
        Assert.Equal("scheduled", Status(scheduled));
        Assert.Empty(await NotificationsTitledAsync(classroom.Student, title));

        await WaitForCompletedAsync(admin, id);
        var notification = Assert.Single(await NotificationsTitledAsync(classroom.Student, title));
        Assert.True(notification.GetProperty("createdAt").GetDateTimeOffset() >= sendAt.AddMilliseconds(-1), "The broadcast went before it was due.");
        using (var tooLate = await admin.Client.PostAsync($"/api/admin/broadcasts/{id}/cancel", null, Ct))
        {
            await Expect.ProblemAsync(HttpStatusCode.Conflict, tooLate);
        }

        var later = await SendAsync(admin, new { title = title + " (cancelled)", subjectId = classroom.SubjectId, sendAt = DateTimeOffset.UtcNow.AddHours(1) });
        using (var cancel = await admin.Client.PostAsync($"/api/admin/broadcasts/{later}/cancel", null, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, cancel);
            Assert.Equal("cancelled", Status(await cancel.Content.ReadFromJsonAsync<JsonElement>(Ct)));
        }

        using (var twice = await admin.Client.PostAsync($"/api/admin/broadcasts/{later}/cancel", null, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, twice);
        }
    }

    [Fact]
    public async Task Bad_times_statuses_and_unknown_broadcasts_are_problems()
    {
        var admin = await fixture.People.AdminAsync();
        var subjectId = await fixture.Learning.CreateSubjectAsync();
        foreach (var sendAt in new[] { DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddYears(2) })
        {
            using var response = await admin.Client.PostAsJsonAsync("/api/admin/broadcasts", new { title = "x", subjectId, sendAt }, Ct);
            var problem = await Expect.ProblemAsync(HttpStatusCode.BadRequest, response);
            Assert.True(problem.GetProperty("errors").TryGetProperty("sendAt", out _));
        }

        var unknown = Guid.NewGuid();
        foreach (var (method, path) in new[] { ("GET", ""), ("GET", "/recipients"), ("POST", "/retry-failed"), ("POST", "/cancel") })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), $"/api/admin/broadcasts/{unknown}{path}");
            using var response = await admin.Client.SendAsync(request, Ct);
            await Expect.ProblemAsync(HttpStatusCode.NotFound, response);
        }

        var id = await SendAsync(admin, new { title = "x", subjectId });
        using var badStatus = await admin.Client.GetAsync($"/api/admin/broadcasts/{id}/recipients?status=lost", Ct);
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, badStatus);
    }

    private static string? Status(JsonElement element) => element.GetProperty("status").GetString();

    private static async Task<Guid> SendAsync(SignedIn admin, object request)
    {
        using var response = await admin.Client.PostAsJsonAsync("/api/admin/broadcasts", request, Ct);
        return await Expect.AcceptedAsync(response);
    }

    private static async Task WantBroadcastsByEmailAsync(SignedIn person)
    {
        using var put = await person.Client.PutAsJsonAsync("/api/notifications/settings",
            new { disabledTypes = Array.Empty<string>(), emailTypes = new[] { "broadcast" } }, Ct);
        await Expect.StatusAsync(HttpStatusCode.OK, put);
    }

    private static async Task<List<JsonElement>> WaitForRecipientsAsync(SignedIn admin, Guid id, Func<List<JsonElement>, bool> match, string query = "")
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while (true)
        {
            var page = await admin.Client.GetFromJsonAsync<JsonElement>($"/api/admin/broadcasts/{id}/recipients{query}", Ct);
            List<JsonElement> recipients = [.. page.GetProperty("items").EnumerateArray()];
            if (match(recipients))
            {
                return recipients;
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, $"The recipients did not reach the expected state: {page}");
            await Task.Delay(250, Ct);
        }
    }

    private static async Task<JsonElement> WaitForCompletedAsync(SignedIn admin, Guid id)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while (true)
        {
            var broadcast = await admin.Client.GetFromJsonAsync<JsonElement>($"/api/admin/broadcasts/{id}", Ct);
            if (Status(broadcast) == "sent")
            {
                return broadcast;
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, $"The broadcast was not fanned out: {broadcast}");
            await Task.Delay(250, Ct);
        }
    }

    private static async Task<List<JsonElement>> NotificationsTitledAsync(SignedIn person, string title)
    {
        var page = await person.Client.GetFromJsonAsync<JsonElement>("/api/notifications?pageSize=100", Ct);
        return [.. page.GetProperty("items").EnumerateArray().Where(n => n.GetProperty("title").GetString() == title)];
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(await fixture.Host.GetConnectionStringAsync("thebot"));
        await connection.OpenAsync(Ct);
        return connection;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, params object[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        await command.ExecuteNonQueryAsync(Ct);
    }
}
