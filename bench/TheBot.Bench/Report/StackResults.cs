using System.Globalization;
using System.Text.Json;

namespace TheBot.Bench.Report;

/// <summary>
/// One stack's figures from one run (TheBot's or the old Django stack's), read from the JSON lines
/// bench/run.sh writes for each side in the same shape: <c>http</c>, <c>fanout</c>, <c>fresh</c>,
/// <c>startup</c>, <c>idle_rss</c> and <c>idle_connections</c> records.
/// </summary>
internal sealed class StackResults
{
    public List<HttpRun> Http { get; } = [];

    public List<FanOutRun> FanOut { get; } = [];

    /// <summary>A freshly started api (or gunicorn) under load: its consecutive 5-second windows, first first.</summary>
    public List<WrkFigures> Fresh { get; } = [];

    public Dictionary<string, double> StartupSeconds { get; } = [];

    public Dictionary<string, double> IdleRssMib { get; } = [];

    public List<IdleConnectionsRun> IdleConnections { get; } = [];

    public static StackResults Load(string path) => File.Exists(path) ? Parse(File.ReadLines(path)) : new StackResults();

    public static StackResults Parse(IEnumerable<string> lines)
    {
        var results = new StackResults();
        foreach (var line in lines.Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            using var document = JsonDocument.Parse(line);
            var record = document.RootElement;
            switch (record.GetProperty("kind").GetString())
            {
                case "http":
                    results.Http.Add(new HttpRun(
                        record.GetProperty("endpoint").GetString()!,
                        record.GetProperty("via").GetString()!,
                        WrkFigures.From(record.GetProperty("wrk")),
                        ProcessCpu(record),
                        MachineBusy(record)));
                    break;
                case "fanout":
                    results.FanOut.Add(FanOutRun.From(record, ProcessCpu(record), MachineBusy(record)));
                    break;
                case "fresh":
                    results.Fresh.Add(WrkFigures.From(record.GetProperty("wrk")));
                    break;
                case "startup":
                    results.StartupSeconds[record.GetProperty("service").GetString()!] = record.GetProperty("seconds").GetDouble();
                    break;
                case "idle_rss":
                    results.IdleRssMib[record.GetProperty("service").GetString()!] = record.GetProperty("mib").GetDouble();
                    break;
                case "idle_connections":
                    results.IdleConnections.Add(new IdleConnectionsRun(
                        record.GetProperty("count").GetInt32(),
                        record.GetProperty("connected").GetInt32(),
                        record.GetProperty("after_mib").GetDouble(),
                        record.GetProperty("per_connection_kib").GetDouble()));
                    break;
                default:
                    break;
            }
        }

        return results;
    }

    public HttpRun? FindHttp(string endpoint, string via) =>
        Http.LastOrDefault(r => r.Endpoint == endpoint && r.Via == via);

    public FanOutRun? FindFanOut(string phase) => FanOut.LastOrDefault(r => r.Phase == phase);

    /// <summary>
    /// The highest post rate achieved in a phase that lost nothing: the lossless fan-out capacity.
    /// A phase that stored no post says nothing about capacity.
    /// </summary>
    public double? LosslessPostRate() =>
        FanOut.Where(r => r.Lost == 0 && r.PostsOk > 0).Select(r => (double?)r.PostRate).Max();

    /// <summary>Per-process CPU (100 = one core) from the record's <c>proc</c> object, as the peer's procstat.py writes it.</summary>
    private static Dictionary<string, double> ProcessCpu(JsonElement record)
    {
        var cpu = new Dictionary<string, double>();
        if (record.TryGetProperty("proc", out var proc) && proc.ValueKind == JsonValueKind.Object)
        {
            foreach (var process in proc.EnumerateObject())
            {
                if (process.Value.ValueKind == JsonValueKind.Object && process.Value.TryGetProperty("cpu_pct", out var pct) && pct.ValueKind == JsonValueKind.Number)
                {
                    cpu[process.Name] = pct.GetDouble();
                }
            }
        }

        return cpu;
    }

    private static double? MachineBusy(JsonElement record) =>
        record.TryGetProperty("proc", out var proc) && proc.ValueKind == JsonValueKind.Object
        && proc.TryGetProperty("machine", out var machine) && machine.TryGetProperty("busy_pct", out var busy) && busy.ValueKind == JsonValueKind.Number
            ? busy.GetDouble()
            : null;

    internal static double? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    internal static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>What wrk reported (both sides' wrk scripts print the same RESULT JSON).</summary>
internal sealed record WrkFigures(double Rps, double P50Ms, double P99Ms, double MaxMs, long Requests, long Errors, double BytesPerResponse)
{
    private static readonly string[] ErrorFields = ["errors_connect", "errors_read", "errors_write", "errors_timeout", "errors_status"];

    public static WrkFigures From(JsonElement wrk)
    {
        double Get(string name) => StackResults.Number(wrk, name) ?? 0;
        var errors = ErrorFields.Sum(e => (long)Get(e));
        return new WrkFigures(Get("rps"), Get("p50_ms"), Get("p99_ms"), Get("max_ms"), (long)Get("requests"), errors, Get("bytes_per_response"));
    }
}

/// <summary>One read scenario: an endpoint through one door (direct, yarp or nginx), with CPU % per process over the run.</summary>
internal sealed record HttpRun(string Endpoint, string Via, WrkFigures Wrk, IReadOnlyDictionary<string, double> CpuPct, double? MachineBusyPct)
{
    /// <summary>Milliseconds of a process's CPU per request served: CPU % (100 = one core) × 10 ÷ req/s.</summary>
    public double? CpuMsPerRequest(string process) =>
        CpuPct.TryGetValue(process, out var pct) && Wrk.Rps > 0 ? pct * 10 / Wrk.Rps : null;
}

/// <summary>One fan-out phase into a 100-member room: posts at a rate (or a burst), deliveries, loss and latency.</summary>
internal sealed record FanOutRun(
    string Phase, double? TargetRate, int PostsOk, int PostsFailed, double PostRate, double? PostP50Ms, double? PostP99Ms,
    long Expected, long Delivered, long Lost, double DeliveredPerSecond, double? LatencyP50Ms, double? LatencyP99Ms,
    IReadOnlyDictionary<string, double> CpuPct, double? MachineBusyPct)
{
    public static FanOutRun From(JsonElement r, IReadOnlyDictionary<string, double> cpu, double? busy)
    {
        double Get(string name) => StackResults.Number(r, name) ?? 0;
        return new FanOutRun(
            r.GetProperty("phase").GetString()!, StackResults.Number(r, "target_rate"), (int)Get("posts_ok"), (int)Get("posts_failed"), Get("post_rate"),
            StackResults.Number(r, "post_p50_ms"), StackResults.Number(r, "post_p99_ms"),
            (long)Get("expected_deliveries"), (long)Get("delivered"), (long)Get("lost"), Get("delivered_per_s"),
            StackResults.Number(r, "latency_p50_ms"), StackResults.Number(r, "latency_p99_ms"), cpu, busy);
    }
}

internal sealed record IdleConnectionsRun(int Count, int Connected, double AfterMib, double PerConnectionKib);
