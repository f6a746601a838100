using Microsoft.AspNetCore.HttpOverrides;

namespace TheBot.Web.FrontDoor;

/// <summary>
/// <c>FrontDoor:TrustedProxies</c>: load balancers or ingresses in front of the front door whose
/// X-Forwarded-For/-Proto/-Host are believed. Empty (the default): nobody's are, and the client is whoever
/// opened the connection.
/// </summary>
public sealed class TrustedProxyOptions
{
    public const string Section = "FrontDoor:TrustedProxies";

    /// <summary>Networks in CIDR notation, e.g. "10.0.0.0/8".</summary>
    public IList<string> Networks { get; } = [];

    public bool Any => Networks.Count > 0;

    public void ApplyTo(ForwardedHeadersOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
        options.KnownIPNetworks.Clear();
        options.KnownProxies.Clear();
        foreach (var network in Networks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }
    }
}
