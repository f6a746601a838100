using Npgsql;

namespace TheBot.Api.Data;

/// <summary>
/// Creates the application's database when the server does not have it yet (a first start). Replicas starting
/// together take turns under an advisory lock on the server's maintenance database, so that only the first
/// creates it and the others find it: checking and creating without it raced (one replica's CREATE DATABASE
/// failed with "already exists" and it crashed and restarted). The migration lock needs the database to exist,
/// so it cannot cover this step.
/// </summary>
public static partial class DatabaseCreation
{
    // Not the migration lock's key: that one is taken inside the application's database.
    private const long CreationLockKey = 0x5468_6542_6F74_0001;

    public static async Task EnsureExistsAsync(string connectionString, CancellationToken cancellationToken)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        var name = target.Database ?? throw new InvalidOperationException("The connection string names no database.");

        // Every start but the first finds it here, without touching the maintenance database (which a managed
        // server's application account may not be allowed to open).
        if (await CanOpenAsync(target.ConnectionString, cancellationToken))
        {
            return;
        }

        var maintenance = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };

        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, $"SELECT pg_advisory_lock({CreationLockKey})", cancellationToken);
        try
        {
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection) { Parameters = { new() { Value = name } } };
            if (await exists.ExecuteScalarAsync(cancellationToken) is null)
            {
                var quoted = "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
                await ExecuteAsync(connection, $"CREATE DATABASE {quoted}", cancellationToken);
            }
        }
        finally
        {
            await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({CreationLockKey})", CancellationToken.None);
        }
    }

    private static async Task<bool> CanOpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            return true;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            return false;
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
