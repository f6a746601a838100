using System.Net;
using System.Net.Http.Json;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using TheBot.AppHost.Infrastructure;
using TheBot.Tests.Fixtures;
using TheBot.Tests.Realtime;

namespace TheBot.Tests.AppHost;

/// <summary>Boots a second application whose Redis is Microsoft Garnet, as on a machine without redis-server.</summary>
public sealed class GarnetFallbackTests : IAsyncLifetime
{
    private TestAppHost? _host;

    private TestAppHost Host => _host!;

    public async ValueTask InitializeAsync() =>
        _host = await TestAppHost.StartAsync(["--Infrastructure:Redis", "garnet"], cancellationToken: TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_platform_runs_on_Garnet_when_asked_to()
    {
        var ct = TestContext.Current.CancellationToken;
        var model = Host.App.Services.GetRequiredService<DistributedApplicationModel>();
        var redis = Assert.IsType<LocalRedisResource>(model.Resources.Single(r => r.Name == "redis"));
        Assert.EndsWith("garnet-server", redis.Command, StringComparison.Ordinal);

        using var client = Host.CreateWebClient();
        using var response = await client.GetAsync("/api/system/health", ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(ct);
        var redisHealth = body.GetProperty("dependencies").EnumerateArray().Single(d => d.GetProperty("name").GetString() == "redis");
        Assert.Equal("Healthy", redisHealth.GetProperty("status").GetString());

        // Pub/sub and the SignalR backplane work on Garnet too.
        var user = await new People(Host).CreateAsync("student");
        await RealtimeProbe.AssertEventRoundTripAsync(Host, user, ct);
    }
}
