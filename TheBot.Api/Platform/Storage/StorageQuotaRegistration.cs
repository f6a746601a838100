namespace TheBot.Api.Platform.Storage;

public static class StorageQuotaRegistration
{
    /// <summary>Per-person storage limits (<c>Storage:QuotaPerUserBytes</c>, <c>Storage:UploadsPerUserPerHour</c>), checked at startup.</summary>
    public static IServiceCollection AddStorageQuota(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageQuotaOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<UploadThrottle>();
        services.AddScoped<StorageQuota>();
        return services;
    }
}
