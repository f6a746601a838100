namespace TheBot.Api.Platform.Seeding;

public static class SeedingRegistration
{
    /// <summary>The seeder the migrator runs; features add their <see cref="IRequiredDataSeeder"/> and <see cref="IDemoDataSeeder"/>s.</summary>
    public static IServiceCollection AddSeeding(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DemoOptions>(configuration.GetSection(DemoOptions.SectionName));
        services.AddScoped<DatabaseSeeder>();
        return services;
    }
}
