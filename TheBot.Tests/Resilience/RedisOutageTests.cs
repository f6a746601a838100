using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Resilience;

/// <summary>
/// Redis stopped during a conversation (scale-out application: two api and two realtime replicas): api
/// keeps accepting and storing messages and says it is degraded, realtime picks up again by itself when
/// Redis returns, and a client that catches up over REST has every message. The scale-out collection's
/// tests take turns, so stopping its Redis disturbs no other test.
/// </summary>
[Collection(ScaleOutAppFixture.Collection)]
public sealed class RedisOutageTests(ScaleOutAppFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task With_redis_stopped_messages_are_still_stored_and_live_delivery_resumes_when_it_returns()
    {
        var admin = await app.People.CreateAsync("admin");
        var student = await app.People.CreateAsync("student");
        var roomId = await Chatting.StartRoomAsync(admin, student.Id);
        await using var studentSocket = await Chatting.ListenAsync(app.Host, student, Ct);
        var before = (await Chatting.PostAsync(admin, roomId, "before the outage")).Id;
        await studentSocket.WaitAsync("messageCreated", Chatting.MessageIs(before));

        var commands = app.Host.App.Services.GetRequiredService<ResourceCommandService>();
        var notifications = app.Host.App.Services.GetRequiredService<ResourceNotificationService>();
        var stored = new List<Guid>();
        var stopped = await commands.ExecuteCommandAsync("redis", KnownResourceCommands.StopCommand, Ct);
        Assert.True(stopped.Success, stopped.Message);
        try
        {
            await notifications.WaitForResourceAsync("redis", KnownResourceStates.TerminalStates, Ct);

            for (var i = 0; i < 3; i++)
            {
                stored.Add((await Chatting.PostAsync(admin, roomId, $"during the outage {i}", $"redis-outage-{i}")).Id);
            }

            var health = await EventuallyAsync(async () =>
            {
                using var client = app.Host.CreateWebClient();
                using var response = await client.GetAsync("/api/system/health", Ct);
                var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
                return response.StatusCode == HttpStatusCode.OK && body.GetProperty("status").GetString() == "Degraded" ? body : null;
            });
            var redis = health.GetProperty("dependencies").EnumerateArray().Single(d => d.GetProperty("name").GetString() == "redis");
            Assert.Equal("Degraded", redis.GetProperty("status").GetString());
        }
        finally
        {
            var started = await commands.ExecuteCommandAsync("redis", KnownResourceCommands.StartCommand, CancellationToken.None);
            Assert.True(started.Success, started.Message);
        }

        await notifications.WaitForResourceHealthyAsync("redis", Ct);

        // Catch-up over REST, as docs/realtime.md tells clients: every message stored, once, in order.
        var page = await Chatting.MessagesAsync(student, roomId, $"?after={before}&limit=50");
        Assert.Equal(stored, page.ItemIds());

        // Live again without restarting anything: the same socket receives new messages once realtime has resubscribed.
        await EventuallyAsync(async () =>
        {
            var id = (await Chatting.PostAsync(admin, roomId, "after the outage")).Id;
            try
            {
                return await studentSocket.WaitAsync("messageCreated", Chatting.MessageIs(id), TimeSpan.FromSeconds(3));
            }
            catch (TimeoutException)
            {
                return null;
            }
        });
    }

    private static async Task<JsonElement> EventuallyAsync(Func<Task<JsonElement?>> attempt)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(1));
        while (true)
        {
            if (await attempt() is { } result)
            {
                return result;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), timeout.Token);
        }
    }
}
