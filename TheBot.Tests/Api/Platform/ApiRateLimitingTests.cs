using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TheBot.Api.Platform.RateLimiting;

namespace TheBot.Tests.Api.Platform;

/// <summary>api's own request limiter, as api registers it, asked for permits in process with made-up client addresses.</summary>
public sealed class ApiRateLimitingTests
{
    [Fact]
    public void Anonymous_callers_anywhere_in_one_IPv6_64_share_one_request_bucket()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["RateLimiting:RequestBurstPerUser"] = "1",
            ["RateLimiting:RequestsPerUserPerSecond"] = "1",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddApiRateLimiting(configuration);
        using var provider = services.BuildServiceProvider();
        var limiter = provider.GetRequiredService<IOptions<RateLimiterOptions>>().Value.GlobalLimiter!;
        HttpContext From(string address) => new DefaultHttpContext { RequestServices = provider, Connection = { RemoteIpAddress = IPAddress.Parse(address) } };

        using var first = limiter.AttemptAcquire(From("2001:db8:5:6::1"));
        using var sameNetwork = limiter.AttemptAcquire(From("2001:db8:5:6:ffff:ffff:ffff:fffe"));
        using var otherNetwork = limiter.AttemptAcquire(From("2001:db8:5:7::1"));
        using var ipv4 = limiter.AttemptAcquire(From("192.0.2.10"));
        using var ipv4Neighbour = limiter.AttemptAcquire(From("192.0.2.11"));

        Assert.True(first.IsAcquired);
        Assert.False(sameNetwork.IsAcquired, "a second address of the same /64 got a bucket of its own");
        Assert.True(otherNetwork.IsAcquired);
        Assert.True(ipv4.IsAcquired);
        Assert.True(ipv4Neighbour.IsAcquired, "IPv4 addresses are counted one by one");
    }
}
