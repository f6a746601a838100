using Npgsql;

namespace TheBot.Api.Data;

/// <summary>
/// Connection-string defaults the API's query mix needs, unless the operator set them (a positive
/// <c>Max Auto Prepare</c> in the connection string wins).
/// Automatic preparation matters most: EF sends the same few parameterised statements over and over,
/// and PostgreSQL otherwise parses and plans each one every time (planning cost more than executing
/// the lesson list on the benchmark data).
/// </summary>
public static class DatabaseConnectionTuning
{
    public const int MaxAutoPrepare = 256;

    public static string? Apply(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return connectionString;
        }

        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = MaxAutoPrepare;
            builder.AutoPrepareMinUsages = 2;
        }

        // Returning a connection to the pool otherwise costs a reset batch (RESET ALL, CLOSE ALL, DISCARD …)
        // on its next use: about a millisecond of database time per request. Nothing here leaves session
        // state behind (the migrator's advisory lock is released explicitly).
        builder.NoResetOnClose = true;

        return builder.ConnectionString;
    }

    /// <summary>The connection string with the password deployments keep apart (<see cref="TheBot.ServiceDefaults.Configuration.ConnectionPasswords"/>), when there is one.</summary>
    public static string? WithPassword(string? connectionString, string? password)
    {
        if (password is null || string.IsNullOrWhiteSpace(connectionString))
        {
            return connectionString;
        }

        return new NpgsqlConnectionStringBuilder(connectionString) { Password = password }.ConnectionString;
    }
}
