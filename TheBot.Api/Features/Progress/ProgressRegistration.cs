using Microsoft.Extensions.Options;
using TheBot.Api.Platform.Jobs;

namespace TheBot.Api.Features.Progress;

public static class ProgressRegistration
{
    /// <summary>The notifications sent weekly reports store, the reminders job and its options (checked at startup).</summary>
    public static IServiceCollection AddProgress(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WeeklyReportOptions>().Bind(configuration.GetSection(WeeklyReportOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WeeklyReportOptions>, WeeklyReportOptionsValidation>();
        services.AddScoped<WeeklyReportNotices>();
        services.AddScheduledJob<WeeklyReportRemindersJob>();
        return services;
    }
}
