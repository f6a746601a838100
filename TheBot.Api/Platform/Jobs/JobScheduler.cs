using System.Globalization;
using System.Security.Cryptography;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using TheBot.ServiceDefaults.Telemetry;

namespace TheBot.Api.Platform.Jobs;

/// <summary>
/// Ticks about every <see cref="JobSchedulerOptions.PollInterval"/>: claims each job's current occurrence
/// (one replica wins), then due retries and abandoned runs; runs manual requests as they come. Polling leaves
/// no trace; each run is its own trace, <c>job {name}</c> with its queries under it (<see cref="JobRunner"/>).
/// </summary>
public sealed partial class JobScheduler(
    IServiceScopeFactory scopes,
    IEnumerable<JobDescriptor> jobs,
    JobRunner runner,
    IOptions<JobSchedulerOptions> options,
    TimeProvider clock,
    ILogger<JobScheduler> logger) : BackgroundService
{
    private readonly Channel<JobRun> _manualRuns = Channel.CreateUnbounded<JobRun>();

    /// <summary>Queues a manual run claimed by the admin endpoint; it starts within moments.</summary>
    public ValueTask EnqueueAsync(JobRun run) => _manualRuns.Writer.WriteAsync(run);

    public static string OccurrenceKey(DateTimeOffset slot) => slot.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var manual = RunManualAsync(stoppingToken);
        if (options.Value.Enabled)
        {
            do
            {
                await TickAsync(stoppingToken);
            }
            while (await PauseAsync(stoppingToken));
        }

        await manual;
    }

    private async Task TickAsync(CancellationToken stoppingToken)
    {
        try
        {
            var now = clock.GetUtcNow();
            foreach (var job in jobs)
            {
                JobRun? claimed;
                await using (var scope = scopes.CreateAsyncScope())
                using (UntracedWork.Begin("job-scheduler poll"))
                {
                    claimed = await scope.ServiceProvider.GetRequiredService<JobRunStore>()
                        .TryClaimAsync(job.Name, OccurrenceKey(options.Value.ScheduleOf(job).CurrentSlot(now)), stoppingToken);
                }

                if (claimed is not null)
                {
                    await runner.RunAsync(claimed, stoppingToken);
                }
            }

            while (!stoppingToken.IsCancellationRequested)
            {
                JobRun? retry;
                await using (var scope = scopes.CreateAsyncScope())
                using (UntracedWork.Begin("job-scheduler poll"))
                {
                    retry = await scope.ServiceProvider.GetRequiredService<JobRunStore>().TryClaimRetryAsync(stoppingToken);
                }

                if (retry is null)
                {
                    break;
                }

                await runner.RunAsync(retry, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // The database may be down; the next tick tries again.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogTickFailed(ex);
        }
    }

    private async Task RunManualAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var run in _manualRuns.Reader.ReadAllAsync(stoppingToken))
            {
                await runner.RunAsync(run, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// Waits the poll interval ±25 % at random: replicas that tick in lockstep leave every occurrence to
    /// the one a little ahead (and the other idle); jitter spreads both the work and the load.
    /// </summary>
    private async Task<bool> PauseAsync(CancellationToken stoppingToken)
    {
        var pause = options.Value.PollInterval * (RandomNumberGenerator.GetInt32(750, 1251) / 1000.0);
        try
        {
            await Task.Delay(pause, clock, stoppingToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The job scheduler's tick failed; it tries again at the next one")]
    private partial void LogTickFailed(Exception exception);
}
