namespace TheBot.Api.Features.Progress;

public static class ProgressRegistration
{
    /// <summary>The notifications sent reports store.</summary>
    public static IServiceCollection AddProgress(this IServiceCollection services)
    {
        services.AddScoped<ProgressNotices>();
        return services;
    }
}
