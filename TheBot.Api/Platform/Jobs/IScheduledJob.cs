namespace TheBot.Api.Platform.Jobs;

/// <summary>
/// A background job of the platform (what Celery beat did). Implementations are scoped services; the
/// scheduler runs each occurrence once across all api replicas, records it, retries failures with
/// backoff, and never lets one crash take the service down.
/// </summary>
public interface IScheduledJob
{
    /// <summary>Stable kebab-case name, used in URLs and records.</summary>
    static abstract string Name { get; }

    static abstract string Description { get; }

    static abstract JobSchedule Schedule { get; }

    /// <summary>Does one occurrence's work and says what it did.</summary>
    Task<JobResult> RunAsync(JobContext context, CancellationToken cancellationToken);
}

/// <summary>
/// What a run did, as data: a <see cref="Code"/> the SPA translates (<c>remindersSent</c>), the <see cref="Counts"/>
/// it names (<c>sent: 3</c>), and an English <see cref="Summary"/> for logs and API clients.
/// </summary>
public sealed record JobResult(string Code, IReadOnlyDictionary<string, long> Counts, string Summary)
{
    /// <summary>A result with its counts, e.g. <c>JobResult.Of("remindersSent", $"{sent} reminder(s) sent", ("sent", sent))</c>.</summary>
    public static JobResult Of(string code, string summary, params (string Name, long Value)[] counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return new(code, counts.ToDictionary(c => c.Name, c => c.Value, StringComparer.Ordinal), summary);
    }
}

/// <summary>What a run knows about itself.</summary>
public sealed record JobContext(string OccurrenceKey, DateTimeOffset ScheduledFor, bool Manual);

/// <summary>
/// When a job is due: every <see cref="Interval"/>, aligned to UTC midnight, shifted by
/// <see cref="Offset"/> (a daily job at 03:00 UTC is <c>Every(1 day, offset 3 h)</c>).
/// </summary>
public sealed record JobSchedule(TimeSpan Interval, TimeSpan Offset)
{
    public static JobSchedule Every(TimeSpan interval) => new(interval, TimeSpan.Zero);

    public static JobSchedule DailyAt(TimeSpan timeOfDayUtc) => new(TimeSpan.FromDays(1), timeOfDayUtc);

    /// <summary>The start of the slot <paramref name="now"/> falls in.</summary>
    public DateTimeOffset CurrentSlot(DateTimeOffset now)
    {
        var ticks = now.UtcTicks - Offset.Ticks;
        var slot = ticks - (ticks % Interval.Ticks);
        return new DateTimeOffset(slot + Offset.Ticks, TimeSpan.Zero);
    }

    public DateTimeOffset NextSlot(DateTimeOffset now) => CurrentSlot(now) + Interval;

    /// <summary>In English, for logs and API clients; the SPA words it from the interval and offset in the reader's language.</summary>
    public string Describe() => Interval >= TimeSpan.FromDays(1) && Interval.Ticks % TimeSpan.TicksPerDay == 0
        ? $"daily at {Offset:hh\\:mm} UTC"
        : Interval < TimeSpan.FromMinutes(1) ? $"every {Interval.TotalSeconds:0} s" : $"every {Interval.TotalMinutes:0} min";
}

/// <summary>A registered job: what the scheduler and the admin endpoints know without creating it.</summary>
public sealed record JobDescriptor(string Name, string Description, JobSchedule Schedule, Type JobType);
