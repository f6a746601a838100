using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Web;

/// <summary>
/// A client that talks to the front door directly and sends its own X-Forwarded-For, against every service
/// running with the settings the generated compose file gives it: the header must change nothing — not the
/// address its device shows, not the sign-in throttle, not the edge limit.
/// </summary>
[Collection(ProductionAppFixture.Collection)]
public sealed class ForwardedHeadersTests(ProductionAppFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_clients_own_X_Forwarded_For_is_not_the_address_its_signed_in_device_shows()
    {
        var user = await app.People.CreateAccountAsync("parent");
        using var client = app.Host.CreateWebClient();
        using var login = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login") { Content = JsonContent.Create(new { email = user.Email, password = People.DefaultPassword }) };
        login.Headers.Add("X-Forwarded-For", "198.51.100.77");
        using var signedIn = await client.SendAsync(login, Ct);
        await Expect.StatusAsync(HttpStatusCode.OK, signedIn);
        var token = (await signedIn.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("accessToken").GetString();

        using var list = new HttpRequestMessage(HttpMethod.Get, "/api/auth/sessions");
        list.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var sessions = await client.SendAsync(list, Ct);
        await Expect.StatusAsync(HttpStatusCode.OK, sessions);
        var shown = (await sessions.Content.ReadFromJsonAsync<JsonElement>(Ct)).EnumerateArray()
            .Single(s => s.GetProperty("current").GetBoolean()).GetProperty("ipAddress").GetString();

        Assert.NotEqual("198.51.100.77", shown);
        Assert.True(IPAddress.TryParse(shown, out var address) && IPAddress.IsLoopback(address), $"the device shows {shown}, not the test's own address");
    }

    [Fact]
    public async Task A_client_cannot_get_fresh_sign_in_attempts_by_sending_a_new_X_Forwarded_For_each_time()
    {
        var email = $"victim-{Guid.NewGuid():N}@tests.thebot.local";
        using var client = app.Host.CreateWebClient();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var guess = await LoginAsync(client, email, $"198.51.100.{attempt}");
            await Expect.StatusAsync(HttpStatusCode.Unauthorized, guess);
        }

        using var refused = await LoginAsync(client, email, "198.51.100.200");

        await Expect.ProblemAsync(HttpStatusCode.TooManyRequests, refused);
    }

    [Fact]
    public async Task A_client_cannot_escape_the_edge_limit_by_sending_a_new_X_Forwarded_For_each_time()
    {
        using var client = app.Host.CreateWebClient();

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, ProductionAppFixture.RateLimitProbePath);
            request.Headers.Add("X-Forwarded-For", $"192.0.2.{attempt}");
            using var response = await client.SendAsync(request, Ct);
            statuses.Add(response.StatusCode);
        }

        // The rule allows two a minute per client; whatever an earlier run of this test used, the fourth is refused.
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    private static async Task<HttpResponseMessage> LoginAsync(HttpClient client, string email, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login") { Content = JsonContent.Create(new { email, password = "not-the-password" }) };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return await client.SendAsync(request, Ct);
    }
}
