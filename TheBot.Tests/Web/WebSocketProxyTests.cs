using System.Net;
using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Web;

/// <summary>/hubs/** reaches realtime through the front door as a real WebSocket, not a fallback transport.</summary>
public sealed class WebSocketProxyTests(TheBotAppFixture fixture)
{
    private const char RecordSeparator = '\u001e';

    [Fact]
    public async Task A_raw_WebSocket_is_upgraded_through_the_front_door_and_speaks_SignalR()
    {
        var ct = TestContext.Current.CancellationToken;
        var user = await fixture.People.CreateAsync("student");
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        var hub = new UriBuilder(fixture.Host.WebEndpoint) { Scheme = "ws", Path = "/hubs/realtime", Query = "access_token=" + user.AccessToken }.Uri;

        await socket.ConnectAsync(hub, ct);

        Assert.Equal(HttpStatusCode.SwitchingProtocols, socket.HttpStatusCode);
        Assert.Equal("DENY", socket.HttpResponseHeaders?["X-Frame-Options"].Single());
        await SendAsync(socket, "{\"protocol\":\"json\",\"version\":1}" + RecordSeparator, ct);
        // The hub acknowledges the handshake with an empty JSON object.
        Assert.Equal("{}" + RecordSeparator, await ReceiveAsync(socket, ct));
        await SendAsync(socket, "{\"type\":6}" + RecordSeparator, ct);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", ct);
    }

    [Fact]
    public async Task A_SignalR_client_connects_with_WebSockets_only_and_stays_connected_across_keep_alives()
    {
        var ct = TestContext.Current.CancellationToken;
        var user = await fixture.People.CreateAsync("teacher");
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(fixture.Host.WebEndpoint, "/hubs/realtime"), options =>
            {
                options.SkipNegotiation = true;
                options.Transports = HttpTransportType.WebSockets;
                options.AccessTokenProvider = () => Task.FromResult<string?>(user.AccessToken);
            })
            .Build();
        connection.KeepAliveInterval = TimeSpan.FromSeconds(1);

        await connection.StartAsync(ct);
        await Task.Delay(TimeSpan.FromSeconds(3), ct);

        Assert.Equal(HubConnectionState.Connected, connection.State);
        await connection.StopAsync(ct);
    }

    private static Task SendAsync(ClientWebSocket socket, string text, CancellationToken ct) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, ct);

    private static async Task<string> ReceiveAsync(ClientWebSocket socket, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        var buffer = new byte[4096];
        var text = new StringBuilder();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, timeout.Token);
            text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
        }
        while (!result.EndOfMessage);
        return text.ToString();
    }
}
