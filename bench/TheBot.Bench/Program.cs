using System.Globalization;
using TheBot.Bench;
using TheBot.Bench.Report;

// bench/run.sh drives these; each prints one tab-separated result line per measurement.
if (args.FirstOrDefault() == "report")
{
    // report <thebot.jsonl> <peer.jsonl | none>: the side-by-side tables (needs none of the services).
    Console.Write(SideBySideReport.Render(StackResults.Load(args[1]), args.ElementAtOrDefault(2) is { } peer and not "none" ? StackResults.Load(peer) : null));
    return 0;
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancellation.Cancel(); };
var settings = BenchSettings.FromEnvironment();
var command = args.FirstOrDefault();
int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;

return command switch
{
    "seed" => await BenchSeeder.RunAsync(settings, users: Arg(1, 10_000), lessons: Arg(2, 100_000), messages: Arg(3, 1_000_000), cancellation.Token),
    "token" => PrintToken(settings, args.ElementAtOrDefault(1)),
    "idle" => await IdleConnectionsScenario.RunAsync(settings, count: Arg(1, 1_000), realtimePid: Arg(2, 0), cancellation.Token),
    "fanout" => await FanOutScenario.RunAsync(settings, messages: Arg(1, 3_000), perSecond: Arg(2, 600), phase: args.ElementAtOrDefault(3) ?? "fixed", cancellation.Token),
    "burst" => await FanOutScenario.RunAsync(settings, messages: 0, perSecond: 0, phase: "burst", cancellation.Token, burstSeconds: Arg(1, 10), burstConcurrency: Arg(2, 16)),
    "writes" => await WriteRampScenario.RunAsync(settings, [100, 200, 400, 800, 1_600, 3_200], TimeSpan.FromSeconds(Arg(1, 10)), cancellation.Token),
    "soak" => await SoakScenario.RunAsync(
        settings, lessonsPath: args[1], perSecond: Arg(2, 100), duration: TimeSpan.FromSeconds(Arg(3, 600)),
        services: new Dictionary<string, int> { ["api"] = Arg(4, 0), ["realtime"] = Arg(5, 0), ["web"] = Arg(6, 0) }, cancellation.Token),
    _ => Usage(),
};

static int PrintToken(BenchSettings settings, string? who)
{
    var seed = SeedManifest.Load(settings.SeedFile);
    var user = who switch
    {
        "lessons" => seed.LessonReader,
        "chat" => seed.ChatReader,
        _ => seed.Poster,
    };
    Console.WriteLine(new TokenMinter(settings.SigningKey).Mint(user.UserId, user.SessionId, user.Role));
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("usage: TheBot.Bench seed [users lessons messages] | token lessons|chat|poster | idle <count> <realtime-pid> | fanout [messages per-second phase] | burst [seconds posters] | report <thebot.jsonl> <peer.jsonl|none> | writes [seconds-per-step] | soak <lessons-path> <per-second> <seconds> <api-pid> <realtime-pid> <web-pid>");
    return 2;
}
