using TheBot.Api.Platform.Jobs;

namespace TheBot.Api.Features.Applications;

public static class ApplicationsRegistration
{
    /// <summary>The job that forgets expired sign-up tracking tokens.</summary>
    public static IServiceCollection AddApplications(this IServiceCollection services)
    {
        services.AddScheduledJob<PurgeApplicationTokensJob>();
        return services;
    }
}
