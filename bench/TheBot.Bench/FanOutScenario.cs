using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace TheBot.Bench;

/// <summary>
/// (4b/4c) The room's members connect (spread over every realtime URL); the poster sends messages
/// through api at a fixed rate; each member records post→receive latency from the timestamp in the
/// text. Reports deliveries per second, loss and latency percentiles.
/// </summary>
internal static class FanOutScenario
{
    public static async Task<int> RunAsync(BenchSettings settings, int messages, int perSecond, CancellationToken cancellationToken)
    {
        var seed = SeedManifest.Load(settings.SeedFile);
        var minter = new TokenMinter(settings.SigningKey);
        var latency = new LatencyRecorder();
        long delivered = 0;
        long lastReceive = 0;

        var connections = seed.Members.Select((member, i) =>
        {
            var connection = RealtimeClients.Create(settings.RealtimeUrls[i % settings.RealtimeUrls.Count], minter.Mint(member.UserId, member.SessionId, member.Role));
            connection.On<JsonElement>("messageCreated", payload =>
            {
                if (FindText(payload) is { } text && text.StartsWith("bench:", StringComparison.Ordinal))
                {
                    var sentTicks = long.Parse(text.AsSpan(text.LastIndexOf(':') + 1), CultureInfo.InvariantCulture);
                    latency.Add(Stopwatch.GetElapsedTime(sentTicks).TotalMilliseconds);
                    Interlocked.Increment(ref delivered);
                    Interlocked.Exchange(ref lastReceive, Stopwatch.GetTimestamp());
                }
            });
            return connection;
        }).ToList();
        using var http = new HttpClient { BaseAddress = new Uri(settings.ApiUrl) };
        // Seeded rooms bypassed api: listing them makes api rebuild each member's room set in Redis,
        // which realtime reads when the member connects.
        foreach (var member in seed.Members)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/chat/rooms");
            request.Headers.Authorization = new("Bearer", minter.Mint(member.UserId, member.SessionId, member.Role));
            using var response = await http.SendAsync(request, cancellationToken);
            response.EnsureSuccessStatusCode();
        }

        await RealtimeClients.StartAllAsync(connections, batch: 50, cancellationToken);

        var poster = new ChatPoster(http, seed.RoomId, minter.Mint(seed.Poster.UserId, seed.Poster.SessionId, seed.Poster.Role));
        var failed = 0;
        var started = Stopwatch.GetTimestamp();
        await ChatPoster.PaceAsync(messages, perSecond, workers: 16, async i =>
        {
            var result = await poster.PostAsync($"bench:{i}:{Stopwatch.GetTimestamp()}", cancellationToken);
            if (!result.Ok)
            {
                Interlocked.Increment(ref failed);
            }
        }, cancellationToken);

        // Drain: wait until deliveries stop growing for two seconds.
        var expected = (long)(messages - failed) * connections.Count;
        for (long seen = -1; Interlocked.Read(ref delivered) != seen && Interlocked.Read(ref delivered) < expected;)
        {
            seen = Interlocked.Read(ref delivered);
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        }

        var seconds = Stopwatch.GetElapsedTime(started, Interlocked.Read(ref lastReceive)).TotalSeconds;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"fanout\treplicas {settings.RealtimeUrls.Count}\tmembers {connections.Count}\tposted {messages - failed}/{messages} at {perSecond}/s\tdelivered {delivered}/{expected} ({delivered / seconds:F0}/s)\tlost {expected - delivered}\t{latency.Summary()}"));

        await Task.WhenAll(connections.Select(c => c.DisposeAsync().AsTask()));
        return delivered == expected ? 0 : 1;
    }

    /// <summary>The message text wherever the event's payload puts it (<c>text</c> or <c>message.text</c>).</summary>
    private static string? FindText(JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var property in payload.EnumerateObject())
        {
            if (property.NameEquals("text") && property.Value.ValueKind == JsonValueKind.String)
            {
                return property.Value.GetString();
            }

            if (property.Value.ValueKind == JsonValueKind.Object && FindText(property.Value) is { } nested)
            {
                return nested;
            }
        }

        return null;
    }
}
