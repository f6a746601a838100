using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using StackExchange.Redis;
using TheBot.Realtime.Contracts;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Realtime;

/// <summary>Connects a hub client through the front door and publishes events on Redis the way api does.</summary>
internal static class RealtimeProbe
{
    public static HubConnection Connect(TestAppHost host, string? accessToken) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(host.WebEndpoint, "/hubs/realtime"), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                if (accessToken is not null)
                {
                    options.AccessTokenProvider = () => Task.FromResult<string?>(accessToken);
                }
            })
            .Build();

    public static async Task PublishAsync(TestAppHost host, string eventName, RealtimeAudience audience, object payload)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(await host.GetConnectionStringAsync("redis"));
        var envelope = new RealtimeEnvelope(
            Guid.CreateVersion7(), RealtimeEnvelope.CurrentVersion, eventName, audience,
            JsonSerializer.SerializeToElement(payload, RealtimeJson.Options), DateTimeOffset.UtcNow);
        await redis.GetSubscriber().PublishAsync(
            RedisChannel.Literal(RealtimeChannels.Events), JsonSerializer.SerializeToUtf8Bytes(envelope, RealtimeJson.Options));
    }

    /// <summary>Publishes the events back to back on one Redis connection (pipelined, in this order), as a busy api does.</summary>
    public static async Task PublishManyAsync(TestAppHost host, IEnumerable<(string EventName, RealtimeAudience Audience, object Payload)> events)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(await host.GetConnectionStringAsync("redis"));
        var subscriber = redis.GetSubscriber();
        var channel = RedisChannel.Literal(RealtimeChannels.Events);
        await Task.WhenAll(events.Select(e => subscriber.PublishAsync(channel, JsonSerializer.SerializeToUtf8Bytes(
            new RealtimeEnvelope(Guid.CreateVersion7(), RealtimeEnvelope.CurrentVersion, e.EventName, e.Audience,
                JsonSerializer.SerializeToElement(e.Payload, RealtimeJson.Options), DateTimeOffset.UtcNow),
            RealtimeJson.Options))).ToList());
    }

    /// <summary>A signed-in user connects; an event for them published on Redis reaches the socket.</summary>
    public static async Task AssertEventRoundTripAsync(TestAppHost host, SignedIn user, CancellationToken ct)
    {
        await using var connection = Connect(host, user.AccessToken);
        var received = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        var marker = Guid.NewGuid().ToString();
        connection.On<JsonElement>("systemNotice", payload =>
        {
            if (payload.GetProperty("marker").GetString() == marker)
            {
                received.TrySetResult(payload);
            }
        });
        await connection.StartJoinedAsync(ct);

        await PublishAsync(host, "systemNotice", RealtimeAudience.ToUsers(user.Id), new { marker });

        var payload = await received.Task.WaitAsync(TimeSpan.FromSeconds(15), ct);
        Assert.Equal(marker, payload.GetProperty("marker").GetString());
    }
}
