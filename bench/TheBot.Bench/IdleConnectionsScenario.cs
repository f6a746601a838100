using System.Globalization;
using Microsoft.AspNetCore.SignalR.Client;

namespace TheBot.Bench;

/// <summary>
/// (4a) Opens N idle WebSocket connections, each a different user, and reports the realtime process's
/// resident memory before and after: memory per connection.
/// </summary>
internal static class IdleConnectionsScenario
{
    public static async Task<int> RunAsync(BenchSettings settings, int count, int realtimePid, CancellationToken cancellationToken)
    {
        // Students, teachers and the chatter: the full data's 10,000 users (students alone are fewer).
        var users = await BenchUsers.LoadAsync(settings.Database, "bench-", count, cancellationToken);
        if (users.Count < count)
        {
            await Console.Error.WriteLineAsync($"Only {users.Count} seeded users; seed more (bench seed --users).");
            return 1;
        }

        var minter = new TokenMinter(settings.SigningKey);
        var before = ProcessMemory.ResidentBytes(realtimePid);
        var connections = users.Select(u => RealtimeClients.Create(settings.RealtimeUrl, minter.Mint(u.UserId, u.SessionId, u.Role))).ToList();
        var started = await RealtimeClients.StartAllAsync(connections, batch: 200, cancellationToken);

        // Let the server settle (buffers shrink after the handshakes), then measure.
        await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
        GC.KeepAlive(started);
        var after = ProcessMemory.ResidentBytes(realtimePid);
        var connected = started.Count(c => c.State == HubConnectionState.Connected);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"idle\t{count}\tconnected {connected}\trss before {before / 1048576.0:F1} MiB\tafter {after / 1048576.0:F1} MiB\tper connection {(after - before) / (double)Math.Max(1, connected) / 1024:F1} KiB"));

        if (Environment.GetEnvironmentVariable("BENCH_RESULTS") is { Length: > 0 } results)
        {
            await File.AppendAllTextAsync(results, string.Create(
                CultureInfo.InvariantCulture,
                $"{{\"kind\":\"idle_connections\",\"count\":{count},\"connected\":{connected},\"after_mib\":{after / 1048576.0:F1},\"per_connection_kib\":{(after - before) / (double)Math.Max(1, connected) / 1024:F1}}}\n"), cancellationToken);
        }

        await Task.WhenAll(started.Select(c => c.DisposeAsync().AsTask()));
        return connected == count ? 0 : 1;
    }
}
