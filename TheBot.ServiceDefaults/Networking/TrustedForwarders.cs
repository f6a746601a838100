using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;

namespace TheBot.ServiceDefaults.Networking;

/// <summary>
/// Whose X-Forwarded-For/-Proto/-Host a service believes: the proxies in front of it, named by network, and only
/// the last hop (the address the nearest of them saw). With no network named, nobody's — even when
/// ASPNETCORE_FORWARDEDHEADERS_ENABLED has asked ASP.NET Core to believe everyone's, which is what an empty list
/// would otherwise mean to its middleware.
/// </summary>
public static class TrustedForwarders
{
    /// <summary>Networks in CIDR notation ("10.0.0.0/8", "fd00::/8"); blank entries are skipped, anything else unreadable is an error.</summary>
    public static IReadOnlyList<IPNetwork> Parse(IEnumerable<string?> networks)
    {
        ArgumentNullException.ThrowIfNull(networks);
        var parsed = new List<IPNetwork>();
        foreach (var network in networks)
        {
            if (string.IsNullOrWhiteSpace(network))
            {
                continue;
            }

            if (!IPNetwork.TryParse(network.Trim(), out var value))
            {
                throw new FormatException($"'{network}' is not a network in CIDR notation (e.g. 10.0.0.0/8).");
            }

            parsed.Add(value);
        }

        return parsed;
    }

    /// <summary>Believe only <paramref name="networks"/>, plus this host itself when <paramref name="includeLoopback"/>.</summary>
    public static void Apply(ForwardedHeadersOptions options, IEnumerable<IPNetwork> networks, bool includeLoopback)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(networks);

        options.KnownIPNetworks.Clear();
        options.KnownProxies.Clear();
        if (includeLoopback)
        {
            options.KnownIPNetworks.Add(new IPNetwork(IPAddress.Loopback, 8));
            options.KnownIPNetworks.Add(new IPNetwork(IPAddress.IPv6Loopback, 128));
        }

        foreach (var network in networks)
        {
            options.KnownIPNetworks.Add(network);
        }

        options.ForwardLimit = 1;
        options.ForwardedHeaders = options.KnownIPNetworks.Count == 0
            ? ForwardedHeaders.None
            : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
    }
}
