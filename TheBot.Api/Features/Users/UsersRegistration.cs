using TheBot.Api.Platform.Seeding;

namespace TheBot.Api.Features.Users;

public static class UsersRegistration
{
    /// <summary>Accounts (creation, role changes), the first admin from the bootstrap parameters, the demo people.</summary>
    public static IServiceCollection AddUsers(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<UserAccounts>();
        services.AddScoped<AccountChanges>();
        services.AddScoped<BulkUserActions>();
        services.Configure<BootstrapOptions>(configuration.GetSection(BootstrapOptions.SectionName));
        services.AddScoped<IRequiredDataSeeder, BootstrapAdminSeeder>();
        services.AddScoped<IDemoDataSeeder, DemoPeopleSeeder>();
        return services;
    }
}
