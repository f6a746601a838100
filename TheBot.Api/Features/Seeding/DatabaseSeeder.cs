using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TheBot.Api.Data;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Auth;

namespace TheBot.Api.Features.Seeding;

/// <summary>Runs after migrations: the bootstrap admin on an empty database, demo data in Development.</summary>
public sealed partial class DatabaseSeeder(
    TheBotDbContext db,
    UserAccounts accounts,
    IEnumerable<IDemoDataSeeder> demoSeeders,
    IOptions<BootstrapOptions> bootstrap,
    IOptions<DemoOptions> demo,
    IHostEnvironment environment,
    ILogger<DatabaseSeeder> logger)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await EnsureBootstrapAdminAsync(cancellationToken);

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

    private async Task EnsureBootstrapAdminAsync(CancellationToken cancellationToken)
    {
        var options = bootstrap.Value;
        if (string.IsNullOrWhiteSpace(options.AdminEmail) || string.IsNullOrWhiteSpace(options.AdminPassword))
        {
            return;
        }

        if (await db.Users.AnyAsync(u => u.Role == UserRole.Admin, cancellationToken))
        {
            return;
        }

        var created = await accounts.CreateAsync(
            new NewUser(options.AdminEmail, options.AdminName, UserRole.Admin, Password: options.AdminPassword), cancellationToken);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(
                "The bootstrap admin could not be created: " + string.Join("; ", created.Errors!.SelectMany(e => e.Value)));
        }

        LogBootstrapAdmin(options.AdminEmail);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the first admin {Email} from the bootstrap parameters")]
    private partial void LogBootstrapAdmin(string email);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data is in place ({Seeders} seeders)")]
    private partial void LogDemoSeeded(int seeders);
}
