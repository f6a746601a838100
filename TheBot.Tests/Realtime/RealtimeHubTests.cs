using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.SignalR.Client;
using StackExchange.Redis;
using TheBot.Realtime.Contracts;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Realtime;

public sealed class RealtimeHubTests(TheBotAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_event_published_on_redis_reaches_the_users_socket_through_the_front_door()
    {
        var user = await fixture.People.CreateAsync("student");

        await RealtimeProbe.AssertEventRoundTripAsync(fixture.Host, user, Ct);
    }

    [Fact]
    public async Task An_event_for_one_user_does_not_reach_another()
    {
        var target = await fixture.People.CreateAsync("teacher");
        var bystander = await fixture.People.CreateAsync("teacher");
        await using var targetConnection = RealtimeProbe.Connect(fixture.Host, target.AccessToken);
        await using var bystanderConnection = RealtimeProbe.Connect(fixture.Host, bystander.AccessToken);
        var marker = Guid.NewGuid().ToString();
        var targetGot = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var bystanderGot = 0;
        targetConnection.On<JsonElement>("systemNotice", p => { if (p.GetProperty("marker").GetString() == marker) { targetGot.TrySetResult(); } });
        bystanderConnection.On<JsonElement>("systemNotice", p => { if (p.GetProperty("marker").GetString() == marker) { Interlocked.Increment(ref bystanderGot); } });
        await targetConnection.StartJoinedAsync(Ct);
        await bystanderConnection.StartJoinedAsync(Ct);

        await RealtimeProbe.PublishAsync(fixture.Host, "systemNotice", RealtimeAudience.ToUsers(target.Id), new { marker });
        await targetGot.Task.WaitAsync(TimeSpan.FromSeconds(15), Ct);
        // A second event to everyone, after the first: when it arrives, the first had its chance too.
        var fence = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bystanderConnection.On<JsonElement>("fence", _ => fence.TrySetResult());
        await RealtimeProbe.PublishAsync(fixture.Host, "fence", RealtimeAudience.ToUsers(bystander.Id), new { });
        await fence.Task.WaitAsync(TimeSpan.FromSeconds(15), Ct);

        Assert.Equal(0, bystanderGot);
    }

    [Fact]
    public async Task A_new_connection_is_told_connected_once_it_has_joined_its_rooms()
    {
        var admin = await fixture.People.CreateAsync("admin");
        var student = await fixture.People.CreateAsync("student");
        await Chatting.StartRoomAsync(admin, student.Id);
        await using var connection = RealtimeProbe.Connect(fixture.Host, student.AccessToken);

        var connected = await connection.StartJoinedAsync(Ct);

        var info = await connection.InvokeAsync<JsonElement>("GetConnectionInfo", Ct);
        Assert.Equal(info.GetProperty("connectionId").GetString(), connected.GetProperty("connectionId").GetString());
        Assert.Equal(info.GetProperty("replica").GetString(), connected.GetProperty("replica").GetString());
        Assert.Equal(1, connected.GetProperty("rooms").GetInt32());
    }

    [Fact]
    public async Task The_hub_tells_clients_neither_its_host_name_nor_its_process_id()
    {
        var user = await fixture.People.CreateAsync("student");
        await using var connection = RealtimeProbe.Connect(fixture.Host, user.AccessToken);

        var connected = await connection.StartJoinedAsync(Ct);
        var info = await connection.InvokeAsync<JsonElement>("GetConnectionInfo", Ct);

        var processIds = await RealtimeProcessIdsAsync();
        Assert.NotEmpty(processIds);
        foreach (var told in new[] { connected, info })
        {
            var replica = told.GetProperty("replica").GetString()!;
            Assert.DoesNotContain(Environment.MachineName, replica, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(System.Net.Dns.GetHostName(), replica, StringComparison.OrdinalIgnoreCase);
            Assert.All(processIds, pid => Assert.DoesNotContain(pid, replica, StringComparison.Ordinal));
            Assert.False(told.TryGetProperty("replicaConnections", out _), "How busy a replica is is not the client's business: " + told);
        }

        Assert.Equal(info.GetProperty("replica").GetString(), connected.GetProperty("replica").GetString());
    }

    [Fact]
    public async Task Presence_is_answered_only_about_people_who_share_a_room_with_the_caller()
    {
        var roommate = await fixture.People.CreateAsync("admin");
        var asker = await fixture.People.CreateAsync("student");
        var stranger = await fixture.People.CreateAsync("teacher");
        await Chatting.StartRoomAsync(roommate, asker.Id);
        await using var roommateSocket = await Chatting.ListenAsync(fixture.Host, roommate, Ct);
        await using var strangerSocket = await Chatting.ListenAsync(fixture.Host, stranger, Ct);
        await using var askerSocket = await Chatting.ListenAsync(fixture.Host, asker, Ct);

        var online = await askerSocket.Connection.InvokeAsync<Guid[]>("GetPresence", new[] { roommate.Id, stranger.Id, asker.Id }, Ct);

        Assert.Equal(new[] { roommate.Id, asker.Id }.Order(), online.Order());
    }

    [Fact]
    public async Task An_open_connection_holds_no_redis_subscription_of_its_own()
    {
        var admin = await fixture.People.CreateAsync("admin");
        var users = new List<SignedIn>();
        for (var i = 0; i < 10; i++)
        {
            users.Add(await fixture.People.CreateAsync("student"));
        }

        var roomId = await Chatting.StartRoomAsync(admin, users[0].Id);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(await fixture.Host.GetConnectionStringAsync("redis"));
        var server = redis.GetServers().Single();
        var before = await server.SubscriptionChannelsAsync();

        // Two connections per user, each in its user's group, the first user's also in a room's.
        var connections = new List<Listener>();
        try
        {
            foreach (var user in users.Concat(users))
            {
                connections.Add(await Chatting.ListenAsync(fixture.Host, user, Ct));
            }

            var ids = new List<string>();
            foreach (var connection in connections)
            {
                ids.Add((await connection.Connection.InvokeAsync<JsonElement>("GetConnectionInfo", Ct)).GetProperty("connectionId").GetString()!);
            }

            var open = (await server.SubscriptionChannelsAsync()).Select(c => c.ToString()).ToList();

            Assert.Contains(RealtimeChannels.Events, open);
            var named = users.Select(u => u.Id.ToString()).Concat(ids).Append(roomId.ToString()).ToList();
            Assert.DoesNotContain(open, channel => named.Any(name => channel.Contains(name, StringComparison.OrdinalIgnoreCase)));
            // Other tests connect meanwhile too; still, 20 connections add no channel each.
            Assert.True(open.Count < before.Length + connections.Count, $"{before.Length} channels before, {open.Count} with {connections.Count} connections open");
        }
        finally
        {
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-jwt")]
    public async Task Connections_without_a_valid_access_token_are_refused(string? token)
    {
        await using var connection = RealtimeProbe.Connect(fixture.Host, token);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => connection.StartAsync(Ct));

        Assert.Contains("401", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The process ids of the realtime replicas, as the AppHost knows them.</summary>
    private async Task<List<string>> RealtimeProcessIdsAsync()
    {
        var notifications = fixture.Host.App.Services.GetRequiredService<ResourceNotificationService>();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        try
        {
            await foreach (var update in notifications.WatchAsync(timeout.Token))
            {
                if (update.Resource.Name == "realtime"
                    && update.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is { } pid
                    && pid.ToString() is { Length: > 0 } text)
                {
                    return [text];
                }
            }
        }
        catch (OperationCanceledException) when (!Ct.IsCancellationRequested)
        {
        }

        return [];
    }
}
