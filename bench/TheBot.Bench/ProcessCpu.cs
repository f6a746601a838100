using System.Globalization;

namespace TheBot.Bench;

/// <summary>
/// CPU used by named groups of processes between two moments, from /proc (Linux), in the shape the peer's
/// procstat.py writes: <c>{"api": {"cpu_pct": …}, …, "machine": {"busy_pct": …}}</c> (100 % = one core).
/// Groups come from BENCH_PIDS, e.g. <c>api=12,realtime=34,postgres=56+57+58</c> (bench/run.sh sets it); the benchmark's
/// own process is always measured as <c>bench</c> (its clients share the cores with the services). Each group also
/// gets <c>cpu_s</c>, its CPU seconds over the window, for CPU per unit of work.
/// </summary>
internal sealed class ProcessCpu
{
    private static readonly double TicksPerSecond = 100; // USER_HZ; the same on every Linux the harness runs on
    private readonly Dictionary<string, int[]> _groups;
    private readonly Dictionary<string, long> _start;
    private readonly (long Busy, long Total) _machineStart;
    private readonly long _startedAt = System.Diagnostics.Stopwatch.GetTimestamp();

    private ProcessCpu(Dictionary<string, int[]> groups)
    {
        _groups = groups;
        _start = groups.ToDictionary(g => g.Key, g => g.Value.Sum(Ticks));
        _machineStart = Machine();
    }

    public static ProcessCpu StartFromEnvironment()
    {
        var groups = (Environment.GetEnvironmentVariable("BENCH_PIDS") ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(g => g.Split('=', 2))
            .Where(g => g.Length == 2)
            .ToDictionary(g => g[0], g => g[1].Split('+', StringSplitOptions.RemoveEmptyEntries).Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray());
        groups.TryAdd("bench", [Environment.ProcessId]);
        return new ProcessCpu(groups);
    }

    /// <summary>CPU % of each group and the machine's busy % since this instance was created.</summary>
    public Dictionary<string, object> Stop()
    {
        var seconds = System.Diagnostics.Stopwatch.GetElapsedTime(_startedAt).TotalSeconds;
        var result = new Dictionary<string, object>();
        foreach (var (name, pids) in _groups)
        {
            var used = (pids.Sum(Ticks) - _start[name]) / TicksPerSecond;
            result[name] = new Dictionary<string, double> { ["cpu_pct"] = Math.Round(100 * used / seconds, 1), ["cpu_s"] = Math.Round(used, 2) };
        }

        var (busy, total) = Machine();
        result["machine"] = new Dictionary<string, double> { ["busy_pct"] = Math.Round(100.0 * (busy - _machineStart.Busy) / Math.Max(1, total - _machineStart.Total), 1) };
        return result;
    }

    /// <summary>utime + stime of a process (0 once it has gone).</summary>
    private static long Ticks(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static (long Busy, long Total) Machine()
    {
        var values = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var total = values.Sum();
        return (total - values[3] - values[4], total);
    }
}
