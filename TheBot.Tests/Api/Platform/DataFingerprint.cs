using Npgsql;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Platform;

/// <summary>
/// The rows that mention given users (any uuid column holds one of their ids), table by table, with their
/// contents: taken before and after a sweep, it proves that refused requests wrote nothing. The users are the
/// test's own, so other tests running alongside do not disturb it; notifications and their outbox rows are left
/// out (an admin's broadcast to everyone in another test reaches these users too, and the outbox's sender updates
/// those deliveries in the background), and so is the reminder jobs' ledger (another test that runs the weekly-report
/// reminders now reminds every late teacher and tutor in the database, these users among them, on the days of the
/// week when those reminders are due).
/// </summary>
internal static class DataFingerprint
{
    private static readonly HashSet<string> Excluded = new(StringComparer.Ordinal) { "notifications", "notification_deliveries", "sent_reminders", "__EFMigrationsHistory" };

    public static async Task<Dictionary<string, string>> TakeAsync(TheBotAppFixture fixture, IReadOnlyList<Guid> userIds)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connection = new NpgsqlConnection(await fixture.Host.GetConnectionStringAsync("thebot"));
        await connection.OpenAsync(ct);
        var columns = new List<(string Table, string Column)>();
        await using (var command = new NpgsqlCommand(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND data_type = 'uuid' ORDER BY table_name, column_name",
            connection))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                columns.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in columns.GroupBy(c => c.Table).Where(t => !Excluded.Contains(t.Key)))
        {
            var where = string.Join(" OR ", table.Select(c => $"t.\"{c.Column}\" = ANY(@ids)"));
            await using var command = new NpgsqlCommand(
                $"SELECT count(*) || ':' || coalesce(md5(string_agg((to_jsonb(t) - 'last_seen_at')::text, ',' ORDER BY (to_jsonb(t) - 'last_seen_at')::text)), '') FROM \"{table.Key}\" t WHERE {where}",
                connection);
            command.Parameters.AddWithValue("ids", userIds.ToArray());
            result[table.Key] = (string)(await command.ExecuteScalarAsync(ct))!;
        }

        return result;
    }

    /// <summary>Null when nothing changed, else which tables did.</summary>
    public static string? Compare(Dictionary<string, string> before, Dictionary<string, string> after)
    {
        var changed = after.Where(a => before.GetValueOrDefault(a.Key) != a.Value).Select(a => $"{a.Key} ({before.GetValueOrDefault(a.Key)} → {a.Value})").ToList();
        return changed.Count == 0 ? null : "refused requests wrote to: " + string.Join(", ", changed);
    }
}
