using Microsoft.Extensions.Options;

namespace TheBot.Api.Platform.Seeding;

/// <summary>Runs after migrations: the data every environment needs, then demo data in Development.</summary>
public sealed partial class DatabaseSeeder(
    IEnumerable<IRequiredDataSeeder> requiredSeeders,
    IEnumerable<IDemoDataSeeder> demoSeeders,
    IOptions<DemoOptions> demo,
    IHostEnvironment environment,
    ILogger<DatabaseSeeder> logger)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        foreach (var seeder in requiredSeeders)
        {
            await seeder.SeedAsync(cancellationToken);
        }

        if (environment.IsDevelopment() && demo.Value.Seed)
        {
            var context = new DemoSeedContext(demo.Value.Password);
            var seeders = demoSeeders.OrderBy(s => s.Order).ToList();
            foreach (var seeder in seeders)
            {
                await seeder.SeedAsync(context, cancellationToken);
            }

            LogDemoSeeded(seeders.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data is in place ({Seeders} seeders)")]
    private partial void LogDemoSeeded(int seeders);
}
