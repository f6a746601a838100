namespace TheBot.Api.Platform.Seeding;

/// <summary>
/// Data every environment needs (the first admin of an empty database). Runs at every start, under the
/// migration lock and before demo data; must be idempotent.
/// </summary>
public interface IRequiredDataSeeder
{
    Task SeedAsync(CancellationToken cancellationToken);
}
