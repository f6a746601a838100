using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
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

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-jwt")]
    public async Task Connections_without_a_valid_access_token_are_refused(string? token)
    {
        await using var connection = RealtimeProbe.Connect(fixture.Host, token);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => connection.StartAsync(Ct));

        Assert.Contains("401", error.Message, StringComparison.Ordinal);
    }
}
