namespace TheBot.Api.Platform.Seeding;

/// <summary>
/// One feature's demo data. Seeders run in <see cref="Order"/> at startup in Development only, under
/// the migration lock; each must be idempotent (look before it adds).
/// </summary>
public interface IDemoDataSeeder
{
    int Order { get; }

    Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken);
}

/// <summary>What seeders share: the demo password and the demo people, by role.</summary>
public sealed class DemoSeedContext(string password)
{
    public string Password { get; } = password;

    public Dictionary<string, Guid> People { get; } = new(StringComparer.Ordinal);

    /// <summary>Demo subjects by name (filled by the enrollment seeder).</summary>
    public Dictionary<string, Guid> Subjects { get; } = new(StringComparer.Ordinal);
}
