using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using TheBot.Realtime.Contracts;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Realtime;

/// <summary>
/// A socket lives only as long as the session and the token behind it: revoking a session, logging out
/// everywhere or deactivating the user closes the open sockets at once, a revoked token cannot open a new
/// one, and a socket closes when its token expires (the client reconnects with a fresh one).
/// </summary>
public sealed class RealtimeSessionTests(TheBotAppFixture fixture)
{
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(15);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Logging_out_everywhere_closes_the_open_socket_at_once_and_the_copied_token_cannot_connect_again()
    {
        var user = await fixture.People.CreateAsync("student");
        await using var socket = RealtimeProbe.Connect(fixture.Host, user.AccessToken);
        var closed = socket.WhenClosed();
        await socket.StartJoinedAsync(Ct);

        using (var logoutAll = await user.Client.PostAsync("/api/auth/logout-all", null, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.NoContent, logoutAll);
        }

        await closed.WaitAsync(CloseTimeout, Ct);
        await AssertRefusedAsync(user.AccessToken);
    }

    [Fact]
    public async Task Signing_out_one_device_closes_that_devices_socket_and_leaves_the_other_devices_socket_open()
    {
        var phone = await fixture.People.CreateAsync("teacher");
        var laptop = await fixture.People.SignInAsync(phone.Email, phone.Password);
        await using var phoneSocket = await Chatting.ListenAsync(fixture.Host, phone, Ct);
        await using var laptopSocket = await Chatting.ListenAsync(fixture.Host, laptop, Ct);
        var phoneClosed = phoneSocket.Connection.WhenClosed();

        using (var logout = await phone.Client.PostAsync("/api/auth/logout", null, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.NoContent, logout);
        }

        await phoneClosed.WaitAsync(CloseTimeout, Ct);
        await AssertRefusedAsync(phone.AccessToken);
        var marker = Guid.NewGuid();
        await RealtimeProbe.PublishAsync(fixture.Host, "fence", RealtimeAudience.ToUsers(laptop.Id), new { marker });
        await laptopSocket.WaitAsync("fence", p => p.GetProperty("marker").GetGuid() == marker);
        Assert.Equal(HubConnectionState.Connected, laptopSocket.Connection.State);
    }

    [Fact]
    public async Task Deactivating_a_user_closes_their_socket_and_their_rooms_messages_stop_reaching_them()
    {
        // A subject room stays open for the others when one student goes (a direct room would close with its pair).
        var admin = await fixture.People.AdminAsync();
        var c = await fixture.Learning.CreateClassroomAsync();
        var roomId = await Chatting.SubjectRoomAsync(c.Student, c.SubjectId);
        await using var socket = await Chatting.ListenAsync(fixture.Host, c.Student, Ct);
        var closed = socket.Connection.WhenClosed();
        var before = (await Chatting.PostAsync(c.Teacher, roomId, "before")).Id;
        await socket.WaitAsync("messageCreated", Chatting.MessageIs(before));

        using (var deactivate = await admin.Client.DeleteAsync($"/api/admin/users/{c.Student.Id}", Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.NoContent, deactivate);
        }

        await closed.WaitAsync(CloseTimeout, Ct);
        await AssertRefusedAsync(c.Student.AccessToken);
        await using var teacherSocket = await Chatting.ListenAsync(fixture.Host, c.Teacher, Ct);
        var after = (await Chatting.PostAsync(c.Teacher, roomId, "after")).Id;
        await teacherSocket.WaitAsync("messageCreated", Chatting.MessageIs(after));
        Assert.Equal(0, socket.Count("messageCreated", Chatting.MessageIs(after)));
    }

    [Fact]
    public async Task A_password_change_closes_the_other_sessions_sockets_and_keeps_this_ones()
    {
        var here = await fixture.People.CreateAsync("tutor");
        var elsewhere = await fixture.People.SignInAsync(here.Email, here.Password);
        await using var hereSocket = await Chatting.ListenAsync(fixture.Host, here, Ct);
        await using var elsewhereSocket = await Chatting.ListenAsync(fixture.Host, elsewhere, Ct);
        var elsewhereClosed = elsewhereSocket.Connection.WhenClosed();

        using (var change = await here.Client.PostAsJsonAsync("/api/auth/change-password",
            new { currentPassword = here.Password, newPassword = "Another-Good-Passphrase-8" }, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.NoContent, change);
        }

        await elsewhereClosed.WaitAsync(CloseTimeout, Ct);
        var marker = Guid.NewGuid();
        await RealtimeProbe.PublishAsync(fixture.Host, "fence", RealtimeAudience.ToUsers(here.Id), new { marker });
        await hereSocket.WaitAsync("fence", p => p.GetProperty("marker").GetGuid() == marker);
        Assert.Equal(HubConnectionState.Connected, hereSocket.Connection.State);
    }

    [Fact]
    public async Task A_socket_closes_when_its_token_expires_and_a_fresh_token_reconnects_and_receives_what_follows()
    {
        var user = await fixture.People.CreateAsync("parent");
        var expiring = AccessTokens.Reissue(fixture.Host, user.AccessToken, TimeSpan.FromSeconds(10));
        await using var socket = RealtimeProbe.Connect(fixture.Host, expiring);
        var closed = socket.WhenClosed();
        await socket.StartJoinedAsync(Ct);

        // Validation allows 30 s of clock skew; the socket must close at the token's own expiry, well before.
        await closed.WaitAsync(TimeSpan.FromSeconds(25), Ct);

        await using var renewed = await Chatting.ListenAsync(fixture.Host, user, Ct);
        var marker = Guid.NewGuid();
        await RealtimeProbe.PublishAsync(fixture.Host, "fence", RealtimeAudience.ToUsers(user.Id), new { marker });
        await renewed.WaitAsync("fence", p => p.GetProperty("marker").GetGuid() == marker);
    }

    private async Task AssertRefusedAsync(string accessToken)
    {
        await using var again = RealtimeProbe.Connect(fixture.Host, accessToken);
        var error = await Assert.ThrowsAnyAsync<Exception>(() => again.StartJoinedAsync(Ct));
        Assert.Contains("401", error.Message, StringComparison.Ordinal);
    }
}
