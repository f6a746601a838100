using System.Globalization;

namespace TheBot.Bench;

/// <summary>(3) Posts chat messages (persist + publish) at increasing rates; prints latency per step to show where it bends.</summary>
internal static class WriteRampScenario
{
    public static async Task<int> RunAsync(BenchSettings settings, IReadOnlyList<int> rates, TimeSpan step, CancellationToken cancellationToken)
    {
        var seed = SeedManifest.Load(settings.SeedFile);
        var minter = new TokenMinter(settings.SigningKey);
        using var http = new HttpClient { BaseAddress = new Uri(settings.ApiUrl) };
        var poster = new ChatPoster(http, seed.RoomId, minter.Mint(seed.Poster.UserId, seed.Poster.SessionId, seed.Poster.Role));

        foreach (var rate in rates)
        {
            var latency = new LatencyRecorder();
            var errors = 0;
            var total = (int)(rate * step.TotalSeconds);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await ChatPoster.PaceAsync(total, rate, workers: Math.Clamp(rate / 25, 4, 128), async i =>
            {
                var result = await poster.PostAsync($"ramp {rate}/s #{i}", cancellationToken);
                latency.Add(result.Milliseconds);
                if (!result.Ok)
                {
                    Interlocked.Increment(ref errors);
                }
            }, cancellationToken);
            var achieved = total / clock.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"writes\ttarget {rate}/s\tachieved {achieved:F0}/s\terrors {errors}\t{latency.Summary()}"));
            if (achieved < rate / 2.0)
            {
                // Latency has bent: higher targets would only queue (and take minutes to drain).
                break;
            }
        }

        return 0;
    }
}
