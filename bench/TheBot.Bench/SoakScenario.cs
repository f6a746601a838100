using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;

namespace TheBot.Bench;

/// <summary>
/// (Resilience) A steady mix through the front door for a long time: the week's lessons and the chat list
/// (reads, 9 in 10) and chat posts (1 in 10), at a fixed rate. Prints memory of each service 20 times over the run and,
/// at the end, errors and latency; exits non-zero on any error or when a service's memory kept growing
/// (last third's average more than 20% above the first third's, after warm-up).
/// </summary>
internal static class SoakScenario
{
    public static async Task<int> RunAsync(
        BenchSettings settings, string lessonsPath, int perSecond, TimeSpan duration, IReadOnlyDictionary<string, int> services, CancellationToken cancellationToken)
    {
        var seed = SeedManifest.Load(settings.SeedFile);
        var minter = new TokenMinter(settings.SigningKey);
        using var http = new HttpClient { BaseAddress = new Uri(settings.ApiUrl), Timeout = TimeSpan.FromSeconds(30) };
        var lessonsToken = minter.Mint(seed.LessonReader.UserId, seed.LessonReader.SessionId, seed.LessonReader.Role);
        var chatToken = minter.Mint(seed.ChatReader.UserId, seed.ChatReader.SessionId, seed.ChatReader.Role);
        var poster = new ChatPoster(http, seed.RoomId, minter.Mint(seed.Poster.UserId, seed.Poster.SessionId, seed.Poster.Role));

        var latency = new LatencyRecorder();
        var errors = 0;
        var statuses = new System.Collections.Concurrent.ConcurrentDictionary<int, int>();
        var samples = services.ToDictionary(s => s.Key, _ => new List<long>());
        using var sampling = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // Twenty samples whatever the length, so that even the short run can judge the trend.
        var sampleEvery = TimeSpan.FromSeconds(Math.Max(3, duration.TotalSeconds / 20));
        var sampler = SampleAsync(services, samples, sampleEvery, sampling.Token);

        var total = (int)(perSecond * duration.TotalSeconds);
        var clock = Stopwatch.StartNew();
        await ChatPoster.PaceAsync(total, perSecond, workers: Math.Clamp(perSecond / 10, 8, 256), async i =>
        {
            (bool Ok, double Milliseconds, int Status) result;
            try
            {
                result = (i % 10) switch
                {
                    0 => await poster.PostAsync($"soak #{i}", cancellationToken),
                    1 or 2 or 3 => await GetAsync(http, "/api/chat/rooms?pageSize=100", chatToken, cancellationToken),
                    _ => await GetAsync(http, lessonsPath, lessonsToken, cancellationToken),
                };
            }
            catch (HttpRequestException)
            {
                result = (false, 0, 0);
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                result = (false, 30_000, 0);
            }

            latency.Add(result.Milliseconds);
            if (!result.Ok)
            {
                Interlocked.Increment(ref errors);
                statuses.AddOrUpdate(result.Status, 1, (_, n) => n + 1);
            }
        }, cancellationToken);
        var achieved = total / clock.Elapsed.TotalSeconds;
        await sampling.CancelAsync();
        await sampler;

        var growing = new List<string>();
        foreach (var (name, values) in samples)
        {
            var third = values.Count / 3;
            var first = values.Skip(1).Take(third).DefaultIfEmpty().Average() / (1024 * 1024);
            var last = values.TakeLast(third).DefaultIfEmpty().Average() / (1024 * 1024);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"soak\t{name} RSS MiB every {sampleEvery.TotalSeconds:F0} s\t{string.Join(' ', values.Select(v => v / (1024 * 1024)))}\tfirst third {first:F0}, last third {last:F0}"));
            if (third >= 2 && last > first * 1.2)
            {
                growing.Add(name);
            }
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"soak\ttarget {perSecond}/s for {duration.TotalMinutes:F0} min\tachieved {achieved:F0}/s\terrors {errors}" +
            $"{(statuses.IsEmpty ? "" : " (" + string.Join(", ", statuses.Select(s => $"{s.Key}: {s.Value}")) + ")")}\t{latency.Summary()}" +
            $"\tmemory {(growing.Count == 0 ? "flat" : "GROWING: " + string.Join(", ", growing))}"));
        return errors == 0 && growing.Count == 0 ? 0 : 1;
    }

    private static async Task<(bool Ok, double Milliseconds, int Status)> GetAsync(HttpClient http, string path, string token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var started = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        return (response.IsSuccessStatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds, (int)response.StatusCode);
    }

    private static async Task SampleAsync(
        IReadOnlyDictionary<string, int> services, Dictionary<string, List<long>> samples, TimeSpan every, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(every);
        try
        {
            do
            {
                foreach (var (name, pid) in services)
                {
                    samples[name].Add(ProcessMemory.ResidentBytes(pid));
                }
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException)
        {
        }
    }
}
