using Npgsql;

namespace TheBot.Tests.Fixtures;

/// <summary>
/// A database of its own on the run's PostgreSQL server, which does not exist yet: what api meets on a first start.
/// Dropped again at the end.
/// </summary>
public sealed class FreshDatabase : IAsyncDisposable
{
    private readonly NpgsqlConnectionStringBuilder _server;

    private FreshDatabase(NpgsqlConnectionStringBuilder server, string name)
    {
        _server = server;
        Name = name;
    }

    public string Name { get; }

    /// <summary>The connection string api would be given for it.</summary>
    public string ConnectionString => new NpgsqlConnectionStringBuilder(_server.ConnectionString) { Database = Name }.ConnectionString;

    public static async Task<FreshDatabase> NameAsync(TestAppHost host, string purpose)
    {
        ArgumentNullException.ThrowIfNull(host);
        var server = new NpgsqlConnectionStringBuilder(await host.GetConnectionStringAsync("thebot"));
        return new FreshDatabase(server, $"thebot_{purpose}_{Guid.NewGuid():N}");
    }

    public async ValueTask DisposeAsync()
    {
        var maintenance = new NpgsqlConnectionStringBuilder(_server.ConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
