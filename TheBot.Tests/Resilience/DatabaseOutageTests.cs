using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Resilience;

/// <summary>
/// PostgreSQL stopped under the scale-out application (two api replicas): requests are answered at once
/// with 503 problem details instead of hanging, nothing is half-written, and the API is back by itself
/// within seconds of the database returning. Runs in the scale-out collection, whose tests take turns.
/// </summary>
[Collection(ScaleOutAppFixture.Collection)]
public sealed class DatabaseOutageTests(ScaleOutAppFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task With_postgresql_stopped_the_api_answers_503_at_once_writes_nothing_and_recovers_when_it_returns()
    {
        var admin = await app.People.CreateAsync("admin");
        var student = await app.People.CreateAsync("student");
        var roomId = await Chatting.StartRoomAsync(admin, student.Id);
        await Chatting.PostAsync(admin, roomId, "before the outage");
        var commands = app.Host.App.Services.GetRequiredService<ResourceCommandService>();
        var notifications = app.Host.App.Services.GetRequiredService<ResourceNotificationService>();

        var stopped = await commands.ExecuteCommandAsync("postgres", KnownResourceCommands.StopCommand, Ct);
        Assert.True(stopped.Success, stopped.Message);
        try
        {
            await notifications.WaitForResourceAsync("postgres", KnownResourceStates.TerminalStates, Ct);

            // Reads and writes through the front door, on either replica: 503 + Retry-After, not a hang.
            for (var i = 0; i < 4; i++)
            {
                using var read = await admin.Client.GetAsync($"/api/chat/rooms/{roomId}/messages", Ct);
                await Expect.ProblemAsync(HttpStatusCode.ServiceUnavailable, read);
                Assert.NotNull(read.Headers.RetryAfter);

                using var write = await admin.Client.PostAsJsonAsync($"/api/chat/rooms/{roomId}/messages",
                    new { text = $"during the outage {i}", clientMessageId = $"outage-{i}" }, Ct);
                await Expect.ProblemAsync(HttpStatusCode.ServiceUnavailable, write);
            }
        }
        finally
        {
            var started = await commands.ExecuteCommandAsync("postgres", KnownResourceCommands.StartCommand, CancellationToken.None);
            Assert.True(started.Success, started.Message);
        }

        // Back by itself: the same calls succeed again without restarting api.
        var messages = await EventuallyAsync(async () =>
        {
            using var response = await admin.Client.GetAsync($"/api/chat/rooms/{roomId}/messages", Ct);
            return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<JsonElement>(Ct) : (JsonElement?)null;
        });
        var texts = messages.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("text").GetString()).ToList();
        Assert.Equal(["before the outage"], texts);

        await Chatting.PostAsync(admin, roomId, "after the outage");
        var after = await Chatting.MessagesAsync(student, roomId);
        Assert.Equal(2, after.GetProperty("items").GetArrayLength());

        // Background work is back too: both replicas' schedulers run the two-second job again at once,
        // instead of meeting the pool's dead connections one tick at a time for minutes.
        var recovered = DateTimeOffset.UtcNow;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(45));
        while (await SucceededRunnersSinceAsync(recovered) < 2)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250), timeout.Token);
        }
    }

    private async Task<long> SucceededRunnersSinceAsync(DateTimeOffset since)
    {
        await using var connection = new NpgsqlConnection(await app.Host.GetConnectionStringAsync("thebot"));
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(
            "SELECT count(DISTINCT runner) FROM job_runs WHERE job_name = $1 AND outcome = 'Succeeded' AND started_at >= $2", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = ScaleOutAppFixture.FrequentJob });
        command.Parameters.Add(new NpgsqlParameter { Value = since });
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }

    /// <summary>Polls until the database is reachable again through both replicas (a minute at most).</summary>
    private static async Task<JsonElement> EventuallyAsync(Func<Task<JsonElement?>> attempt)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(1));
        var successes = 0;
        JsonElement last = default;
        while (successes < 4)
        {
            if (await attempt() is { } result)
            {
                successes++;
                last = result;
                continue;
            }

            successes = 0;
            await Task.Delay(TimeSpan.FromMilliseconds(250), timeout.Token);
        }

        return last;
    }
}
