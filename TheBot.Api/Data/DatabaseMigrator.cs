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
