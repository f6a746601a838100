using TheBot.ServiceDefaults.Networking;

namespace TheBot.Web.FrontDoor;

/// <summary>
/// <c>FrontDoor:TrustedProxies</c>: load balancers or ingresses in front of the front door whose
/// X-Forwarded-For/-Proto/-Host are believed (<see cref="TrustedForwarders"/>). Empty (the default): nobody's
/// are, and the client is whoever opened the connection.
/// </summary>
public sealed class TrustedProxyOptions
{
    public const string Section = "FrontDoor:TrustedProxies";

    /// <summary>Networks in CIDR notation, e.g. "10.0.0.0/8".</summary>
    public IList<string> Networks { get; } = [];

    public bool Any => Networks.Any(n => !string.IsNullOrWhiteSpace(n));

    public void ApplyTo(ForwardedHeadersOptions options) => TrustedForwarders.Apply(options, TrustedForwarders.Parse(Networks), includeLoopback: false);
}
