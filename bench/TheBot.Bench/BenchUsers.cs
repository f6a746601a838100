using Npgsql;

namespace TheBot.Bench;

/// <summary>A seeded user with a seeded session (see <see cref="BenchSeeder"/>).</summary>
internal sealed record BenchUser(Guid UserId, Guid SessionId, string Role);

internal static class BenchUsers
{
    /// <summary>Seeded users of a role with their bench session, in a stable order.</summary>
    public static async Task<List<BenchUser>> LoadAsync(string connectionString, string emailPrefix, int limit, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            SELECT u.id, s.id, u.role FROM users u JOIN auth_sessions s ON s.user_id = u.id
            WHERE u.email LIKE @prefix AND s.device = 'bench'
            ORDER BY u.email LIMIT @limit
            """,
            connection);
        command.Parameters.AddWithValue("prefix", emailPrefix + "%");
        command.Parameters.AddWithValue("limit", limit);
        var users = new List<BenchUser>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            users.Add(new BenchUser(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2)));
        }

        return users;
    }
}
