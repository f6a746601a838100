using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using StackExchange.Redis;
using TheBot.Realtime.Contracts;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Realtime;

/// <summary>Publishes an event on Redis the way api does and waits for a hub client to receive it.</summary>
internal static class RealtimeProbe
{
    public static async Task AssertEventRoundTripAsync(TestAppHost host, CancellationToken ct)
    {
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(host.WebEndpoint, "/hubs/realtime"), options => options.Transports = HttpTransportType.WebSockets)
            .Build();
        var received = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        var marker = Guid.NewGuid().ToString();
        connection.On<JsonElement>("systemNotice", payload =>
        {
            if (payload.GetProperty("marker").GetString() == marker)
            {
                received.TrySetResult(payload);
            }
        });
        await connection.StartAsync(ct);

        await using var redis = await ConnectionMultiplexer.ConnectAsync(await host.GetConnectionStringAsync("redis"));
        var envelope = new RealtimeEnvelope(
            Guid.CreateVersion7(), RealtimeEnvelope.CurrentVersion, "systemNotice", RealtimeAudience.ToEveryone(),
            JsonSerializer.SerializeToElement(new { marker }), DateTimeOffset.UtcNow);
        await redis.GetSubscriber().PublishAsync(
            RedisChannel.Literal(RealtimeChannels.Events), JsonSerializer.SerializeToUtf8Bytes(envelope, RealtimeJson.Options));

        var payload = await received.Task.WaitAsync(TimeSpan.FromSeconds(15), ct);
        Assert.Equal(marker, payload.GetProperty("marker").GetString());
    }
}
