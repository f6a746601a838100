using Microsoft.Extensions.Options;
using TheBot.Api.Platform.Jobs;

namespace TheBot.Api.Features.Audit;

public static class AuditRegistration
{
    /// <summary>The audit trail (explicit records), its retention options and the daily purge. The automatic recording is
    /// <see cref="AuditSaveChangesInterceptor"/>, added to the database context's options.</summary>
    public static IServiceCollection AddAudit(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuditOptions>().Bind(configuration.GetSection(AuditOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuditOptions>, AuditOptionsValidation>();
        services.AddScoped<AuditTrail>();
        services.AddScheduledJob<PurgeAuditLogJob>();
        return services;
    }
}
