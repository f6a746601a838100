using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TheBot.Api.Data;
using TheBot.Api.Platform.Auth;
using TheBot.Api.Platform.Seeding;

namespace TheBot.Api.Features.Users;

/// <summary>Creates the first admin of a database that has none, from the bootstrap parameters (when they are set).</summary>
public sealed partial class BootstrapAdminSeeder(
    TheBotDbContext db, UserAccounts accounts, IOptions<BootstrapOptions> bootstrap, ILogger<BootstrapAdminSeeder> logger) : IRequiredDataSeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
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
}

/// <summary><c>Bootstrap</c>: the first admin of an empty database (AppHost secret parameters).</summary>
public sealed class BootstrapOptions
{
    public const string SectionName = "Bootstrap";

    public string? AdminEmail { get; set; }

    public string? AdminPassword { get; set; }

    public string AdminName { get; set; } = "Administrator";
}
