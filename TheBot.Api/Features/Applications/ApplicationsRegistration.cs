using TheBot.Api.Platform.Jobs;

namespace TheBot.Api.Features.Applications;

public static class ApplicationsRegistration
{
    /// <summary>The notifications a decision stores and the job that forgets expired sign-up tracking tokens.</summary>
    public static IServiceCollection AddApplications(this IServiceCollection services)
    {
        services.AddScoped<ApplicationNotices>();
        services.AddScheduledJob<PurgeApplicationTokensJob>();
        return services;
    }
}
