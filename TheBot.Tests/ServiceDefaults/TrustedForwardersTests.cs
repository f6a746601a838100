using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TheBot.ServiceDefaults.Networking;

namespace TheBot.Tests.ServiceDefaults;

/// <summary>
/// The shared rule web and api apply to X-Forwarded-*, in a host where an operator has also set
/// ASPNETCORE_FORWARDEDHEADERS_ENABLED=true (ASP.NET Core then clears the trusted lists, which to its middleware
/// means "believe everyone").
/// </summary>
public sealed class TrustedForwardersTests
{
    [Fact]
    public async Task With_no_trusted_network_nobody_is_believed_even_when_ASP_NET_Core_was_told_to_believe_everyone()
    {
        await using var app = Host(services => services.Configure<ForwardedHeadersOptions>(o => TrustedForwarders.Apply(o, [], includeLoopback: false)));

        Assert.Equal(IPAddress.Parse("203.0.113.5"), await SeenAsAsync(app, "203.0.113.5", "198.51.100.1"));
        Assert.Equal(IPAddress.Loopback, await SeenAsAsync(app, "127.0.0.1", "198.51.100.1"));
    }

    [Fact]
    public async Task A_trusted_proxy_is_believed_for_the_last_hop_only_and_others_not_at_all()
    {
        var networks = TrustedForwarders.Parse(["10.42.0.0/16", " "]);
        await using var app = Host(services => services.Configure<ForwardedHeadersOptions>(o => TrustedForwarders.Apply(o, networks, includeLoopback: false)));

        // The ingress appended the address it saw; whatever the client wrote before it is not read.
        Assert.Equal(IPAddress.Parse("198.51.100.1"), await SeenAsAsync(app, "10.42.3.4", "192.0.2.66, 198.51.100.1"));
        Assert.Equal(IPAddress.Parse("10.43.0.9"), await SeenAsAsync(app, "10.43.0.9", "198.51.100.1"));
        Assert.Throws<FormatException>(() => TrustedForwarders.Parse(["10.0.0.0/33"]));
    }

    private static WebApplication Host(Action<IServiceCollection> configure)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["FORWARDEDHEADERS_ENABLED"] = "true" });
        configure(builder.Services);
        return builder.Build();
    }

    private static async Task<IPAddress?> SeenAsAsync(WebApplication app, string peer, string forwardedFor)
    {
        var middleware = new ForwardedHeadersMiddleware(
            _ => Task.CompletedTask, app.Services.GetRequiredService<ILoggerFactory>(), app.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>());
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(peer);
        context.Request.Headers["X-Forwarded-For"] = forwardedFor;
        await middleware.Invoke(context);
        return context.Connection.RemoteIpAddress;
    }
}
