using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TheBot.Api.Features.Notifications.Broadcasts;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Notifications;

/// <summary>
/// Broadcasts to a tutor's students (with or without their parents), a teacher's students and hand-picked people reach
/// exactly those people; a scheduled one goes once when two replicas' workers race for it, and a cancelled one never
/// goes. Every audience here is made of the test's own new people.
/// </summary>
public sealed class BroadcastTargetsTests(TheBotAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_tutor_broadcast_reaches_the_tutors_students_and_with_parents_their_parents_too()
    {
        var classroom = await fixture.Learning.CreateClassroomAsync();
        var second = await fixture.Learning.CreateFamilyAsync(classroom.Tutor);
        var admin = await fixture.People.AdminAsync();

        var studentsOnly = await SendAsync(admin, new { title = $"Tutor {Guid.NewGuid():N}", tutorId = classroom.Tutor.Id });
        var withParents = await SendAsync(admin, new { title = $"Families {Guid.NewGuid():N}", tutorId = classroom.Tutor.Id, includeParents = true });

        Assert.Equal(Sorted(classroom.Student.Id, second.Student.Id), await RecipientsAsync(admin, studentsOnly));
        Assert.Equal(Sorted(classroom.Student.Id, classroom.Parent.Id, second.Student.Id, second.Parent.Id), await RecipientsAsync(admin, withParents));
        var listed = await admin.Client.GetFromJsonAsync<JsonElement>($"/api/admin/broadcasts/{withParents}", Ct);
        Assert.Equal("tutor", listed.GetProperty("audienceKind").GetString());
        Assert.True(listed.GetProperty("includeParents").GetBoolean());
        Assert.StartsWith("tutor ", listed.GetProperty("targetName").GetString(), StringComparison.Ordinal);
        Assert.Equal(4, listed.GetProperty("counts").GetProperty("recipients").GetInt32());
    }

    [Fact]
    public async Task A_teacher_broadcast_reaches_the_teachers_enrolled_students_only_and_counts_who_read_it()
    {
        var classroom = await fixture.Learning.CreateClassroomAsync();
        var (_, other, _) = await fixture.Learning.AddStudentAsync(classroom);
        var admin = await fixture.People.AdminAsync();
        var title = $"Teacher {Guid.NewGuid():N}";

        var id = await SendAsync(admin, new { title, teacherId = classroom.Teacher.Id });

        Assert.Equal(Sorted(classroom.Student.Id, other.Student.Id), await RecipientsAsync(admin, id));
        var notification = (await NotificationsTitledAsync(classroom.Student, title)).Single();
        using (var read = await classroom.Student.Client.PostAsync($"/api/notifications/{notification.GetProperty("id").GetGuid()}/read", null, Ct))
        {
            Assert.True(read.IsSuccessStatusCode, $"Marking read answered {read.StatusCode}");
        }

        var history = await admin.Client.GetFromJsonAsync<JsonElement>("/api/admin/broadcasts?pageSize=100", Ct);
        var listed = history.GetProperty("items").EnumerateArray().Single(b => b.GetProperty("id").GetGuid() == id);
        Assert.Equal("teacher", listed.GetProperty("audienceKind").GetString());
        Assert.Equal(1, listed.GetProperty("read").GetInt32());
        Assert.Equal(2, listed.GetProperty("counts").GetProperty("recipients").GetInt32());
    }

    [Fact]
    public async Task Hand_picked_people_get_it_and_nobody_else_and_unknown_or_wrong_targets_are_bad_requests()
    {
        var teacher = await fixture.People.CreateAsync("teacher");
        var parent = await fixture.People.CreateAsync("parent");
        var inactive = await fixture.People.CreateAccountAsync("student");
        var admin = await fixture.People.AdminAsync();
        using (var deactivate = await admin.Client.DeleteAsync($"/api/admin/users/{inactive.Id}", Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.NoContent, deactivate);
        }

        var id = await SendAsync(admin, new { title = $"Picked {Guid.NewGuid():N}", userIds = new[] { teacher.Id, parent.Id, inactive.Id, parent.Id } });

        Assert.Equal(Sorted(teacher.Id, parent.Id), await RecipientsAsync(admin, id));
        var listed = await admin.Client.GetFromJsonAsync<JsonElement>($"/api/admin/broadcasts/{id}", Ct);
        Assert.Equal("users", listed.GetProperty("audienceKind").GetString());
        Assert.Equal(3, listed.GetProperty("userCount").GetInt32());

        foreach (var (request, field) in new (object, string)[]
        {
            (new { title = "x", userIds = new[] { teacher.Id, Guid.NewGuid() } }, "userIds"),
            (new { title = "x", userIds = Array.Empty<Guid>() }, "userIds"),
            (new { title = "x", tutorId = teacher.Id }, "tutorId"),
            (new { title = "x", teacherId = parent.Id }, "teacherId"),
            (new { title = "x", role = "parent", includeParents = true }, "includeParents"),
            (new { title = "x", teacherId = teacher.Id, userIds = new[] { parent.Id } }, "everyone"),
        })
        {
            using var response = await admin.Client.PostAsJsonAsync("/api/admin/broadcasts", request, Ct);
            var problem = await Expect.ProblemAsync(HttpStatusCode.BadRequest, response);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"Expected an error on {field}: {problem}");
        }
    }

    [Fact]
    public async Task A_scheduled_broadcast_to_hand_picked_people_is_sent_once_when_two_replicas_race_for_it()
    {
        var student = await fixture.People.CreateAsync("student");
        var parent = await fixture.People.CreateAsync("parent");
        var admin = await fixture.People.AdminAsync();
        var title = $"Scheduled {Guid.NewGuid():N}";
        var id = await SendAsync(admin, new { title, userIds = new[] { student.Id, parent.Id }, sendAt = DateTimeOffset.UtcNow.AddHours(1) });
        Assert.Equal("scheduled", Status(await admin.Client.GetFromJsonAsync<JsonElement>($"/api/admin/broadcasts/{id}", Ct)));
        var settings = fixture.Smtp.ApiSettings().Concat(fixture.Telegram.ApiSettings()).ToDictionary(s => s.Key, s => (string?)s.Value);
        await using var first = await InProcessApi.BuildAsync(fixture.Host, settings: settings);
        await using var second = await InProcessApi.BuildAsync(fixture.Host, settings: settings);
        var workers = new[] { first.Services.GetRequiredService<BroadcastFanOut>(), second.Services.GetRequiredService<BroadcastFanOut>() };

        // The hour has come.
        await MakeDueAsync(id);
        var claims = await Task.WhenAll(workers.Select(w => Task.Run(() => w.ClaimAsync(Ct), Ct)));
        Assert.True(claims.Count(c => c == id) <= 1, "Two replicas claimed the same broadcast.");
        await Task.WhenAll(claims.Zip(workers).Where(c => c.First is not null).Select(c => c.Second.FanOutAsync(c.First!.Value, Ct)));

        var done = await WaitForSentAsync(admin, id);
        Assert.Equal(2, done.GetProperty("recipientCount").GetInt32());
        Assert.Single(await NotificationsTitledAsync(student, title));
        Assert.Single(await NotificationsTitledAsync(parent, title));
        while (await workers[0].ClaimAsync(Ct) is { } claimed)
        {
            Assert.NotEqual(id, claimed);
            await workers[0].FanOutAsync(claimed, Ct);
        }
    }

    [Fact]
    public async Task A_scheduled_broadcast_cancelled_before_it_is_due_is_never_sent()
    {
        var student = await fixture.People.CreateAsync("student");
        var admin = await fixture.People.AdminAsync();
        var title = $"Called off {Guid.NewGuid():N}";
        var id = await SendAsync(admin, new { title, userIds = new[] { student.Id }, sendAt = DateTimeOffset.UtcNow.AddHours(1) });

        using (var cancel = await admin.Client.PostAsync($"/api/admin/broadcasts/{id}/cancel", null, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, cancel);
        }

        await MakeDueAsync(id);
        await using var replica = await InProcessApi.BuildAsync(fixture.Host);
        var worker = replica.Services.GetRequiredService<BroadcastFanOut>();
        while (await worker.ClaimAsync(Ct) is { } claimed)
        {
            Assert.NotEqual(id, claimed);
            await worker.FanOutAsync(claimed, Ct);
        }

        var broadcast = await admin.Client.GetFromJsonAsync<JsonElement>($"/api/admin/broadcasts/{id}", Ct);
        Assert.Equal("cancelled", Status(broadcast));
        Assert.Equal(0, broadcast.GetProperty("counts").GetProperty("recipients").GetInt32());
        Assert.Empty(await NotificationsTitledAsync(student, title));
    }

    private static string? Status(JsonElement element) => element.GetProperty("status").GetString();

    private static List<Guid> Sorted(params Guid[] ids) => [.. ids.Order()];

    private static async Task<Guid> SendAsync(SignedIn admin, object request)
    {
        using var response = await admin.Client.PostAsJsonAsync("/api/admin/broadcasts", request, Ct);
        return await Expect.AcceptedAsync(response);
    }

    /// <summary>The broadcast's recipients once it is sent, sorted by id.</summary>
    private static async Task<List<Guid>> RecipientsAsync(SignedIn admin, Guid id)
    {
        await WaitForSentAsync(admin, id);
        var page = await admin.Client.GetFromJsonAsync<JsonElement>($"/api/admin/broadcasts/{id}/recipients?pageSize=100", Ct);
        return [.. page.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("userId").GetGuid()).Order()];
    }

    private static async Task<JsonElement> WaitForSentAsync(SignedIn admin, Guid id)
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

    private async Task MakeDueAsync(Guid id)
    {
        await using var connection = new NpgsqlConnection(await fixture.Host.GetConnectionStringAsync("thebot"));
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("UPDATE broadcasts SET send_at = now() - interval '1 second' WHERE id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        await command.ExecuteNonQueryAsync(Ct);
    }
}
