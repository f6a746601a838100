using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TheBot.ServiceDefaults.Authentication;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Auth;

public sealed class SessionTests(TheBotAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Refresh_rotates_the_cookie_and_returns_a_new_access_token()
    {
        var user = await fixture.People.CreateAsync("student");
        var firstCookie = RefreshCookieOf(user);

        using var response = await user.Client.PostAsync("/api/auth/refresh", null, Ct);

        await Expect.StatusAsync(HttpStatusCode.OK, response);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.NotEqual(user.AccessToken, body.GetProperty("accessToken").GetString());
        Assert.Equal(user.Id, body.GetProperty("user").GetProperty("id").GetGuid());
        Assert.NotEqual(firstCookie, RefreshCookieOf(user));
    }

    [Fact]
    public async Task Reusing_a_rotated_refresh_token_revokes_the_whole_session()
    {
        var user = await fixture.People.CreateAsync("teacher");
        var stolen = RefreshCookieOf(user);
        using (var rotate = await user.Client.PostAsync("/api/auth/refresh", null, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, rotate);
        }

        // The rotation is older than the short grace racing tabs get.
        await SqlAsync("UPDATE auth_sessions SET rotated_at = rotated_at - interval '5 minutes' WHERE id = $1", SessionOf(stolen));

        using var replayed = await RefreshWithCookieAsync(stolen);

        await Expect.ProblemAsync(HttpStatusCode.Unauthorized, replayed);
        using var ownerRefresh = await user.Client.PostAsync("/api/auth/refresh", null, Ct);
        await Expect.StatusAsync(HttpStatusCode.Unauthorized, ownerRefresh);
        using var ownerCall = await user.Client.GetAsync("/api/auth/me", Ct);
        await Expect.StatusAsync(HttpStatusCode.Unauthorized, ownerCall);
    }

    [Theory]
    [InlineData("a-guessed-secret")]
    [InlineData("two-rotations-old")]
    public async Task A_wrong_secret_for_a_known_session_fails_the_refresh_and_leaves_the_session_alive(string presented)
    {
        var user = await fixture.People.CreateAsync("student");
        var sessionId = SessionOf(RefreshCookieOf(user));
        var cookie = $"{sessionId:N}.{Convert.ToBase64String(Guid.NewGuid().ToByteArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_')}";
        if (presented == "two-rotations-old")
        {
            cookie = RefreshCookieOf(user);
            for (var i = 0; i < 2; i++)
            {
                using var rotate = await user.Client.PostAsync("/api/auth/refresh", null, Ct);
                await Expect.StatusAsync(HttpStatusCode.OK, rotate);
            }
        }

        using var attempt = await RefreshWithCookieAsync(cookie);

        await Expect.ProblemAsync(HttpStatusCode.Unauthorized, attempt);
        await AssertStillSignedInAsync(user);
    }

    [Fact]
    public async Task A_session_ends_at_its_absolute_lifetime_however_recently_it_was_refreshed()
    {
        var user = await fixture.People.CreateAsync("parent");
        using (var rotate = await user.Client.PostAsync("/api/auth/refresh", null, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, rotate);
        }

        // Signed in 30 days and a minute ago (the default absolute lifetime), refreshed just now.
        await SqlAsync("UPDATE auth_sessions SET created_at = now() - interval '30 days 1 minute' WHERE id = $1", SessionOf(RefreshCookieOf(user)));

        using var refresh = await user.Client.PostAsync("/api/auth/refresh", null, Ct);

        await Expect.ProblemAsync(HttpStatusCode.Unauthorized, refresh);
    }

    [Fact]
    public async Task Refreshing_near_the_absolute_lifetime_extends_the_session_and_its_tokens_only_up_to_it()
    {
        var user = await fixture.People.CreateAsync("tutor");
        var sessionId = SessionOf(RefreshCookieOf(user));
        // Five minutes of the absolute lifetime left: less than one access token's fifteen.
        await SqlAsync("UPDATE auth_sessions SET created_at = now() - interval '30 days' + interval '5 minutes' WHERE id = $1", sessionId);

        using var refresh = await user.Client.PostAsync("/api/auth/refresh", null, Ct);

        await Expect.StatusAsync(HttpStatusCode.OK, refresh);
        var cookieExpires = user.Cookies.GetAllCookies().Single(c => c.Name == "thebot_refresh").Expires.ToUniversalTime();
        Assert.InRange(cookieExpires, DateTime.UtcNow.AddMinutes(3), DateTime.UtcNow.AddMinutes(6));
        var body = await refresh.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.InRange(body.GetProperty("expiresAt").GetDateTimeOffset(), DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddMinutes(6));
    }

    [Theory]
    [InlineData("/api/auth/refresh", "Sec-Fetch-Site", "cross-site")]
    [InlineData("/api/auth/refresh", "Sec-Fetch-Site", "same-site")]
    [InlineData("/api/auth/refresh", "Origin", "https://evil.example")]
    [InlineData("/api/auth/refresh", "Origin", "null")]
    [InlineData("/api/auth/logout", "Sec-Fetch-Site", "cross-site")]
    [InlineData("/api/auth/logout", "Sec-Fetch-Site", "same-site")]
    [InlineData("/api/auth/logout", "Origin", "https://evil.example")]
    [InlineData("/api/auth/logout", "Origin", "null")]
    public async Task Refresh_and_logout_refuse_cross_site_requests_and_leave_the_cookie_and_session_alone(string path, string header, string value)
    {
        var user = await fixture.People.CreateAsync("student");
        var cookie = RefreshCookieOf(user);
        using var client = fixture.Host.CreateWebClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        request.Headers.Add("Cookie", $"thebot_refresh={cookie}");
        request.Headers.Add(header, value);

        using var response = await client.SendAsync(request, Ct);

        await Expect.ProblemAsync(HttpStatusCode.Forbidden, response);
        Assert.False(response.Headers.Contains("Set-Cookie"), "A refused request must not touch the cookie");
        using var ownerRefresh = await user.Client.PostAsync("/api/auth/refresh", null, Ct);
        await Expect.StatusAsync(HttpStatusCode.OK, ownerRefresh);
    }

    [Theory]
    [InlineData("same-origin", true)]
    [InlineData(null, true)]
    [InlineData("same-origin", false)]
    [InlineData(null, false)]
    public async Task Refresh_and_logout_accept_the_sites_own_pages_and_clients_that_send_no_browser_headers(string? fetchSite, bool sendOrigin)
    {
        var user = await fixture.People.CreateAsync("student");

        foreach (var path in new[] { "/api/auth/refresh", "/api/auth/logout" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path);
            if (fetchSite is not null)
            {
                request.Headers.Add("Sec-Fetch-Site", fetchSite);
            }

            if (sendOrigin)
            {
                request.Headers.Add("Origin", fixture.Host.WebEndpoint.GetLeftPart(UriPartial.Authority));
            }

            using var response = await user.Client.SendAsync(request, Ct);
            Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        }
    }

    [Fact]
    public async Task Two_tabs_refreshing_with_the_same_cookie_both_succeed()
    {
        var user = await fixture.People.CreateAsync("parent");
        var cookie = RefreshCookieOf(user);

        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            using var client = fixture.Host.CreateWebClient();
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/refresh");
            request.Headers.Add("Cookie", $"thebot_refresh={cookie}");
            using var response = await client.SendAsync(request, Ct);
            return (response.StatusCode, Cookie: response.Headers.GetValues("Set-Cookie").Single());
        }));

        Assert.All(results, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        // Both got the same next token, so whichever cookie the browser keeps stays valid.
        Assert.Equal(results[0].Cookie.Split(';')[0], results[1].Cookie.Split(';')[0]);
    }

    [Fact]
    public async Task Two_devices_are_signed_in_at_once_and_logout_ends_only_one()
    {
        var phone = await fixture.People.CreateAsync("tutor");
        var laptop = await fixture.People.SignInAsync(phone.Email, phone.Password);

        var sessions = await laptop.Client.GetFromJsonAsync<JsonElement>("/api/auth/sessions", Ct);
        Assert.Equal(2, sessions.GetArrayLength());
        Assert.Single(sessions.EnumerateArray(), s => s.GetProperty("current").GetBoolean());

        using var logout = await phone.Client.PostAsync("/api/auth/logout", null, Ct);
        await Expect.StatusAsync(HttpStatusCode.NoContent, logout);

        using var phoneCall = await phone.Client.GetAsync("/api/auth/me", Ct);
        await Expect.StatusAsync(HttpStatusCode.Unauthorized, phoneCall);
        await AssertStillSignedInAsync(laptop);
    }

    [Fact]
    public async Task Logout_all_ends_every_session()
    {
        var first = await fixture.People.CreateAsync("student");
        var second = await fixture.People.SignInAsync(first.Email, first.Password);

        using var logoutAll = await first.Client.PostAsync("/api/auth/logout-all", null, Ct);
        await Expect.StatusAsync(HttpStatusCode.NoContent, logoutAll);

        foreach (var device in new[] { first, second })
        {
            await AssertSignedOutAsync(device);
        }
    }

    [Fact]
    public async Task A_password_change_ends_the_other_sessions_but_keeps_this_one()
    {
        var here = await fixture.People.CreateAsync("teacher");
        var elsewhere = await fixture.People.SignInAsync(here.Email, here.Password);

        using var change = await here.Client.PostAsJsonAsync("/api/auth/change-password",
            new { currentPassword = here.Password, newPassword = "Another-Good-Passphrase-7" }, Ct);
        await Expect.StatusAsync(HttpStatusCode.NoContent, change);

        using var hereCall = await here.Client.GetAsync("/api/auth/me", Ct);
        await Expect.StatusAsync(HttpStatusCode.OK, hereCall);
        using var elsewhereCall = await elsewhere.Client.GetAsync("/api/auth/me", Ct);
        await Expect.StatusAsync(HttpStatusCode.Unauthorized, elsewhereCall);
        var signInWithNew = await fixture.People.SignInAsync(here.Email, "Another-Good-Passphrase-7");
        Assert.Equal(here.Id, signInWithNew.Id);
    }

    [Theory]
    [InlineData("password123")]
    [InlineData("qwerty123")]
    [InlineData("short1")]
    public async Task Weak_new_passwords_are_refused(string weak)
    {
        var user = await fixture.People.CreateAsync("student");

        using var change = await user.Client.PostAsJsonAsync("/api/auth/change-password", new { currentPassword = user.Password, newPassword = weak }, Ct);

        var problem = await Expect.ProblemAsync(HttpStatusCode.BadRequest, change);
        Assert.True(problem.GetProperty("errors").TryGetProperty("newPassword", out _), problem.ToString());
    }

    [Fact]
    public async Task A_device_can_be_signed_out_from_the_sessions_list()
    {
        var keeper = await fixture.People.CreateAsync("parent");
        var lost = await fixture.People.SignInAsync(keeper.Email, keeper.Password);
        var sessions = await keeper.Client.GetFromJsonAsync<JsonElement>("/api/auth/sessions", Ct);
        var lostId = sessions.EnumerateArray().Single(s => !s.GetProperty("current").GetBoolean()).GetProperty("id").GetGuid();

        using var delete = await keeper.Client.DeleteAsync($"/api/auth/sessions/{lostId}", Ct);
        await Expect.StatusAsync(HttpStatusCode.NoContent, delete);
        using var deleteAgain = await keeper.Client.DeleteAsync($"/api/auth/sessions/{lostId}", Ct);
        await Expect.ProblemAsync(HttpStatusCode.NotFound, deleteAgain);

        using var lostCall = await lost.Client.GetAsync("/api/auth/me", Ct);
        await Expect.StatusAsync(HttpStatusCode.Unauthorized, lostCall);
    }

    [Fact]
    public async Task Someone_elses_session_cannot_be_deleted()
    {
        var owner = await fixture.People.CreateAsync("student");
        var other = await fixture.People.CreateAsync("student");
        var ownerSession = AccessTokens.SessionOf(owner.AccessToken);

        using var delete = await other.Client.DeleteAsync($"/api/auth/sessions/{ownerSession}", Ct);

        await Expect.ProblemAsync(HttpStatusCode.NotFound, delete);
        using var ownerCall = await owner.Client.GetAsync("/api/auth/me", Ct);
        await Expect.StatusAsync(HttpStatusCode.OK, ownerCall);
    }

    [Theory]
    [InlineData("expired")]
    [InlineData("wrong-issuer")]
    [InlineData("wrong-audience")]
    [InlineData("wrong-key")]
    public async Task Tokens_failing_lifetime_issuer_audience_or_signature_checks_are_401(string flaw)
    {
        var user = await fixture.People.CreateAsync("student");
        var now = DateTime.UtcNow;
        var token = TokenClaimingAdmin(user, flaw == "wrong-key" ? new string('k', 64) : null, token =>
        {
            token.Issuer = flaw == "wrong-issuer" ? "someone-else" : "thebot";
            token.Audience = flaw == "wrong-audience" ? "someone-else" : "thebot";
            token.IssuedAt = now.AddMinutes(-30);
            token.NotBefore = now.AddMinutes(-30);
            token.Expires = flaw == "expired" ? now.AddMinutes(-10) : now.AddMinutes(10);
        });
        using var client = ClientWith(token);

        using var response = await client.GetAsync("/api/auth/me", Ct);

        await Expect.StatusAsync(HttpStatusCode.Unauthorized, response);
    }

    [Fact]
    public async Task The_access_token_in_the_query_string_counts_only_on_hubs()
    {
        var user = await fixture.People.CreateAsync("student");
        using var client = fixture.Host.CreateWebClient();

        using var response = await client.GetAsync($"/api/auth/me?access_token={user.AccessToken}", Ct);

        await Expect.StatusAsync(HttpStatusCode.Unauthorized, response);
    }

    [Fact]
    public async Task A_well_formed_token_claiming_admin_gets_only_the_users_real_role()
    {
        var user = await fixture.People.CreateAsync("student");
        using var client = ClientWith(TokenClaimingAdmin(user));

        using var admin = await client.GetAsync("/api/admin/users", Ct);

        await Expect.StatusAsync(HttpStatusCode.Forbidden, admin);
    }

    /// <summary>A token for the user's own session that claims the admin role, signed with the run's key unless another is given.</summary>
    private string TokenClaimingAdmin(SignedIn user, string? signingKey = null, Action<SecurityTokenDescriptor>? alter = null)
    {
        var token = new SecurityTokenDescriptor
        {
            Issuer = "thebot",
            Audience = "thebot",
            Expires = DateTime.UtcNow.AddMinutes(10),
            SigningCredentials = new SigningCredentials(
                JwtAuthenticationExtensions.CreateSigningKey(new JwtOptions { SigningKey = signingKey ?? fixture.Host.Secrets.JwtSigningKey }), SecurityAlgorithms.HmacSha256),
            Subject = new ClaimsIdentity(
            [
                new Claim(TheBotClaims.UserId, user.Id.ToString()),
                new Claim(TheBotClaims.SessionId, AccessTokens.SessionOf(user.AccessToken).ToString()),
                new Claim(TheBotClaims.Role, "admin"),
            ]),
        };
        alter?.Invoke(token);
        return new JsonWebTokenHandler().CreateToken(token);
    }

    private HttpClient ClientWith(string accessToken)
    {
        var client = fixture.Host.CreateWebClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    /// <summary>The device's session still works: its access token is accepted and its refresh cookie renews it.</summary>
    private static Task AssertStillSignedInAsync(SignedIn device) => AssertSessionAsync(device, HttpStatusCode.OK);

    /// <summary>The device's session is over: its access token and its refresh cookie are both refused.</summary>
    private static Task AssertSignedOutAsync(SignedIn device) => AssertSessionAsync(device, HttpStatusCode.Unauthorized);

    private static async Task AssertSessionAsync(SignedIn device, HttpStatusCode expected)
    {
        using var call = await device.Client.GetAsync("/api/auth/me", Ct);
        await Expect.StatusAsync(expected, call);
        using var refresh = await device.Client.PostAsync("/api/auth/refresh", null, Ct);
        await Expect.StatusAsync(expected, refresh);
    }

    private static string RefreshCookieOf(SignedIn user) => user.RefreshCookie;

    private static Guid SessionOf(string refreshCookie) => Guid.ParseExact(refreshCookie[..32], "N");

    private async Task<HttpResponseMessage> RefreshWithCookieAsync(string cookie)
    {
        using var client = fixture.Host.CreateWebClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/refresh");
        request.Headers.Add("Cookie", $"thebot_refresh={cookie}");
        return await client.SendAsync(request, Ct);
    }

    private async Task SqlAsync(string sql, Guid sessionId)
    {
        await using var connection = new Npgsql.NpgsqlConnection(await fixture.Host.GetConnectionStringAsync("thebot"));
        await connection.OpenAsync(Ct);
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = sessionId });
        Assert.Equal(1, await command.ExecuteNonQueryAsync(Ct));
    }
}
