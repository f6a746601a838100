using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Resilience;

/// <summary>
/// Realtime stopped mid-conversation (both replicas of the scale-out application): api keeps storing
/// messages, the client's socket closes, and once realtime is back the client reconnects and catches up
/// with <c>?after=</c> — every message it missed, once, in order — then receives live again. Each replica
/// stops cleanly (exit code 0).
/// </summary>
[Collection(ScaleOutAppFixture.Collection)]
public sealed class RealtimeRestartTests(ScaleOutAppFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task After_realtime_restarts_a_reconnecting_client_catches_up_on_every_message_it_missed()
    {
        var admin = await app.People.CreateAsync("admin");
        var teacher = await app.People.CreateAsync("teacher");
        var roomId = await Chatting.StartRoomAsync(admin, teacher.Id);
        var socket = await Chatting.ListenAsync(app.Host, teacher, Ct);
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        socket.Connection.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };
        var first = (await Chatting.PostAsync(admin, roomId, "before the restart")).Id;
        await socket.WaitAsync("messageCreated", Chatting.MessageIs(first));

        var commands = app.Host.App.Services.GetRequiredService<ResourceCommandService>();
        var replicas = await ResourceInstances.IdsAsync(app.Host, "realtime", count: 2, Ct);
        var missed = new List<Guid>();
        try
        {
            foreach (var replica in replicas)
            {
                var stopped = await commands.ExecuteCommandAsync(replica, KnownResourceCommands.StopCommand, Ct);
                Assert.True(stopped.Success, stopped.Message);
                // A clean shutdown, as on every rolling update (it used to crash while disposing the backplane).
                Assert.Equal(0, await ResourceInstances.ExitCodeAsync(app.Host, replica, Ct));
            }

            await closed.Task.WaitAsync(TimeSpan.FromSeconds(60), Ct);
            for (var i = 0; i < 3; i++)
            {
                missed.Add((await Chatting.PostAsync(admin, roomId, $"while realtime was down {i}")).Id);
            }
        }
        finally
        {
            foreach (var replica in replicas)
            {
                var started = await commands.ExecuteCommandAsync(replica, KnownResourceCommands.StartCommand, CancellationToken.None);
                Assert.True(started.Success, started.Message);
            }

            await socket.DisposeAsync();
        }

        // The client reconnects (retrying until a replica answers), then catches up over REST.
        await using var reconnected = await ReconnectAsync(teacher);
        var caughtUp = await Chatting.MessagesAsync(teacher, roomId, $"?after={first}");
        Assert.Equal(missed, caughtUp.ItemIds());
        Assert.False(caughtUp.GetProperty("hasMore").GetBoolean());

        var live = (await Chatting.PostAsync(admin, roomId, "after the restart")).Id;
        await reconnected.WaitAsync("messageCreated", Chatting.MessageIs(live));
    }

    private async Task<Listener> ReconnectAsync(SignedIn user)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        while (true)
        {
            try
            {
                return await Chatting.ListenAsync(app.Host, user, timeout.Token);
            }
            catch (Exception ex) when (ex is HttpRequestException or System.Net.WebSockets.WebSocketException or TimeoutException or InvalidOperationException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), timeout.Token);
            }
        }
    }
}
