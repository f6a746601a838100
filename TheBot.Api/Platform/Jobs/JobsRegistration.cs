namespace TheBot.Api.Platform.Jobs;

public static class JobsRegistration
{
    /// <summary>The engine and its own housekeeping; each feature registers the jobs it serves with <see cref="AddScheduledJob{TJob}"/>.</summary>
    public static IServiceCollection AddScheduledJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<JobSchedulerOptions>()
            .Bind(configuration.GetSection(JobSchedulerOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddScoped<JobRunStore>();
        services.AddSingleton<JobRunner>();
        services.AddSingleton<JobScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<JobScheduler>());

        services.AddScheduledJob<PurgeJobHistoryJob>();
        return services;
    }

    public static IServiceCollection AddScheduledJob<TJob>(this IServiceCollection services)
        where TJob : class, IScheduledJob
    {
        services.AddScoped<TJob>();
        services.AddSingleton(new JobDescriptor(TJob.Name, TJob.Description, TJob.Schedule, typeof(TJob)));
        return services;
    }
}
