using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Resilience;

/// <summary>
/// Both api replicas of the scale-out application restarted, one after the other, while a client keeps
/// posting chat messages through the front door, retrying whatever failed with the same
/// <c>clientMessageId</c>: every message the client saw succeed is stored, and each exactly once.
/// </summary>
[Collection(ScaleOutAppFixture.Collection)]
public sealed class ApiRestartTests(ScaleOutAppFixture app)
{
    private const int Messages = 40;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Messages_retried_with_their_client_id_across_api_restarts_are_stored_exactly_once()
    {
        var admin = await app.People.CreateAsync("admin");
        var teacher = await app.People.CreateAsync("teacher");
        var roomId = await Chatting.StartRoomAsync(admin, teacher.Id);
        var writer = new RetryingWriter(admin, roomId);
        var writing = Task.Run(() => writer.WriteAsync(Messages), Ct);

        var commands = app.Host.App.Services.GetRequiredService<ResourceCommandService>();
        var replicas = await ResourceInstances.IdsAsync(app.Host, "api", count: 2, Ct);
        foreach (var replica in replicas)
        {
            await writer.WaitForStoredAsync(writer.Stored + 5);
            var restarted = await commands.ExecuteCommandAsync(replica, KnownResourceCommands.RestartCommand, Ct);
            Assert.True(restarted.Success, restarted.Message);
        }

        var acknowledged = await writing.WaitAsync(TimeSpan.FromMinutes(4), Ct);
        // The next test of this application finds both replicas serving.
        await ResourceInstances.WaitUntilHealthyAsync(app.Host, replicas, Ct);

        Assert.Equal(Messages, acknowledged.Count);
        var stored = (await Chatting.MessagesAsync(teacher, roomId, "?limit=200")).GetProperty("items").EnumerateArray()
            .Select(m => (Id: m.GetProperty("id").GetGuid(), Text: m.GetProperty("text").GetString()!)).ToList();
        Assert.Equal(Messages, stored.Count);
        Assert.Equal(acknowledged.Values.Order(), stored.Select(m => m.Id).Order());
        Assert.Equal(Enumerable.Range(0, Messages).Select(i => $"message {i}").Order(StringComparer.Ordinal), stored.Select(m => m.Text).Order(StringComparer.Ordinal));
    }

    /// <summary>Posts messages in order; each is retried until acknowledged, then sent once more as a client that lost the answer would.</summary>
    private sealed class RetryingWriter(SignedIn author, Guid roomId)
    {
        private readonly Dictionary<string, Guid> _acknowledged = new(StringComparer.Ordinal);
        private int _stored;

        public int Stored => Volatile.Read(ref _stored);

        public async Task<Dictionary<string, Guid>> WriteAsync(int count)
        {
            for (var i = 0; i < count; i++)
            {
                var clientMessageId = $"restart-{roomId:N}-{i}";
                var first = await PostUntilAcknowledgedAsync(clientMessageId, $"message {i}");
                var again = await PostUntilAcknowledgedAsync(clientMessageId, $"message {i}");
                Assert.Equal(first.Id, again.Id);
                Assert.Equal(HttpStatusCode.OK, again.Status);
                _acknowledged[clientMessageId] = first.Id;
                Interlocked.Increment(ref _stored);
                await Task.Delay(TimeSpan.FromMilliseconds(100), Ct);
            }

            return _acknowledged;
        }

        public async Task WaitForStoredAsync(int target)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            timeout.CancelAfter(TimeSpan.FromMinutes(2));
            while (Stored < Math.Min(target, Messages))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), timeout.Token);
            }
        }

        private async Task<(Guid Id, HttpStatusCode Status)> PostUntilAcknowledgedAsync(string clientMessageId, string text)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            timeout.CancelAfter(TimeSpan.FromMinutes(2));
            while (true)
            {
                try
                {
                    using var response = await author.Client.PostAsJsonAsync($"/api/chat/rooms/{roomId}/messages", new { text, clientMessageId }, timeout.Token);
                    if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK)
                    {
                        var body = await response.Content.ReadFromJsonAsync<JsonElement>(timeout.Token);
                        return (body.GetProperty("id").GetGuid(), response.StatusCode);
                    }

                    // Only what a restart explains is retried; anything else is a defect.
                    Assert.True((int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.TooManyRequests,
                        $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(timeout.Token)}");
                }
                catch (HttpRequestException)
                {
                    // The connection broke mid-request: the message may or may not be stored; the retry tells.
                }
                catch (TaskCanceledException) when (!timeout.IsCancellationRequested)
                {
                    // The request timed out (it reached a replica as it went down): the same — retry.
                }

                await Task.Delay(TimeSpan.FromMilliseconds(200), timeout.Token);
            }
        }
    }
}
