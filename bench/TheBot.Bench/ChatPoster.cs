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

    /// <summary>Calls <paramref name="send"/> <paramref name="total"/> times at <paramref name="perSecond"/>, from <paramref name="workers"/> tasks.</summary>
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
}
