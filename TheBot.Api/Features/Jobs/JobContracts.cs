using System.ComponentModel.DataAnnotations;
using TheBot.Api.Platform.Jobs;
using TheBot.Api.Platform.Paging;

namespace TheBot.Api.Features.Jobs;

public sealed record JobResponse(string Name, string Description, string Schedule, DateTimeOffset NextRunAt, JobRunResponse? LastRun, IReadOnlyList<JobRunResponse> RecentRuns);

public sealed record JobRunResponse(
    Guid Id, string Occurrence, JobOutcome Outcome, int Attempt, bool Manual, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt,
    double? DurationMs, string? Summary, string? Error, DateTimeOffset? RetryAt);

public sealed record JobRunQuery
{
    [Range(1, 1_000_000)]
    public int? Page { get; init; }

    [Range(1, PageRequest.MaxPageSize)]
    public int? PageSize { get; init; }

    public PageRequest Paging => new() { Page = Page, PageSize = PageSize };
}
