namespace TheBot.Api.Platform.Jobs;

/// <summary>
/// Told after a job's failed run was recorded (not after a shutdown's interruption), e.g. to post it to an admin log
/// channel. Called once per failed attempt; it must not throw.
/// </summary>
public interface IJobFailureObserver
{
    Task FailedAsync(JobFailure failure, CancellationToken cancellationToken);
}

/// <summary>A failed run: which job and occurrence, the attempt, and the error as recorded.</summary>
public sealed record JobFailure(string JobName, string OccurrenceKey, int Attempt, string Error);
