using System.Net;
using System.Net.Http.Json;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.SystemHealth;

public sealed class SystemHealthTests(TheBotAppFixture fixture)
{
    [Fact]
    public async Task System_health_through_the_front_door_reports_postgres_redis_and_the_file_store_healthy()
    {
        using var client = fixture.Host.CreateWebClient();

        using var response = await client.GetAsync("/api/system/health", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var health = await response.Content.ReadFromJsonAsync<HealthBody>(TestContext.Current.CancellationToken);
        Assert.NotNull(health);
        Assert.Equal("Healthy", health.Status);
        Assert.Equal(["postgres", "redis", "storage", "telegram"], health.Dependencies.Select(d => d.Name).Order(StringComparer.Ordinal));
        Assert.All(health.Dependencies, d => Assert.Equal("Healthy", d.Status));
    }

    [Fact]
    public async Task An_admin_also_gets_the_version_latencies_and_the_development_sandbox()
    {
        var admin = await fixture.People.AdminAsync();

        var health = await admin.Client.GetFromJsonAsync<HealthBody>("/api/system/health", TestContext.Current.CancellationToken);

        Assert.NotNull(health);
        Assert.False(string.IsNullOrWhiteSpace(health.Version));
        Assert.All(health.Dependencies, d => Assert.True(d.LatencyMs >= 0));
        Assert.Equal("sandbox", health.Payments?.Mode);
        Assert.False(health.Payments?.SandboxOutsideDevelopment);
    }

    [Theory]
    [InlineData("/api/system/health/live")]
    [InlineData("/api/system/health/ready")]
    public async Task Liveness_and_readiness_mirrors_answer_healthy(string path)
    {
        using var client = fixture.Host.CreateWebClient();

        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("api")]
    [InlineData("realtime")]
    [InlineData("web")]
    public async Task Every_service_answers_its_probes(string service)
    {
        using var client = new HttpClient { BaseAddress = fixture.Host.App.GetEndpoint(service, "http") };

        using var alive = await client.GetAsync("/alive", TestContext.Current.CancellationToken);
        using var health = await client.GetAsync("/health", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    private sealed record HealthBody(string Status, string? Version, List<DependencyBody> Dependencies, PaymentsBody? Payments);

    private sealed record DependencyBody(string Name, string Status, double? LatencyMs);

    private sealed record PaymentsBody(string Mode, bool SandboxOutsideDevelopment);
}
