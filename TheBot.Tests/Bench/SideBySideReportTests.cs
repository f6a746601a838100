using TheBot.Bench.Report;

namespace TheBot.Tests.Bench;

/// <summary>
/// The benchmark's side-by-side report (bench/TheBot.Bench/Report): ratios TheBot ÷ peer, lossless capacity and the
/// targets of issues #17 and #18, from JSON lines in the shape bench/run.sh and the peer's bench.sh write.
/// Pure logic: needs neither the services nor the old stack.
/// </summary>
public sealed class SideBySideReportTests
{
    private static string Http(string endpoint, string via, double rps, double p99, string proc = """{"api": {"cpu_pct": 100}, "machine": {"busy_pct": 99}}""") =>
        $$"""{"kind": "http", "endpoint": "{{endpoint}}", "via": "{{via}}", "wrk": {"requests": 1000, "rps": {{rps}}, "p50_ms": 5, "p99_ms": {{p99}}, "max_ms": 90, "errors_connect": 0, "errors_read": 0, "errors_write": 0, "errors_timeout": 0, "errors_status": 0, "bytes_per_response": 1700}, "proc": {{proc}}}""";

    private static string FanOut(string phase, double postRate, long lost, double p99 = 20, int failed = 0) =>
        $$"""{"kind": "fanout", "phase": "{{phase}}", "target_rate": {{postRate}}, "posts_ok": 100, "posts_failed": {{failed}}, "post_rate": {{postRate}}, "post_p50_ms": 8, "post_p99_ms": 20, "expected_deliveries": 10000, "delivered": {{10000 - lost}}, "lost": {{lost}}, "delivered_per_s": 4000, "latency_p50_ms": 10, "latency_p99_ms": {{p99}}, "latency_max_ms": 100, "proc": {{FanOutProc}}}""";

    private const string FanOutProc = """{"daphne": {"cpu_pct": 64.5}, "machine": {"busy_pct": 68}}""";

    private static StackResults Peer() => StackResults.Parse(
    [
        Http("lessons", "direct", 250, 280),
        Http("lessons", "nginx", 240, 300),
        Http("rooms100", "direct", 157, 500),
        FanOut("rate40", 40, 0, 80),
        FanOut("rate60", 60, 0, 85),
        FanOut("rate80", 80, 300, 1300),
        FanOut("burst", 136, 69_900, 2000),
        """{"kind": "startup", "service": "gunicorn", "seconds": 0.42}""",
        """{"kind": "idle_rss", "service": "gunicorn", "mib": 305}""",
        """{"kind": "idle_rss", "service": "daphne", "mib": 76}""",
    ]);

    private static List<string> FastTheBot() =>
    [
        Http("lessons", "direct", 5_500, 15),
        Http("lessons", "yarp", 4_000, 19),
        Http("lessons", "nginx", 3_900, 18),
        Http("rooms100", "direct", 1_600, 25),
        FanOut("rate40", 40, 0, 30),
        FanOut("rate60", 60, 0, 45),
        FanOut("burst", 700, 0, 300),
        """{"kind": "fresh", "wrk": {"rps": 4000, "p99_ms": 40}}""",
        """{"kind": "fresh", "wrk": {"rps": 5200, "p99_ms": 20}}""",
        """{"kind": "startup", "service": "api", "seconds": 1.2}""",
        """{"kind": "startup", "service": "realtime", "seconds": 0.9}""",
        """{"kind": "startup", "service": "web", "seconds": 0.8}""",
        """{"kind": "idle_rss", "service": "api", "mib": 110}""",
        """{"kind": "idle_rss", "service": "realtime", "mib": 70}""",
        """{"kind": "idle_rss", "service": "web", "mib": 60}""",
        """{"kind": "idle_connections", "count": 10000, "connected": 10000, "after_mib": 300, "per_connection_kib": 24}""",
    ];

    [Fact]
    public void A_ratio_is_TheBot_over_the_peer_and_missing_when_either_side_is()
    {
        Assert.Equal(10.0, Ratio.Of(2_500, 250));
        Assert.Null(Ratio.Of(2_500, null));
        Assert.Null(Ratio.Of(null, 250));
        Assert.Null(Ratio.Of(2_500, 0));
        Assert.Equal("10×", Ratio.Format(10.04));
        Assert.Equal("0.91×", Ratio.Format(0.912));
        Assert.Equal("–", Ratio.Format(null));
    }

    [Fact]
    public void Both_sides_records_are_read_in_one_shape_with_CPU_per_request()
    {
        var peer = StackResults.Parse([Http("lessons", "direct", 250, 280, """{"gunicorn": {"cpu_pct": 159, "peak_rss_mb": 393}, "nginx": {"cpu_pct": 6.5}, "machine": {"busy_pct": 100}}""")]);

        var run = Assert.Single(peer.Http);
        Assert.Equal(250, run.Wrk.Rps);
        Assert.Equal(1700, run.Wrk.BytesPerResponse);
        Assert.Equal(100, run.MachineBusyPct);
        Assert.Equal(159 * 10 / 250.0, run.CpuMsPerRequest("gunicorn")!.Value, 6); // 6.36 ms of gunicorn per request
        Assert.Null(run.CpuMsPerRequest("api"));
    }

    [Fact]
    public void Lossless_capacity_is_the_highest_post_rate_of_a_phase_that_lost_nothing()
    {
        Assert.Equal(60, Peer().LosslessPostRate());
        Assert.Null(StackResults.Parse([FanOut("rate40", 40, 100)]).LosslessPostRate());
    }

    [Fact]
    public void A_run_that_reaches_every_target_is_judged_met_on_each()
    {
        var checks = Targets.Evaluate(StackResults.Parse(FastTheBot()), Peer());

        Assert.Equal(13, checks.Count);
        Assert.All(checks, c => Assert.True(c.Met, $"{c.Target}: {c.Measured}"));
    }

    [Fact]
    public void Targets_below_their_mark_are_not_met_and_say_what_was_measured()
    {
        var lines = FastTheBot();
        lines.Add(Http("lessons", "direct", 2_600, 66));       // 10.4× the peer, p99 66 ms: the later record wins
        lines.Add(Http("lessons", "yarp", 1_900, 83));
        lines.Add(FanOut("burst", 500, 100));                  // a burst that lost a message
        lines.Add("""{"kind": "idle_rss", "service": "api", "mib": 177}""");
        var checks = Targets.Evaluate(StackResults.Parse(lines), Peer()).ToDictionary(c => c.Target);

        var direct = checks["lessons of a week, direct: ≥ 20× the peer's req/s"];
        Assert.False(direct.Met);
        Assert.Equal("10×", direct.Measured);
        Assert.False(checks["lessons of a week: p99 ≤ 20 ms at 64 connections (direct and front door)"].Met);
        Assert.Equal("83.0 ms (worse of the two)", checks["lessons of a week: p99 ≤ 20 ms at 64 connections (direct and front door)"].Measured);
        Assert.False(checks["YARP ≥ nginx over the same api (req/s ratio ≥ 1.0)"].Met);
        Assert.False(checks["burst of 16 concurrent posters for 10 s: every accepted message delivered to every member"].Met);
        Assert.False(checks["idle RSS of api + realtime + web ≤ 250 MB together"].Met);
        Assert.True(checks["at 40 posts/s: p99 post→receive ≤ 50 ms"].Met);
    }

    [Fact]
    public void Without_the_peer_ratio_targets_are_not_measured_but_absolute_ones_are_judged()
    {
        var lines = FastTheBot();
        lines.RemoveAll(l => l.Contains("idle_connections", StringComparison.Ordinal));
        lines.Add("""{"kind": "idle_connections", "count": 1000, "connected": 1000, "after_mib": 130, "per_connection_kib": 28}""");
        var checks = Targets.Evaluate(StackResults.Parse(lines), new StackResults()).ToDictionary(c => c.Target);

        Assert.Null(checks["lessons of a week, direct: ≥ 20× the peer's req/s"].Met);
        Assert.Null(checks["lossless fan-out into a 100-member room ≥ 10× the peer's post rate"].Met);
        Assert.Null(checks["100-room chat list: ≥ 10× the peer's req/s with p99 ≤ 30 ms"].Met);
        Assert.Null(checks["10,000 idle connections on one realtime ≤ 320 MB (≤ 32 KiB each)"].Met); // only 1,000 measured
        Assert.True(checks["YARP ≥ nginx over the same api (req/s ratio ≥ 1.0)"].Met);
        Assert.True(checks["each service healthy ≤ 1.5 s after its process starts"].Met);
    }

    [Fact]
    public void A_fresh_api_is_at_full_speed_when_its_second_five_seconds_reach_ninety_percent_of_the_warmed_up_rate()
    {
        const string Target = "a fresh api at full speed within 5 s of taking traffic (5–10 s window ≥ 90 % of the warmed-up req/s)";
        var lines = FastTheBot();
        Assert.True(Targets.Evaluate(StackResults.Parse(lines), Peer()).Single(c => c.Target == Target).Met); // 5,200 of 5,500

        lines.RemoveAll(l => l.Contains("\"fresh\"", StringComparison.Ordinal));
        lines.Add("""{"kind": "fresh", "wrk": {"rps": 110, "p99_ms": 3700}}""");
        lines.Add("""{"kind": "fresh", "wrk": {"rps": 900, "p99_ms": 900}}""");
        Assert.False(Targets.Evaluate(StackResults.Parse(lines), Peer()).Single(c => c.Target == Target).Met);
    }

    [Fact]
    public void The_tables_put_each_ratio_next_to_both_figures()
    {
        var markdown = SideBySideReport.Render(StackResults.Parse(FastTheBot()), Peer());

        Assert.Contains("| lessons of the week (20) | direct (api / gunicorn) | 5500 | 250 | 22× |", markdown, StringComparison.Ordinal);
        Assert.Contains("| lessons of the week (20) | front door (YARP / nginx) | 4000 | 240 | 17× |", markdown, StringComparison.Ordinal);
        Assert.Contains("| 60/s | 60.0 (0 refused) / 60.0 | 1.00× | 10.0 / 45.0 | 10.0 / 85.0 |", markdown, StringComparison.Ordinal);
        Assert.Contains("**240 / 381**", markdown, StringComparison.Ordinal); // idle app processes: api + realtime + web vs gunicorn + daphne
        Assert.Contains("| #18 | lessons of a week, direct: ≥ 20× the peer's req/s | 22× | **met** |", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("PEER_DIR=none", markdown, StringComparison.Ordinal);
        Assert.Contains("PEER_DIR=none", SideBySideReport.Render(StackResults.Parse(FastTheBot()), null), StringComparison.Ordinal);
    }
}
