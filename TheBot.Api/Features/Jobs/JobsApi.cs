using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TheBot.Api.Data;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Auth;
using TheBot.Api.Platform.Errors;
using TheBot.Api.Platform.Jobs;
using TheBot.Api.Platform.Paging;

namespace TheBot.Api.Features.Jobs;

public static class JobsApi
{
    private const int RecentRuns = 5;

    public static IEndpointRouteBuilder MapJobsApi(this IEndpointRouteBuilder api)
    {
        var jobs = api.MapGroup("/admin/jobs").WithTags("Admin: scheduled jobs").RequireRoles(UserRole.Admin);
        jobs.MapGet("/", ListAsync).WithName("ListJobs").WithSummary("Every scheduled job with its schedule, next run and last runs");
        jobs.MapGet("/{name}/runs", ListRunsAsync).WithName("ListJobRuns").WithSummary("A job's runs, newest first");
        jobs.MapPost("/{name}/run", RunNowAsync).WithName("RunJobNow").WithSummary("Run a job now (in the background); returns the run to follow");
        return api;
    }

    private static async Task<Ok<List<JobResponse>>> ListAsync(
        IEnumerable<JobDescriptor> jobs, IOptions<JobSchedulerOptions> options, TheBotDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var result = new List<JobResponse>();
        foreach (var job in jobs.OrderBy(j => j.Name, StringComparer.Ordinal))
        {
            var runs = await db.JobRuns.AsNoTracking()
                .Where(r => r.JobName == job.Name)
                .OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id)
                .Take(RecentRuns)
                .Select(Projection)
                .ToListAsync(ct);
            var schedule = options.Value.ScheduleOf(job);
            result.Add(new JobResponse(
                job.Name, job.Description, schedule.Describe(), (long)schedule.Interval.TotalSeconds, (long)schedule.Offset.TotalSeconds,
                schedule.NextSlot(now), runs.FirstOrDefault(), runs));
        }

        return TypedResults.Ok(result);
    }

    private static async Task<Results<Ok<PagedResult<JobRunResponse>>, ProblemHttpResult>> ListRunsAsync(
        string name, [AsParameters] JobRunQuery query, IEnumerable<JobDescriptor> jobs, TheBotDbContext db, CancellationToken ct)
    {
        if (!jobs.Any(j => j.Name == name))
        {
            return ApiProblems.NotFound("The job");
        }

        return TypedResults.Ok(await db.JobRuns.AsNoTracking()
            .Where(r => r.JobName == name)
            .OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id)
            .Select(Projection)
            .ToPageAsync(query.Paging, ct));
    }

    private static async Task<Results<Accepted<JobRunResponse>, ProblemHttpResult>> RunNowAsync(
        string name, CurrentUser caller, IEnumerable<JobDescriptor> jobs, JobRunStore store, JobScheduler scheduler, CancellationToken ct)
    {
        if (!jobs.Any(j => j.Name == name))
        {
            return ApiProblems.NotFound("The job");
        }

        var run = await store.StartManualAsync(name, caller.Id, ct);
        await scheduler.EnqueueAsync(run);
        return TypedResults.Accepted($"/api/admin/jobs/{name}/runs", Projection.Compile()(run));
    }

    private static readonly System.Linq.Expressions.Expression<Func<JobRun, JobRunResponse>> Projection = r => new JobRunResponse(
        r.Id, r.OccurrenceKey, r.Outcome, r.Attempt, r.Manual, r.StartedAt, r.FinishedAt, r.DurationMs, r.Summary, r.ResultCode, r.Counts, r.Error, r.RetryAt);
}
