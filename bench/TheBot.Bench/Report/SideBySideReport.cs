using System.Text;

namespace TheBot.Bench.Report;

/// <summary>
/// Markdown tables of one run: each TheBot figure next to the peer's (the old Django stack) with the ratio
/// TheBot ÷ peer, CPU per process (and per request where the rate matters), and the issues' targets met or not.
/// </summary>
internal static class SideBySideReport
{
    /// <summary>TheBot's doors and the peer's door that does the same job.</summary>
    private static readonly (string Via, string Label, string PeerVia)[] Doors =
    [
        ("direct", "direct (api / gunicorn)", "direct"),
        ("yarp", "front door (YARP / nginx)", "nginx"),
        ("nginx", "nginx over TheBot's api / peer's nginx", "nginx"),
    ];

    private static readonly (string Endpoint, string Label)[] Endpoints =
    [
        ("lessons", "lessons of the week (20)"),
        ("rooms100", "chat rooms (all 100)"),
        ("health", "health"),
    ];

    public static string Render(StackResults theBot, StackResults? peer)
    {
        var noPeer = peer is null;
        peer ??= new StackResults();
        var md = new StringBuilder();
        void Line(string text = "") => md.Append(text).Append('\n');

        Line("### Side by side with the old stack (issues #17 and #18)");
        Line();
        Line(noPeer
            ? "The peer was not run (`PEER_DIR=none`): ratios and the targets that need them are \"not measured\"."
            : "TheBot and the peer (`../shared/peer/`, Django + DRF on gunicorn, Channels on daphne, nginx) ran one after the other in this run, "
              + "on the same machine, with the same data sizes and the same load; **ratio = TheBot ÷ peer** (above 1 is better for rates, below 1 for times and memory).");
        Line();

        Line("#### Reads (wrk, 2 threads, 64 connections)");
        Line();
        Line("| Request | Door | TheBot req/s | peer req/s | ratio | TheBot p50 / p99 ms | peer p50 / p99 ms | bytes/response TheBot / peer | TheBot CPU ms/request: api, front door, PostgreSQL | peer CPU ms/request: gunicorn, nginx, PostgreSQL | machine busy % TheBot / peer |");
        Line("|---|---|---:|---:|---:|---:|---:|---:|---|---|---:|");
        foreach (var (endpoint, label) in Endpoints)
        {
            foreach (var (via, door, peerVia) in Doors)
            {
                var t = theBot.FindHttp(endpoint, via);
                if (t is null)
                {
                    continue;
                }

                var p = peer.FindHttp(endpoint, peerVia);
                Line(StackResults.Invariant(
                    $"| {label} | {door} | {t.Wrk.Rps:F0} | {Num(p?.Wrk.Rps, "F0")} | {Ratio.Format(Ratio.Of(t.Wrk.Rps, p?.Wrk.Rps))} | {t.Wrk.P50Ms:F1} / {t.Wrk.P99Ms:F1} | {Num(p?.Wrk.P50Ms, "F1")} / {Num(p?.Wrk.P99Ms, "F1")} | {t.Wrk.BytesPerResponse:F0} / {Num(p?.Wrk.BytesPerResponse, "F0")} | {Ms(t, "api")}, {Ms(t, via == "nginx" ? "nginx" : "web")}, {Ms(t, "postgres")} | {Ms(p, "gunicorn")}, {Ms(p, "nginx")}, {Ms(p, "postgres")} | {Num(t.MachineBusyPct, "F0")} / {Num(p?.MachineBusyPct, "F0")} |"));
            }
        }

        Line();
        Line("CPU ms/request = the process's CPU over the measured window (100 % = one core) × 10 ÷ req/s; \"front door\" is web (YARP) or nginx, whichever the row goes through. "
             + "Bytes/response are as wrk received them, headers included, with the browser's `Accept-Encoding` (TheBot: `gzip, deflate, br`; the peer's script: `gzip, deflate`): "
             + "the same rows and fields a client needs, compressed where each stack compresses. "
             + "TheBot's `/health` is answered from a 2-second output cache (checks run at most every 2 s), the peer's runs its database and Redis checks on every request; "
             + "TheBot's front-door health is web's own `/health`, the peer's goes through nginx to gunicorn.");
        Line();

        RenderFanOut(md, theBot, peer);
        RenderFootprint(md, theBot, peer);

        Line("#### Targets");
        Line();
        Line("| Issue | Target | Measured in this run | |");
        Line("|---|---|---|---|");
        foreach (var check in Targets.Evaluate(theBot, peer))
        {
            Line($"| {check.Issue} | {check.Target} | {check.Measured} | {check.Verdict} |");
        }

        Line();
        return md.ToString();
    }

    private static void RenderFanOut(StringBuilder md, StackResults theBot, StackResults peer)
    {
        if (theBot.FanOut.Count == 0)
        {
            return;
        }

        md.Append("#### Chat fan-out into a 100-member room (posts and WebSockets through the front door: YARP / nginx)\n\n");
        md.Append("| Phase | posts/s TheBot / peer | ratio | post→receive p50 / p99 ms TheBot | peer | lost deliveries TheBot / peer | deliveries/s TheBot / peer | ratio | POST p50 / p99 ms TheBot / peer | TheBot CPU %: api, realtime, web, PostgreSQL, Redis | peer CPU %: gunicorn, daphne, nginx, PostgreSQL, Redis |\n");
        md.Append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|\n");
        foreach (var t in theBot.FanOut)
        {
            var p = peer.FindFanOut(t.Phase);
            var phase = t.Phase switch
            {
                "fixed" => StackResults.Invariant($"fixed {t.TargetRate:F0}/s"),
                "burst" => "burst: 16 concurrent posters",
                _ when t.Phase.StartsWith("rate", StringComparison.Ordinal) => StackResults.Invariant($"{t.TargetRate:F0}/s"),
                _ => t.Phase,
            };
            md.Append(StackResults.Invariant(
                $"| {phase} | {t.PostRate:F1} ({t.PostsFailed} refused) / {Num(p?.PostRate, "F1")} | {Ratio.Format(Ratio.Of(t.PostRate, p?.PostRate))} | {Num(t.LatencyP50Ms, "F1")} / {Num(t.LatencyP99Ms, "F1")} | {Num(p?.LatencyP50Ms, "F1")} / {Num(p?.LatencyP99Ms, "F1")} | **{t.Lost:N0}** of {t.Expected:N0} / **{Num(p?.Lost, "N0")}** of {Num(p?.Expected, "N0")} | {t.DeliveredPerSecond:F0} / {Num(p?.DeliveredPerSecond, "F0")} | {Ratio.Format(Ratio.Of(t.DeliveredPerSecond, p?.DeliveredPerSecond))} | {Num(t.PostP50Ms, "F1")} / {Num(t.PostP99Ms, "F1")} · {Num(p?.PostP50Ms, "F1")} / {Num(p?.PostP99Ms, "F1")} | {Cpu(t.CpuPct, "api", "realtime", "web", "postgres", "redis")} | {Cpu(p?.CpuPct, "gunicorn", "daphne", "nginx", "postgres", "redis")} |\n"));
        }

        md.Append(StackResults.Invariant(
            $"\nLossless capacity (the highest post rate achieved in a phase that lost nothing): TheBot {Num(theBot.LosslessPostRate(), "F1")} posts/s, peer {Num(peer.LosslessPostRate(), "F1")} posts/s, ratio {Ratio.Format(Ratio.Of(theBot.LosslessPostRate(), peer.LosslessPostRate()))}. "));
        md.Append("A refused post (TheBot: 429 with `Retry-After`) is told to its sender and not counted as lost; the peer's losses are messages it accepted (201) and never delivered. "
            + "CPU % covers each whole phase (posting and draining the deliveries), 100 % = one core.\n\n");
    }

    private static void RenderFootprint(StringBuilder md, StackResults theBot, StackResults peer)
    {
        md.Append("#### Fresh start, time to healthy, idle memory\n\n");
        if (theBot.Fresh.Count > 0)
        {
            md.Append("| A freshly started api (peer: gunicorn) under the lessons load, direct | TheBot req/s, p99 ms | peer req/s, p99 ms | ratio (req/s) |\n|---|---:|---:|---:|\n");
            for (var i = 0; i < theBot.Fresh.Count; i++)
            {
                var t = theBot.Fresh[i];
                var p = i < peer.Fresh.Count ? peer.Fresh[i] : null;
                md.Append(StackResults.Invariant(
                    $"| {i * 5}–{(i + 1) * 5} s after healthy | {t.Rps:F0}, {t.P99Ms:F0} | {Num(p?.Rps, "F0")}, {Num(p?.P99Ms, "F0")} | {Ratio.Format(Ratio.Of(t.Rps, p?.Rps))} |\n"));
            }

            md.Append('\n');
        }

        md.Append("| Service: TheBot / peer | exec → healthy s TheBot / peer | ratio | idle RSS MiB TheBot / peer | ratio |\n|---|---:|---:|---:|---:|\n");
        foreach (var (mine, theirs) in new[] { ("api", "gunicorn"), ("realtime", "daphne"), ("web", "nginx") })
        {
            double? Get(Dictionary<string, double> d, string k) => d.TryGetValue(k, out var v) ? v : null;
            var (ts, ps, tr, pr) = (Get(theBot.StartupSeconds, mine), Get(peer.StartupSeconds, theirs), Get(theBot.IdleRssMib, mine), Get(peer.IdleRssMib, theirs));
            md.Append(StackResults.Invariant(
                $"| {mine} / {theirs} | {Num(ts, "F2")} / {Num(ps, "F2")} | {Ratio.Format(Ratio.Of(ts, ps))} | {Num(tr, "F0")} / {Num(pr, "F0")} | {Ratio.Format(Ratio.Of(tr, pr))} |\n"));
        }

        var theBotApps = Sum(theBot.IdleRssMib, "api", "realtime", "web");
        var peerApps = Sum(peer.IdleRssMib, "gunicorn", "daphne");
        md.Append(StackResults.Invariant(
            $"| **app processes**: api + realtime + web / gunicorn (master + workers) + daphne | | | **{Num(theBotApps, "F0")} / {Num(peerApps, "F0")}** | {Ratio.Format(Ratio.Of(theBotApps, peerApps))} |\n\n"));
        md.Append("Idle RSS is each process's resident set (`VmRSS`), summed per service, as separate containers would see it; "
                  + "measured right after each stack started (TheBot before seeding, the peer after `up.sh`'s health checks). Startup is exec → first healthy answer "
                  + "(TheBot: `/health` of the service, api on the seeded database; the peer: `up.sh`'s launch → first 200 of `/api/system/health/`).\n\n");
        foreach (var run in theBot.IdleConnections)
        {
            md.Append(StackResults.Invariant(
                $"Idle connections on one realtime (TheBot only; the peer has no such scenario): {run.Connected:N0} of {run.Count:N0} connected, realtime at {run.AfterMib:F0} MiB, {run.PerConnectionKib:F1} KiB per connection.\n"));
        }

        md.Append('\n');
    }

    private static string Ms(HttpRun? run, string process) =>
        run?.CpuMsPerRequest(process) is { } ms ? StackResults.Invariant($"{ms:F2}") : "–";

    private static string Cpu(IReadOnlyDictionary<string, double>? cpu, params string[] processes) =>
        cpu is null ? "–" : string.Join(", ", processes.Select(p => cpu.TryGetValue(p, out var v) ? StackResults.Invariant($"{v:F0}") : "–"));

    private static string Num(double? value, string format) =>
        value is { } v ? v.ToString(format, System.Globalization.CultureInfo.InvariantCulture) : "–";

    private static string Num(long? value, string format) =>
        value is { } v ? v.ToString(format, System.Globalization.CultureInfo.InvariantCulture) : "–";

    private static double? Sum(Dictionary<string, double> values, params string[] keys) =>
        keys.All(values.ContainsKey) ? keys.Sum(k => values[k]) : null;
}
