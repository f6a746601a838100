using Npgsql;
using TheBot.Api.Data;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Data;

/// <summary>
/// Issue #15, item 8: api replicas starting together on a server without the database all run the creation
/// path at once; none of them may fail (one crashing and restarting was the symptom).
/// </summary>
public sealed class DatabaseCreationTests(TheBotAppFixture app)
{
    private const int Replicas = 12;

    /// <summary>Replicas start a few milliseconds apart, so that some check while another is creating and create after it finished.</summary>
    private static readonly TimeSpan Stagger = TimeSpan.FromMilliseconds(15);

    [Fact]
    public async Task Replicas_starting_moments_apart_on_a_server_without_the_database_all_create_it_without_failing()
    {
        var server = new NpgsqlConnectionStringBuilder(await app.Host.GetConnectionStringAsync("thebot"));
        var name = $"thebot_race_{Guid.NewGuid():N}";
        var target = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name, Pooling = false }.ConnectionString;
        try
        {
            for (var round = 0; round < 3; round++)
            {
                await DropAsync(server, name);
                var replicas = Enumerable.Range(0, Replicas).Select(i => Task.Run(async () =>
                {
                    await Task.Delay(Stagger * i, TestContext.Current.CancellationToken);
                    await DatabaseCreation.EnsureExistsAsync(target, TestContext.Current.CancellationToken);
                }, TestContext.Current.CancellationToken)).ToList();

                var failures = new List<Exception>();
                foreach (var replica in replicas)
                {
                    try
                    {
                        await replica;
                    }
                    catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
                    {
                        failures.Add(ex);
                    }
                }

                Assert.True(failures.Count == 0, $"round {round}: {failures.Count} of {Replicas} replicas failed: {failures.FirstOrDefault()?.Message}");
                Assert.Equal(1L, await ScalarAsync(server, $"SELECT count(*) FROM pg_database WHERE datname = '{name}'"));
            }
        }
        finally
        {
            await DropAsync(server, name);
        }
    }

    private static async Task DropAsync(NpgsqlConnectionStringBuilder server, string name) =>
        await ScalarAsync(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");

    private static async Task<object?> ScalarAsync(NpgsqlConnectionStringBuilder server, string sql)
    {
        var maintenance = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
    }
}
