using System.ComponentModel.DataAnnotations;

namespace TheBot.Api.Platform.Jobs;

/// <summary>The <c>Jobs</c> section.</summary>
public sealed class JobSchedulerOptions
{
    public const string SectionName = "Jobs";

    /// <summary>Run scheduled jobs on this replica (manual runs always work).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the scheduler looks for due occurrences, retries and abandoned runs.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a runner holds an occurrence before another replica may take it over.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(10);

    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Wait before the first retry; doubled for each further one.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Per-job interval overrides (<c>Jobs:Intervals:mark-overdue-invoices=00:30:00</c>).</summary>
    public Dictionary<string, TimeSpan> Intervals { get; } = new(StringComparer.Ordinal);

    /// <summary>The schedule a job runs on here: its own, or the configured interval.</summary>
    public JobSchedule ScheduleOf(JobDescriptor job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return Intervals.TryGetValue(job.Name, out var interval) && interval > TimeSpan.Zero
            ? JobSchedule.Every(interval)
            : job.Schedule;
    }
}
