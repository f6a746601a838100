using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using TheBot.Api.Platform.Seeding;

namespace TheBot.Api.Data;

/// <summary>
/// Prepares the database at startup: the checked-in migrations, then the bootstrap admin and (in
/// Development) demo data. A PostgreSQL advisory lock makes replicas take turns, and a failure stops
/// the service with one clear log line instead of serving an outdated schema.
/// </summary>
public static partial class DatabaseMigrator
{
    // Any constant works as long as every replica uses the same one: "TheBot" in ASCII.
    private const long MigrationLockKey = 0x5468_6542_6F74;

    // Its queries appear under one named span in the traces instead of each on its own.
    private static readonly ActivitySource Activities = new("TheBot");

    public static async Task<bool> MigrateDatabaseAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseMigrator));
        using var activity = Activities.StartActivity("prepare database");
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TheBotDbContext>();
            await DatabaseCreation.EnsureExistsAsync(db.Database.GetConnectionString()!, cancellationToken);

            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                await ExecuteAsync(connection, $"SELECT pg_advisory_lock({MigrationLockKey})", cancellationToken);
                try
                {
                    // Every start but the first after a deployment finds the schema up to date. That is told by one
                    // query (the ids in the history table against this build's migrations); EF's own check first
                    // builds a model of the history table and generates its DDL, which cost api ~0.2 s of CPU on every
                    // start (docs/benchmarks.md, "Startup and footprint (issue #18)").
                    var applied = await AppliedMigrationsAsync(connection, cancellationToken);
                    if (applied is null || db.GetService<IMigrationsAssembly>().Migrations.Keys.Any(id => !applied.Contains(id)))
                    {
                        await ApplyPendingAsync(db, connection, logger, cancellationToken);
                    }

                    LogUpToDate(logger);
                    await scope.ServiceProvider.GetRequiredService<DatabaseSeeder>().SeedAsync(cancellationToken);
                }
                finally
                {
                    await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({MigrationLockKey})", CancellationToken.None);
                }
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }

            return true;
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or DbUpdateException or TimeoutException)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            LogFailed(logger, ex);
            return false;
        }
    }

    private static async Task ApplyPendingAsync(TheBotDbContext db, NpgsqlConnection connection, ILogger logger, CancellationToken cancellationToken)
    {
        // Npgsql's EF provider finds out whether the history table exists by querying it and catching
        // "relation does not exist", which EF logs as a failed command: two errors on every first start.
        // Creating the (empty) table first, as the migration itself would, keeps a first start quiet.
        await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            var names = string.Join(", ", pending);
            LogApplying(logger, pending.Count, names);
            await db.Database.MigrateAsync(cancellationToken);
            await connection.ReloadTypesAsync(cancellationToken);
        }
    }

    /// <summary>The ids of the applied migrations, or null when there is no history table yet (a new database).</summary>
    private static async Task<HashSet<string>?> AppliedMigrationsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        // The history table's column is snake_case too (UseSnakeCaseNamingConvention applies to it).
        // to_regclass resolves the name on the search path, as EF does, and says null instead of failing when the
        // table is not there: no error in the database's log on a first start.
        const string Table = $"\"{HistoryRepository.DefaultTableName}\"";
        await using (var exists = new NpgsqlCommand($"SELECT to_regclass('{Table}') IS NOT NULL", connection))
        {
            if (await exists.ExecuteScalarAsync(cancellationToken) is not true)
            {
                return null;
            }
        }

        await using var command = new NpgsqlCommand($"SELECT migration_id FROM {Table}", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var applied = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            applied.Add(reader.GetString(0));
        }

        return applied;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Count} database migration(s): {Migrations}")]
    private static partial void LogApplying(ILogger logger, int count, string migrations);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database schema is up to date")]
    private static partial void LogUpToDate(ILogger logger);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Preparing the database (migrations, bootstrap admin, demo data) failed; the service stops instead of running on an outdated or empty schema")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
