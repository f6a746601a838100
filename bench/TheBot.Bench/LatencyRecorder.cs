using System.Collections.Concurrent;
using System.Globalization;

namespace TheBot.Bench;

/// <summary>Collects latencies (milliseconds) from many threads and reports percentiles.</summary>
internal sealed class LatencyRecorder
{
    private readonly ConcurrentBag<double> _samples = [];

    public int Count => _samples.Count;

    public void Add(double milliseconds) => _samples.Add(milliseconds);

    public double Percentile(double p)
    {
        var sorted = _samples.ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        Array.Sort(sorted);
        var index = (int)Math.Ceiling(p / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Length - 1)];
    }

    public string Summary() => string.Create(
        CultureInfo.InvariantCulture,
        $"p50 {Percentile(50):F2} ms, p99 {Percentile(99):F2} ms, max {Percentile(100):F2} ms ({Count} samples)");
}
