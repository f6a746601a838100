using System.Collections.Concurrent;
using System.Diagnostics;
using OpenTelemetry;

namespace TheBot.Tests.Fixtures;

/// <summary>
/// The spans a service's OpenTelemetry pipeline exports (add <see cref="Exporter"/> with a simple processor), and
/// the database commands it saw but did not record. Both listen process-wide: filter by what is yours.
/// </summary>
public sealed class RecordedSpans : IDisposable
{
    private readonly ConcurrentQueue<Activity> _exported = new();
    private readonly ConcurrentQueue<Activity> _unrecordedCommands = new();
    private readonly ActivityListener _listener;

    public RecordedSpans()
    {
        Exporter = new QueueExporter(this);
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            // Asks for no more than propagation, so it never makes the pipeline record what it would not.
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.PropagationData,
            ActivityStopped = activity =>
            {
                if (!activity.Recorded)
                {
                    _unrecordedCommands.Enqueue(activity);
                }

                Changed?.Invoke();
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>Raised after each exported span and each database command that ends.</summary>
    public event Action? Changed;

    public BaseExporter<Activity> Exporter { get; }

    public IReadOnlyList<Activity> Exported => [.. _exported];

    /// <summary>Npgsql commands that ran without being recorded (so no exporter saw them).</summary>
    public IReadOnlyList<Activity> UnrecordedCommands => [.. _unrecordedCommands];

    public void Dispose() => _listener.Dispose();

    private sealed class QueueExporter(RecordedSpans spans) : BaseExporter<Activity>
    {
        public override ExportResult Export(in Batch<Activity> batch)
        {
            foreach (var activity in batch)
            {
                spans._exported.Enqueue(activity);
            }

            spans.Changed?.Invoke();
            return ExportResult.Success;
        }
    }
}
