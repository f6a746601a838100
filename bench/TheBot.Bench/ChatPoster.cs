using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace TheBot.Bench;

/// <summary>Posts chat messages through the REST API at a paced rate, as the SPA does.</summary>
internal sealed class ChatPoster(HttpClient http, Guid roomId, string token)
{
    public async Task<(bool Ok, double Milliseconds, int Status)> PostAsync(string text, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/chat/rooms/{roomId}/messages")
        {
            Content = JsonContent.Create(new { text, clientMessageId = Guid.NewGuid().ToString() }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var started = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(request, cancellationToken);
        return (response.IsSuccessStatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds, (int)response.StatusCode);
    }

    /// <summary>
    /// Starts <paramref name="send"/> <paramref name="total"/> times at <paramref name="perSecond"/>, each at its due time
    /// whether or not the earlier ones have been answered (open loop, as the peer's fanout.mjs posts): the offered rate is
    /// the rate asked for, not what a fixed number of waiting workers allows (16 workers offered at most 16 ÷ the POST
    /// latency, ~310/s at 51 ms, which is what capped the "600/s" phase at 284/s). Returns when every post is answered.
    /// </summary>
    public static async Task PaceOpenAsync(int total, int perSecond, Func<int, Task> send, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var inFlight = new List<Task>(total);
        for (var i = 0; i < total; i++)
        {
            var wait = TimeSpan.FromSeconds(i / (double)perSecond) - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken);
            }

            inFlight.Add(send(i));
        }

        await Task.WhenAll(inFlight);
    }

    /// <summary>Calls <paramref name="send"/> <paramref name="total"/> times at <paramref name="perSecond"/>, from <paramref name="workers"/> tasks (closed loop).</summary>
    public static async Task PaceAsync(int total, int perSecond, int workers, Func<int, Task> send, CancellationToken cancellationToken)
    {
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < total)
            {
                var due = TimeSpan.FromSeconds(i / (double)perSecond);
                var wait = due - clock.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, cancellationToken);
                }

                await send(i);
            }
        }));
    }

    /// <summary>The poster's HTTP client: keep-alive connections, up to 256 at once (the peer's agent allows as many).</summary>
    public static HttpClient CreateClient(string baseUrl) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1) })
        {
            BaseAddress = new Uri(baseUrl),
        };
}
