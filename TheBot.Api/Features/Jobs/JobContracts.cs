using System.ComponentModel.DataAnnotations;
using TheBot.Api.Platform.Jobs;
using TheBot.Api.Platform.Paging;

namespace TheBot.Api.Features.Jobs;

/// <summary>
/// A scheduled job. <c>description</c> and <c>schedule</c> are English (logs, API clients); the SPA words the job by its
/// <c>name</c> and the schedule from <c>intervalSeconds</c> and <c>offsetSeconds</c> (UTC, from midnight) in the reader's language.
/// </summary>
public sealed record JobResponse(
    string Name, string Description, string Schedule, long IntervalSeconds, long OffsetSeconds, DateTimeOffset NextRunAt,
    JobRunResponse? LastRun, IReadOnlyList<JobRunResponse> RecentRuns);

/// <summary>
/// One run. What it did is <c>resultCode</c> with the <c>counts</c> it names (<c>remindersSent</c>, <c>{"sent": 3}</c>), which
/// the SPA translates; <c>summary</c> says the same in English.
/// </summary>
public sealed record JobRunResponse(
    Guid Id, string Occurrence, JobOutcome Outcome, int Attempt, bool Manual, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt,
    double? DurationMs, string? Summary, string? ResultCode, IReadOnlyDictionary<string, long>? Counts, string? Error, DateTimeOffset? RetryAt);

public sealed record JobRunQuery
{
    [Range(1, 1_000_000)]
    public int? Page { get; init; }

    [Range(1, PageRequest.MaxPageSize)]
    public int? PageSize { get; init; }

    public PageRequest Paging => new() { Page = Page, PageSize = PageSize };
}
