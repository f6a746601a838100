using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace TheBot.Bench;

/// <summary>
/// (4b/4c) The room's members connect (spread over every realtime URL); the poster sends messages
/// through api at a fixed rate; each member records post→receive latency from the timestamp in the
/// text. Reports deliveries per second, loss and latency percentiles. A burst instead has
/// <c>burstConcurrency</c> posters post as fast as they can for <c>burstSeconds</c> (as the peer's fanout.mjs does).
/// With BENCH_RESULTS set, also appends a JSON line in the peer's shape (fields of fanout.mjs's WSRESULT).
/// </summary>
internal static class FanOutScenario
{
    public static async Task<int> RunAsync(
        BenchSettings settings, int messages, int perSecond, string phase, CancellationToken cancellationToken, int burstSeconds = 0, int burstConcurrency = 0)
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
        using var http = ChatPoster.CreateClient(settings.ApiUrl);
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
        var sent = 0;
        var postLatency = new LatencyRecorder();
        var cpu = ProcessCpu.StartFromEnvironment();
        var started = Stopwatch.GetTimestamp();
        async Task PostOneAsync(int i)
        {
            var result = await poster.PostAsync($"bench:{i}:{Stopwatch.GetTimestamp()}", cancellationToken);
            postLatency.Add(result.Milliseconds);
            if (!result.Ok)
            {
                Interlocked.Increment(ref failed);
            }
        }

        if (burstSeconds > 0)
        {
            var end = started + (long)(burstSeconds * (double)Stopwatch.Frequency);
            await Task.WhenAll(Enumerable.Range(0, burstConcurrency).Select(async _ =>
            {
                while (Stopwatch.GetTimestamp() < end)
                {
                    await PostOneAsync(Interlocked.Increment(ref sent) - 1);
                }
            }));
            messages = sent;
        }
        else
        {
            await ChatPoster.PaceOpenAsync(messages, perSecond, PostOneAsync, cancellationToken);
        }

        var postSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;

        // Drain: wait until deliveries stop growing for two seconds.
        var expected = (long)(messages - failed) * connections.Count;
        for (long seen = -1; Interlocked.Read(ref delivered) != seen && Interlocked.Read(ref delivered) < expected;)
        {
            seen = Interlocked.Read(ref delivered);
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        }

        var seconds = Stopwatch.GetElapsedTime(started, Interlocked.Read(ref lastReceive)).TotalSeconds;
        var proc = cpu.Stop();
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"fanout\t{phase}\treplicas {settings.RealtimeUrls.Count}\tmembers {connections.Count}\tposted {messages - failed}/{messages} at {(burstSeconds > 0 ? $"{burstConcurrency} posters for {burstSeconds} s" : $"{perSecond}/s")} (achieved {(messages - failed) / postSeconds:F1}/s)\tdelivered {delivered}/{expected} ({delivered / seconds:F0}/s)\tlost {expected - delivered}\t{latency.Summary()}\tPOST {postLatency.Summary()}"));
        Console.WriteLine(CpuPerUnit(phase, proc, messages - failed, delivered));
        if (Environment.GetEnvironmentVariable("BENCH_RESULTS") is { Length: > 0 } results)
        {
            var record = new Dictionary<string, object?>
            {
                ["kind"] = "fanout", ["phase"] = phase, ["clients"] = connections.Count, ["target_rate"] = burstSeconds > 0 ? null : perSecond,
                ["concurrency"] = burstSeconds > 0 ? burstConcurrency : null, ["replicas"] = settings.RealtimeUrls.Count,
                ["posts_ok"] = messages - failed, ["posts_failed"] = failed, ["post_rate"] = Math.Round((messages - failed) / postSeconds, 2),
                ["post_p50_ms"] = Round(postLatency.Percentile(50)), ["post_p99_ms"] = Round(postLatency.Percentile(99)),
                ["expected_deliveries"] = expected, ["delivered"] = delivered, ["lost"] = expected - delivered,
                ["delivered_per_s"] = Math.Round(delivered / seconds, 2),
                ["latency_p50_ms"] = Round(latency.Percentile(50)), ["latency_p99_ms"] = Round(latency.Percentile(99)), ["latency_max_ms"] = Round(latency.Percentile(100)),
                ["proc"] = proc,
            };
            await File.AppendAllTextAsync(results, JsonSerializer.Serialize(record) + "\n", cancellationToken);
        }

        await Task.WhenAll(connections.Select(c => c.DisposeAsync().AsTask()));
        return delivered == expected ? 0 : 1;
    }

    /// <summary>
    /// Each process's CPU per accepted post (ms) and per delivery (µs) over the phase: robust to a shared, noisy
    /// machine where rates are not. <c>bench</c> is this process (the 100 clients and the poster).
    /// </summary>
    private static string CpuPerUnit(string phase, Dictionary<string, object> proc, int posts, long deliveries)
    {
        var parts = proc
            .Where(p => p.Value is Dictionary<string, double> figures && figures.ContainsKey("cpu_s"))
            .Select(p => (Name: p.Key, Seconds: ((Dictionary<string, double>)p.Value)["cpu_s"]))
            .Select(p => string.Create(CultureInfo.InvariantCulture,
                $"{p.Name} {(posts == 0 ? double.NaN : p.Seconds * 1000 / posts):F2} ms/post {(deliveries == 0 ? double.NaN : p.Seconds * 1_000_000 / deliveries):F1} µs/delivery"));
        return $"fanout-cpu\t{phase}\t{string.Join("\t", parts)}";
    }

    private static double? Round(double value) => double.IsNaN(value) ? null : Math.Round(value, 2);

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
