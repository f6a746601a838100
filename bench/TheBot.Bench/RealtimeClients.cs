using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using TheBot.Realtime.Contracts;

namespace TheBot.Bench;

/// <summary>Opens SignalR connections (WebSockets only, like the SPA) to one or more realtime endpoints.</summary>
internal static class RealtimeClients
{
    public static HubConnection Create(string baseUrl, string token) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(new Uri(baseUrl), "/hubs/realtime"), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();

    /// <summary>Starts connections a batch at a time (a burst of thousands of handshakes measures the kernel's accept queue).</summary>
    public static async Task<List<HubConnection>> StartAllAsync(IReadOnlyList<HubConnection> connections, int batch, CancellationToken cancellationToken)
    {
        var started = new List<HubConnection>(connections.Count);
        for (var i = 0; i < connections.Count; i += batch)
        {
            var slice = connections.Skip(i).Take(batch).ToList();
            await Task.WhenAll(slice.Select(c => StartJoinedAsync(c, cancellationToken)));
            started.AddRange(slice);
        }

        return started;
    }

    /// <summary>Starts and waits for the hub's <c>connected</c> event: only then is the connection in its groups.</summary>
    private static async Task StartJoinedAsync(HubConnection connection, CancellationToken cancellationToken)
    {
        var joined = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = connection.On<object>(ConnectionEventNames.Connected, _ => joined.TrySetResult());
        await connection.StartAsync(cancellationToken);
        await joined.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
    }
}
