namespace TheBot.Bench.Report;

/// <summary>
/// The targets of issues #17 (chat at scale) and #18 (reads, front door, footprint), judged on one run's figures.
/// Ratios compare TheBot with the peer measured in the same run; without the peer those targets are "not measured".
/// </summary>
internal static class Targets
{
    /// <summary>"Full speed" for a fresh api: its 5–10 s window reaches this share of the warmed-up direct figure.</summary>
    public const double FullSpeedShare = 0.9;

    private static readonly string[] AppServices = ["api", "realtime", "web"];
    private static readonly int[] LatencyRates = [40, 60];

    public static IReadOnlyList<TargetCheck> Evaluate(StackResults theBot, StackResults peer)
    {
        var checks = new List<TargetCheck>();
        var lessonsDirect = theBot.FindHttp("lessons", "direct");
        var lessonsYarp = theBot.FindHttp("lessons", "yarp");
        var lessonsNginx = theBot.FindHttp("lessons", "nginx");

        checks.Add(RatioAtLeast("#18", "lessons of a week, direct: ≥ 20× the peer's req/s", lessonsDirect?.Wrk.Rps, peer.FindHttp("lessons", "direct")?.Wrk.Rps, 20));
        checks.Add(RatioAtLeast("#18", "lessons of a week, front door (YARP vs the peer's nginx): ≥ 15×", lessonsYarp?.Wrk.Rps, peer.FindHttp("lessons", "nginx")?.Wrk.Rps, 15));
        checks.Add(AtMost("#18", "lessons of a week: p99 ≤ 20 ms at 64 connections (direct and front door)",
            Max(lessonsDirect?.Wrk.P99Ms, lessonsYarp?.Wrk.P99Ms), 20, "ms (worse of the two)"));
        checks.Add(RatioAtLeast("#18", "YARP ≥ nginx over the same api (req/s ratio ≥ 1.0)", lessonsYarp?.Wrk.Rps, lessonsNginx?.Wrk.Rps, 1.0));
        checks.Add(FreshApi(theBot, lessonsDirect));
        checks.Add(AtMost("#18", "each service healthy ≤ 1.5 s after its process starts",
            theBot.StartupSeconds.Count == 0 ? null : theBot.StartupSeconds.Values.Max(), 1.5,
            "s (slowest: " + string.Join(", ", theBot.StartupSeconds.Select(s => StackResults.Invariant($"{s.Key} {s.Value:F2}"))) + ")"));
        var idle = AppServices.Select(s => theBot.IdleRssMib.TryGetValue(s, out var v) ? v : (double?)null).ToList();
        checks.Add(AtMost("#18", "idle RSS of api + realtime + web ≤ 250 MB together", idle.Any(v => v is null) ? null : idle.Sum(), 250, "MiB"));

        checks.Add(RatioAtLeast("#17", "lossless fan-out into a 100-member room ≥ 10× the peer's post rate", theBot.LosslessPostRate(), peer.LosslessPostRate(), 10));
        foreach (var rate in LatencyRates)
        {
            checks.Add(AtMost("#17", StackResults.Invariant($"at {rate} posts/s: p99 post→receive ≤ 50 ms"), theBot.FindFanOut(StackResults.Invariant($"rate{rate}"))?.LatencyP99Ms, 50, "ms"));
        }

        var rooms = theBot.FindHttp("rooms100", "direct");
        var roomsRatio = Ratio.Of(rooms?.Wrk.Rps, peer.FindHttp("rooms100", "direct")?.Wrk.Rps);
        checks.Add(new TargetCheck(
            "#17", "100-room chat list: ≥ 10× the peer's req/s with p99 ≤ 30 ms",
            rooms is null ? "–" : StackResults.Invariant($"{Ratio.Format(roomsRatio)}, p99 {rooms.Wrk.P99Ms:F1} ms"),
            roomsRatio is null || rooms is null ? null : roomsRatio >= 10 && rooms.Wrk.P99Ms <= 30));
        checks.Add(IdleConnections(theBot));
        var burst = theBot.FindFanOut("burst");
        checks.Add(new TargetCheck(
            "#17", "burst of 16 concurrent posters for 10 s: every accepted message delivered to every member",
            burst is null ? "–" : StackResults.Invariant($"{burst.Delivered:N0} of {burst.Expected:N0} delivered, {burst.Lost:N0} lost ({burst.PostsOk:N0} accepted, {burst.PostsFailed:N0} refused)"),
            burst is null || burst.PostsOk == 0 ? null : burst.Lost == 0));
        return checks;
    }

    internal static TargetCheck RatioAtLeast(string issue, string target, double? theBot, double? peer, double atLeast)
    {
        var ratio = Ratio.Of(theBot, peer);
        return new TargetCheck(issue, target, Ratio.Format(ratio), ratio is null ? null : ratio >= atLeast);
    }

    internal static TargetCheck AtMost(string issue, string target, double? measured, double atMost, string unit) =>
        new(issue, target, measured is { } m ? StackResults.Invariant($"{m:F1} {unit}") : "–", measured is null ? null : measured <= atMost);

    private static TargetCheck FreshApi(StackResults theBot, HttpRun? steady)
    {
        const string Target = "a fresh api at full speed within 5 s of taking traffic (5–10 s window ≥ 90 % of the warmed-up req/s)";
        if (theBot.Fresh.Count < 2 || steady is null || steady.Wrk.Rps <= 0)
        {
            return new TargetCheck("#18", Target, "–", null);
        }

        var share = theBot.Fresh[1].Rps / steady.Wrk.Rps;
        return new TargetCheck("#18", Target,
            StackResults.Invariant($"0–5 s {theBot.Fresh[0].Rps:F0} req/s (p99 {theBot.Fresh[0].P99Ms:F0} ms), 5–10 s {theBot.Fresh[1].Rps:F0} req/s = {share:P0} of {steady.Wrk.Rps:F0}"),
            share >= FullSpeedShare);
    }

    private static TargetCheck IdleConnections(StackResults theBot)
    {
        const string Target = "10,000 idle connections on one realtime ≤ 320 MB (≤ 32 KiB each)";
        var largest = theBot.IdleConnections.OrderBy(r => r.Count).LastOrDefault();
        if (largest is null)
        {
            return new TargetCheck("#17", Target, "–", null);
        }

        var measured = StackResults.Invariant($"{largest.Connected:N0} connected: {largest.AfterMib:F0} MiB, {largest.PerConnectionKib:F1} KiB each");
        return largest.Count >= 10_000
            ? new TargetCheck("#17", Target, measured, largest.Connected == largest.Count && largest.AfterMib <= 320)
            : new TargetCheck("#17", Target, measured + " (10,000 not measured in this run)", null);
    }

    private static double? Max(double? a, double? b) => a is null || b is null ? null : Math.Max(a.Value, b.Value);
}
