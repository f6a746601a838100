using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace TheBot.Api.Platform.Jobs;

/// <summary>Runs one claimed occurrence in its own scope, records the outcome, and never throws.</summary>
public sealed partial class JobRunner(
    IServiceScopeFactory scopes, IEnumerable<JobDescriptor> jobs, IEnumerable<IJobFailureObserver> failureObservers, TimeProvider clock, ILogger<JobRunner> logger)
{
    private static readonly ActivitySource Activities = new("TheBot");
    private static readonly Meter Meter = new("TheBot");
    private static readonly Counter<long> Runs = Meter.CreateCounter<long>("thebot.jobs.runs", description: "Job runs by job and outcome");

    public async Task RunAsync(JobRun run, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(run);

        var descriptor = jobs.FirstOrDefault(j => j.Name == run.JobName);
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<JobRunStore>();
        var started = clock.GetTimestamp();
        using var activity = Activities.StartActivity($"job {run.JobName}");
        activity?.SetTag("thebot.job.occurrence", run.OccurrenceKey);
        activity?.SetTag("thebot.job.attempt", run.Attempt);

        try
        {
            if (descriptor is null)
            {
                throw new InvalidOperationException($"No job named '{run.JobName}' is registered on this replica.");
            }

            var job = (IScheduledJob)scope.ServiceProvider.GetRequiredService(descriptor.JobType);
            var result = await job.RunAsync(new JobContext(run.OccurrenceKey, run.StartedAt, run.Manual), stoppingToken);
            var elapsed = clock.GetElapsedTime(started).TotalMilliseconds;
            await store.CompleteAsync(run, result, elapsed, CancellationToken.None);
            Runs.Add(1, new("job", run.JobName), new("outcome", "succeeded"));
            LogSucceeded(run.JobName, run.OccurrenceKey, elapsed, result.Summary);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down mid-run: hand the occurrence back at once, to a replica still running or to our restart.
            await RecordFailureAsync(store, run, "Interrupted by shutdown", started, retryNow: true);
            LogInterrupted(run.JobName, run.OccurrenceKey);
        }
#pragma warning disable CA1031 // A job's failure of any kind is recorded and retried; it must not take the service down.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var error = $"{ex.GetType().Name}: {ex.Message}";
            await RecordFailureAsync(store, run, error, started, retryNow: false);
            Runs.Add(1, new("job", run.JobName), new("outcome", "failed"));
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            LogFailed(ex, run.JobName, run.OccurrenceKey, run.Attempt);
            await TellFailureObserversAsync(new JobFailure(run.JobName, run.OccurrenceKey, run.Attempt, error));
        }
    }

    private async Task TellFailureObserversAsync(JobFailure failure)
    {
        foreach (var observer in failureObservers)
        {
            try
            {
                await observer.FailedAsync(failure, CancellationToken.None);
            }
#pragma warning disable CA1031 // An observer's failure must not hide the job's.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogObserverFailed(ex, failure.JobName);
            }
        }
    }

    private async Task RecordFailureAsync(JobRunStore store, JobRun run, string error, long started, bool retryNow)
    {
        try
        {
            await store.FailAsync(run, error, clock.GetElapsedTime(started).TotalMilliseconds, retryNow, CancellationToken.None);
        }
#pragma warning disable CA1031 // The database may be what failed; the lease then hands the occurrence on.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogRecordFailed(ex, run.JobName, run.OccurrenceKey);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {Job} ({Occurrence}) succeeded in {ElapsedMs:0} ms: {Summary}")]
    private partial void LogSucceeded(string job, string occurrence, double elapsedMs, string summary);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {Job} ({Occurrence}) failed on attempt {Attempt}")]
    private partial void LogFailed(Exception exception, string job, string occurrence, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {Job} ({Occurrence}) was interrupted by shutdown and will run again")]
    private partial void LogInterrupted(string job, string occurrence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telling an observer that job {Job} failed failed itself")]
    private partial void LogObserverFailed(Exception exception, string job);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not record the outcome of job {Job} ({Occurrence}); its lease will hand it on")]
    private partial void LogRecordFailed(Exception exception, string job, string occurrence);
}
