using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using TheBot.Realtime.Contracts;

namespace TheBot.Tests.Realtime;

internal static class HubConnectionStart
{
    /// <summary>
    /// Starts the connection and waits for the hub's <c>connected</c> event: only then has it joined its
    /// groups, so an event published afterwards is sure to reach it. Returns the event's payload.
    /// </summary>
    public static async Task<JsonElement> StartJoinedAsync(this HubConnection connection, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var joined = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = connection.On<JsonElement>(ConnectionEventNames.Connected, payload => joined.TrySetResult(payload));
        await connection.StartAsync(ct);
        return await joined.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
    }

    /// <summary>Completes when the connection closes (whoever closed it); call it before what should close it.</summary>
    public static Task WhenClosed(this HubConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        return closed.Task;
    }
}
