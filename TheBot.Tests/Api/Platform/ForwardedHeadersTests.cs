using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Platform;

/// <summary>
/// Whose X-Forwarded-For api believes, with api's own registration and the settings the generated compose
/// file gives it, put through ASP.NET Core's forwarded-headers middleware with made-up peer addresses.
/// </summary>
public sealed class ForwardedHeadersTests
{
    private const string ClaimedClient = "198.51.100.9";

    [Fact]
    public async Task Api_as_generated_for_compose_believes_X_Forwarded_For_only_from_webs_network()
    {
        var settings = ComposeEnvironment.SettingsOf("api");
        await using var api = await InProcessApi.BuildAsync(settings: settings.ToDictionary(s => s.Key, s => (string?)s.Value));
        var webNetworks = settings.Where(s => s.Key.StartsWith("ForwardedHeaders__TrustedNetworks__", StringComparison.Ordinal))
            .Select(s => System.Net.IPNetwork.Parse(s.Value)).ToList();

        // Elsewhere on private networks (another container, a pod, a VPN) and on the internet.
        foreach (var peer in (string[])["10.1.2.3", "172.18.0.5", "192.168.1.20", "100.64.0.7", "fd00::5", "203.0.113.8"])
        {
            var address = IPAddress.Parse(peer);
            if (!webNetworks.Any(n => n.Contains(address)))
            {
                Assert.True(Equals(address, await SeenAsAsync(api.Services, address)), $"api believed X-Forwarded-For from {peer}, outside web's network");
            }
        }

        Assert.NotEmpty(webNetworks);
        foreach (var network in webNetworks)
        {
            var webAddress = FirstHost(network);
            Assert.Equal(IPAddress.Parse(ClaimedClient), await SeenAsAsync(api.Services, webAddress));
        }
    }

    [Fact]
    public async Task Api_believes_its_own_host_so_that_web_on_the_same_machine_works_in_development()
    {
        await using var api = await InProcessApi.BuildAsync();

        Assert.Equal(IPAddress.Parse(ClaimedClient), await SeenAsAsync(api.Services, IPAddress.Loopback));
        Assert.Equal(IPAddress.Parse(ClaimedClient), await SeenAsAsync(api.Services, IPAddress.IPv6Loopback));
    }

    private static async Task<IPAddress?> SeenAsAsync(IServiceProvider services, IPAddress peer)
    {
        var middleware = new ForwardedHeadersMiddleware(
            _ => Task.CompletedTask, services.GetRequiredService<ILoggerFactory>(), services.GetRequiredService<IOptions<ForwardedHeadersOptions>>());
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = peer;
        context.Request.Headers["X-Forwarded-For"] = ClaimedClient;
        await middleware.Invoke(context);
        return context.Connection.RemoteIpAddress;
    }

    private static IPAddress FirstHost(System.Net.IPNetwork network)
    {
        var bytes = network.BaseAddress.GetAddressBytes();
        bytes[^1] |= 1;
        return new IPAddress(bytes);
    }
}
