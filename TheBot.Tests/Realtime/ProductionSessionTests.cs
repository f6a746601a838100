using System.Net;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Realtime;

/// <summary>
/// What operators run (every service in Production): logging out everywhere closes an open socket and
/// the copied token cannot reconnect; a cross-site refresh is refused and the session survives it.
/// </summary>
[Collection(ProductionAppFixture.Collection)]
public sealed class ProductionSessionTests(ProductionAppFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task In_production_logging_out_everywhere_closes_the_open_socket_and_the_copied_token_cannot_reconnect()
    {
        var user = await app.People.CreateAsync("teacher");
        await using var socket = RealtimeProbe.Connect(app.Host, user.AccessToken);
        var closed = socket.WhenClosed();
        await socket.StartJoinedAsync(Ct);

        using (var logoutAll = await user.Client.PostAsync("/api/auth/logout-all", null, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.NoContent, logoutAll);
        }

        await closed.WaitAsync(TimeSpan.FromSeconds(15), Ct);
        await using var again = RealtimeProbe.Connect(app.Host, user.AccessToken);
        var error = await Assert.ThrowsAnyAsync<Exception>(() => again.StartJoinedAsync(Ct));
        Assert.Contains("401", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_production_a_cross_site_refresh_is_refused_and_the_session_survives_it()
    {
        var user = await app.People.CreateAsync("student");
        using var client = app.Host.CreateWebClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/refresh");
        request.Headers.Add("Cookie", $"thebot_refresh={user.RefreshCookie}");
        request.Headers.Add("Sec-Fetch-Site", "cross-site");
        request.Headers.Add("Origin", "https://evil.example");

        using var response = await client.SendAsync(request, Ct);

        await Expect.ProblemAsync(HttpStatusCode.Forbidden, response);
        using var ownerRefresh = await user.Client.PostAsync("/api/auth/refresh", null, Ct);
        await Expect.StatusAsync(HttpStatusCode.OK, ownerRefresh);
    }
}
