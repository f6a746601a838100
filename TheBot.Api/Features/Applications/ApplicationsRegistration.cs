using TheBot.Api.Platform.Jobs;

namespace TheBot.Api.Features.Applications;

public static class ApplicationsRegistration
{
    /// <summary>
    /// The notifications an application and its decision store, the accounts an approval creates and their welcome
    /// e-mails' mailer, and the job that forgets expired sign-up tracking tokens.
    /// </summary>
    public static IServiceCollection AddApplications(this IServiceCollection services)
    {
        services.AddScoped<ApplicationNotices>();
        services.AddScoped<FamilyAccounts>();
        services.AddSingleton<FamilyPasswords>();
        services.AddSingleton<FamilyWelcomeEmail>();
        services.AddSingleton<FamilyWelcomeMailer>();
        services.AddHostedService(sp => sp.GetRequiredService<FamilyWelcomeMailer>());
        services.AddScheduledJob<PurgeApplicationTokensJob>();
        return services;
    }
}
