using TheBot.Api.Platform.Jobs;

namespace TheBot.Api.Features.Assignments;

public static class AssignmentsRegistration
{
    /// <summary>The notifications homework and grades store, and the job that announces work when its start comes.</summary>
    public static IServiceCollection AddAssignments(this IServiceCollection services)
    {
        services.AddScoped<AssignmentNotices>();
        services.AddScheduledJob<AssignmentStartsJob>();
        return services;
    }
}
