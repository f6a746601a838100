using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.SystemHealth;

/// <summary>
/// What the health endpoints tell whom, the way operators run the platform: anyone learns whether it is up and
/// which dependency is not; versions, timings, problems and how payments run are for admins.
/// </summary>
[Collection(ProductionAppFixture.Collection)]
public sealed class HealthExposureTests(ProductionAppFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Anonymous_callers_get_the_overall_status_and_each_dependency_status_and_nothing_more()
    {
        using var client = app.Host.CreateWebClient();

        var health = await client.GetFromJsonAsync<JsonElement>("/api/system/health", Ct);

        Assert.Equal(["dependencies", "status"], Names(health));
        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        Assert.Equal(["postgres", "redis", "storage", "telegram"], health.GetProperty("dependencies").EnumerateArray().Select(d => d.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
        Assert.All(health.GetProperty("dependencies").EnumerateArray(), d => Assert.Equal(["name", "status"], Names(d)));
    }

    [Fact]
    public async Task Signed_in_people_who_are_not_admins_get_the_anonymous_answer()
    {
        var parent = await app.People.CreateAsync("parent");

        var health = await parent.Client.GetFromJsonAsync<JsonElement>("/api/system/health", Ct);

        Assert.Equal(["dependencies", "status"], Names(health));
    }

    [Fact]
    public async Task An_admin_gets_the_version_timings_and_how_payments_run()
    {
        var admin = await app.People.AdminAsync();

        var health = await admin.Client.GetFromJsonAsync<JsonElement>("/api/system/health", Ct);

        Assert.False(string.IsNullOrWhiteSpace(health.GetProperty("version").GetString()));
        Assert.True(health.GetProperty("totalDurationMs").GetDouble() >= 0);
        Assert.All(health.GetProperty("dependencies").EnumerateArray(), d => Assert.True(d.GetProperty("latencyMs").GetDouble() >= 0));
        var payments = health.GetProperty("payments");
        Assert.Equal("notConfigured", payments.GetProperty("mode").GetString());
        Assert.False(payments.GetProperty("sandboxOutsideDevelopment").GetBoolean());
        Assert.Contains("not configured", payments.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("api")]
    [InlineData("realtime")]
    [InlineData("web")]
    public async Task The_internal_probes_answer_a_status_word_and_nothing_more(string service)
    {
        using var client = new HttpClient { BaseAddress = app.Host.App.GetEndpoint(service, "http") };

        foreach (var path in (string[])["/health", "/alive"])
        {
            using var response = await client.GetAsync(path, Ct);
            await Expect.StatusAsync(HttpStatusCode.OK, response);
            Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(Ct));
        }
    }

    [Theory]
    [InlineData("/api/system/health/live")]
    [InlineData("/api/system/health/ready")]
    public async Task The_public_probe_mirrors_answer_a_status_word_and_nothing_more(string path)
    {
        using var client = app.Host.CreateWebClient();

        using var response = await client.GetAsync(path, Ct);

        await Expect.StatusAsync(HttpStatusCode.OK, response);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(Ct));
    }

    private static string[] Names(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];
}
