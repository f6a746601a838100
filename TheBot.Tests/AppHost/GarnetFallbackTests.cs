using System.Net;
using System.Net.Http.Json;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using TheBot.AppHost.Infrastructure;
using TheBot.Tests.Fixtures;
using TheBot.Tests.Realtime;

namespace TheBot.Tests.AppHost;

/// <summary>The platform on Microsoft Garnet, as on a machine without redis-server.</summary>
[Collection(ScaleOutAppFixture.Collection)]
public sealed class GarnetFallbackTests(ScaleOutAppFixture app)
{
    [Fact]
    public async Task The_platform_runs_on_Garnet_when_asked_to()
    {
        var ct = TestContext.Current.CancellationToken;
        var model = app.Host.App.Services.GetRequiredService<DistributedApplicationModel>();
        var redis = Assert.IsType<LocalRedisResource>(model.Resources.Single(r => r.Name == "redis"));
        Assert.EndsWith("garnet-server", redis.Command, StringComparison.Ordinal);

        using var client = app.Host.CreateWebClient();
        using var response = await client.GetAsync("/api/system/health", ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(ct);
        var redisHealth = body.GetProperty("dependencies").EnumerateArray().Single(d => d.GetProperty("name").GetString() == "redis");
        Assert.Equal("Healthy", redisHealth.GetProperty("status").GetString());

        // Pub/sub (the events channel every realtime replica relays) works on Garnet too.
        var user = await app.People.CreateAsync("student");
        await RealtimeProbe.AssertEventRoundTripAsync(app.Host, user, ct);
    }
}
