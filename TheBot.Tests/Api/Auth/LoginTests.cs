using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Auth;

public sealed class LoginTests(TheBotAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("admin")]
    [InlineData("teacher")]
    [InlineData("tutor")]
    [InlineData("student")]
    [InlineData("parent")]
    public async Task Each_demo_user_signs_in_with_the_documented_password_and_gets_their_role(string role)
    {
        using var client = fixture.Host.CreateWebClient();

        using var response = await client.PostAsJsonAsync("/api/auth/login", new { email = $"{role}@thebot.local", password = "Pass123$" }, Ct);

        await Expect.StatusAsync(HttpStatusCode.OK, response);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(role, body.GetProperty("user").GetProperty("role").GetString());
        Assert.Equal($"{role}@thebot.local", body.GetProperty("user").GetProperty("email").GetString());
        Assert.Equal(3, body.GetProperty("accessToken").GetString()!.Split('.').Length);
        var expiresIn = body.GetProperty("expiresAt").GetDateTimeOffset() - DateTimeOffset.UtcNow;
        Assert.InRange(expiresIn, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15.5));
    }

    [Fact]
    public async Task The_refresh_cookie_is_HttpOnly_SameSite_Strict_and_scoped_to_auth()
    {
        var user = await fixture.People.CreateAccountAsync("student");
        using var client = fixture.Host.CreateWebClient();

        using var response = await client.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = People.DefaultPassword }, Ct);

        await Expect.StatusAsync(HttpStatusCode.OK, response);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("thebot_refresh=", cookie, StringComparison.Ordinal);
        Assert.Contains("path=/api/auth", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        // Plain HTTP in tests: the cookie is Secure only when the request came over HTTPS.
        Assert.DoesNotContain("secure", cookie.Replace("thebot_refresh", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Wrong_password_and_unknown_email_get_the_same_generic_401()
    {
        var user = await fixture.People.CreateAccountAsync("teacher");
        using var client = fixture.Host.CreateWebClient();

        using var wrongPassword = await client.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = "not-the-password" }, Ct);
        using var unknownEmail = await client.PostAsJsonAsync("/api/auth/login", new { email = $"nobody-{Guid.NewGuid():N}@tests.thebot.local", password = "not-the-password" }, Ct);

        var first = await Expect.ProblemAsync(HttpStatusCode.Unauthorized, wrongPassword);
        var second = await Expect.ProblemAsync(HttpStatusCode.Unauthorized, unknownEmail);
        Assert.Equal(first.GetProperty("detail").GetString(), second.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Invalid_input_lists_each_field_in_a_400_problem()
    {
        using var client = fixture.Host.CreateWebClient();

        using var response = await client.PostAsJsonAsync("/api/auth/login", new { email = "not-an-email", password = "" }, Ct);

        var problem = await Expect.ProblemAsync(HttpStatusCode.BadRequest, response);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("email", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("password", out _), errors.ToString());
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem_not_a_500()
    {
        using var client = fixture.Host.CreateWebClient();
        using var content = new StringContent("{\"email\": ", System.Text.Encoding.UTF8, "application/json");

        using var response = await client.PostAsync("/api/auth/login", content, Ct);

        await Expect.ProblemAsync(HttpStatusCode.BadRequest, response);
    }

    [Fact]
    public async Task Five_attempts_per_address_and_email_then_429_with_Retry_After()
    {
        using var client = fixture.Host.CreateWebClient();
        var email = $"nobody-{Guid.NewGuid():N}@tests.thebot.local";

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var allowed = await client.PostAsJsonAsync("/api/auth/login", new { email, password = "guess-" + attempt }, Ct);
            await Expect.StatusAsync(HttpStatusCode.Unauthorized, allowed);
        }

        using var limited = await client.PostAsJsonAsync("/api/auth/login", new { email, password = "guess-6" }, Ct);

        await Expect.ProblemAsync(HttpStatusCode.TooManyRequests, limited);
        var retryAfter = int.Parse(Assert.Single(limited.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
    }

    [Fact]
    public async Task Failures_from_another_network_slow_that_network_down_but_never_stop_the_owner_signing_in()
    {
        var owner = await fixture.People.CreateAccountAsync("teacher");
        using var attacker = FrontDoorStandIn.ApiClientFor(fixture.Host, $"{FrontDoorStandIn.NewIPv6Network()}::666");
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var failed = await attacker.PostAsJsonAsync("/api/auth/login", new { email = owner.Email, password = "wrong-" + attempt }, Ct);
            await Expect.StatusAsync(HttpStatusCode.Unauthorized, failed);
        }

        using var slowedDown = await attacker.PostAsJsonAsync("/api/auth/login", new { email = owner.Email, password = "wrong-6" }, Ct);
        await Expect.ProblemAsync(HttpStatusCode.TooManyRequests, slowedDown);

        var signedIn = await fixture.People.SignInAsync(owner.Email, People.DefaultPassword);

        Assert.Equal(owner.Id, signedIn.Id);
    }

    [Fact]
    public async Task A_deactivated_user_cannot_sign_in_or_refresh()
    {
        var user = await fixture.People.CreateAsync("student");
        var admin = await fixture.People.AdminAsync();

        using var deactivate = await admin.Client.DeleteAsync($"/api/admin/users/{user.Id}", Ct);
        await Expect.StatusAsync(HttpStatusCode.NoContent, deactivate);

        using var signIn = await fixture.Host.CreateWebClient().PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = user.Password }, Ct);
        await Expect.ProblemAsync(HttpStatusCode.Unauthorized, signIn);
        using var refresh = await user.Client.PostAsync("/api/auth/refresh", null, Ct);
        await Expect.ProblemAsync(HttpStatusCode.Unauthorized, refresh);
        using var me = await user.Client.GetAsync("/api/auth/me", Ct);
        await Expect.StatusAsync(HttpStatusCode.Unauthorized, me);
    }
}
