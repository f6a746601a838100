using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Trace;
using TheBot.Api.Platform.Jobs;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Jobs;

/// <summary>
/// Issue #16, item 8: background work reads in the traces. The scheduler polls every few seconds; its polling must
/// not fill the trace list with parentless <c>postgresql</c> spans, and each run is a trace of its own.
/// </summary>
public sealed class JobTracingTests(TheBotAppFixture fixture)
{
    private const string PrepareDatabase = "prepare database";

    [Fact]
    public async Task Each_job_run_is_a_named_span_with_its_queries_under_it_and_polling_records_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await FreshDatabase.NameAsync(fixture.Host, "job_traces");
        using var spans = new RecordedSpans();
        await using var api = await InProcessApi.BuildAsync(
            fixture.Host,
            settings: new Dictionary<string, string?>
            {
                ["ConnectionStrings__thebot"] = database.ConnectionString,
                ["Jobs__PollInterval"] = "00:00:01",
            },
            replace: services => services.AddOpenTelemetry().WithTracing(tracing => tracing.AddProcessor(new SimpleActivityExportProcessor(spans.Exporter))),
            serviceDefaults: true);
        _ = api.Services.GetRequiredService<TracerProvider>();
        var jobNames = api.Services.GetServices<JobDescriptor>().Select(j => j.Name).ToHashSet();

        Assert.True(await api.MigrateDatabaseAsync(ct));

        // On a database of its own, the first tick claims and runs every job; the next query after the last run is polling.
        var settled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var commandsWhenAllRan = -1;
        spans.Changed += () =>
        {
            var commands = Commands(spans, database).Count() + spans.UnrecordedCommands.Count(IsPolling);
            if (commandsWhenAllRan < 0 && jobNames.All(name => spans.Exported.Any(s => s.DisplayName == $"job {name}")))
            {
                commandsWhenAllRan = commands;
            }
            else if (commandsWhenAllRan >= 0 && commands > commandsWhenAllRan)
            {
                settled.TrySetResult();
            }
        };
        var scheduler = api.Services.GetRequiredService<JobScheduler>();
        await scheduler.StartAsync(ct);
        try
        {
            await settled.Task.WaitAsync(TimeSpan.FromSeconds(60), ct);
        }
        finally
        {
            await scheduler.StopAsync(CancellationToken.None);
        }

        var exported = spans.Exported;
        var queries = Commands(spans, database).ToList();
        Assert.NotEmpty(queries);
        var roots = queries.Select(q => (Query: q, Root: RootOf(q, exported))).ToList();
        var parentless = roots.Where(r => r.Root is null || r.Root == r.Query).Select(r => r.Query.DisplayName).ToList();
        Assert.True(parentless.Count == 0, $"{parentless.Count} database spans without a named parent: {string.Join(", ", parentless.Distinct().Take(10))}");
        Assert.All(roots, r => Assert.True(
            r.Root!.DisplayName == PrepareDatabase || r.Root.DisplayName.StartsWith("job ", StringComparison.Ordinal),
            $"{r.Query.DisplayName} is under '{r.Root.DisplayName}'"));
        Assert.All(jobNames, name => Assert.Contains(roots, r => r.Root!.DisplayName == $"job {name}"));
        Assert.Contains(spans.UnrecordedCommands, IsPolling);
    }

    private static IEnumerable<Activity> Commands(RecordedSpans spans, FreshDatabase database) =>
        spans.Exported.Where(s => s.Source.Name == "Npgsql" && IsOurs(s, database));

    private static bool IsOurs(Activity command, FreshDatabase database) =>
        command.Tags.Any(t => t.Key is "db.namespace" or "db.name" && t.Value == database.Name);

    /// <summary>An unrecorded command carries no tags; the scheduler's polling names the unsampled activity it runs under.</summary>
    private static bool IsPolling(Activity command) => command.Parent?.OperationName == "job-scheduler poll";

    /// <summary>The exported span at the top of this one's chain of parents, or null when a parent was never exported.</summary>
    private static Activity? RootOf(Activity span, IReadOnlyList<Activity> exported)
    {
        var current = span;
        while (current.ParentSpanId != default)
        {
            var parent = exported.FirstOrDefault(s => s.SpanId == current.ParentSpanId && s.TraceId == current.TraceId);
            if (parent is null)
            {
                return null;
            }

            current = parent;
        }

        return current;
    }
}
