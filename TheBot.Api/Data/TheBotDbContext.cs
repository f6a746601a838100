using Microsoft.EntityFrameworkCore;

namespace TheBot.Api.Data;

/// <summary>The one database of the platform; each feature brings its own entity configuration.</summary>
public sealed class TheBotDbContext(DbContextOptions<TheBotDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);

        modelBuilder.HasPostgresExtension("btree_gist");
        modelBuilder.HasPostgresExtension("citext");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(TheBotDbContext).Assembly);
    }
}
