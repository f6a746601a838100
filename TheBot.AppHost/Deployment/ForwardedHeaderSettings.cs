using System.Globalization;
using TheBot.AppHost.Deployment.Model;

namespace TheBot.AppHost.Deployment;

/// <summary>
/// Whose X-Forwarded-* each service believes once deployed: the one place both generators take it from. Aspire
/// would set ASPNETCORE_FORWARDEDHEADERS_ENABLED=true (believe everyone) on every project;
/// <see cref="ServiceResourceExtensions.AddTheBotService{TProject}"/> turns that off. Instead:
/// <list type="bullet">
/// <item>compose: api believes the backend network, a fixed subnet (<see cref="BackendSubnetVariable"/>) that web
/// shares with it and that nothing outside the host can reach; web believes nobody, since clients reach its
/// published port directly (an operator who puts a proxy in front names it in <c>FrontDoor:TrustedProxies</c>).</item>
/// <item>Kubernetes: api believes the cluster's private address ranges, from which its NetworkPolicy admits only
/// web; web believes them too, from which its NetworkPolicy admits only the ingress controller.</item>
/// </list>
/// </summary>
public static class ForwardedHeaderSettings
{
    public const string ApiTrustedNetworks = "ForwardedHeaders__TrustedNetworks__";
    public const string WebTrustedProxies = "FrontDoor__TrustedProxies__Networks__";
    public const string BackendSubnetVariable = "THEBOT_BACKEND_SUBNET";
    public const string DefaultBackendSubnet = "10.203.0.0/24";

    /// <summary>Where pods get their addresses: RFC 1918, shared address space (RFC 6598) and IPv6 unique local addresses.</summary>
    public static readonly IReadOnlyList<string> ClusterNetworks = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "fc00::/7"];

    /// <summary>The backend network's subnet as compose reads it: the operator's <see cref="BackendSubnetVariable"/> or the default.</summary>
    public static string ComposeBackendSubnet => $"${{{BackendSubnetVariable}:-{DefaultBackendSubnet}}}";

    public static IEnumerable<KeyValuePair<string, string>> ForCompose(DeployedService service)
    {
        ArgumentNullException.ThrowIfNull(service);
        return service.Name == "api" ? Numbered(ApiTrustedNetworks, [ComposeBackendSubnet]) : [];
    }

    public static IEnumerable<KeyValuePair<string, string>> ForKubernetes(DeployedService service)
    {
        ArgumentNullException.ThrowIfNull(service);
        return service.Name switch
        {
            "api" => Numbered(ApiTrustedNetworks, ClusterNetworks),
            "web" => Numbered(WebTrustedProxies, ClusterNetworks),
            _ => [],
        };
    }

    private static IEnumerable<KeyValuePair<string, string>> Numbered(string prefix, IReadOnlyList<string> networks) =>
        networks.Select((network, index) => new KeyValuePair<string, string>(prefix + index.ToString(CultureInfo.InvariantCulture), network));
}
