using TheBot.AppHost.Deployment.Model;
using TheBot.AppHost.Deployment.Yaml;

namespace TheBot.AppHost.Deployment.Kubernetes;

/// <summary>
/// <c>components/gateway-api</c>: the external service behind a Gateway API <c>HTTPRoute</c> instead of the
/// ingress-nginx Ingress (which no longer gets security fixes). An overlay chooses it with
/// <c>components: [../../components/gateway-api]</c>: the Ingress goes, the route attaches to the Gateway
/// <c>thebot</c> in the namespace <c>gateway</c> (patch <c>parentRefs</c> for yours), whose pods may then reach web.
/// </summary>
public static class GatewayComponent
{
    public const string Directory = "components/gateway-api";
    public const string GatewayName = "thebot";
    public const string GatewayNamespace = "gateway";

    public static void Add(GeneratedFiles files, DeploymentModel model)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(model);

        var external = model.Services.Where(s => s.IsExternal).ToList();
        if (external.Count == 0)
        {
            return;
        }

        KubernetesGenerator.Add(files, $"{Directory}/http-routes.yaml", [.. external.SelectMany(s => (YamlMap[])[Route(s), Policy(s)])]);
        KubernetesGenerator.Add(files, $"{Directory}/kustomization.yaml", new YamlMap
        {
            { "apiVersion", "kustomize.config.k8s.io/v1alpha1" },
            { "kind", "Component" },
            { "resources", new YamlSeq { "http-routes.yaml" } },
            {
                "patches", new YamlSeq(external.Select(s => (object)new YamlMap
                {
                    { "patch", $"$patch: delete\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: {s.Name}\n" },
                }))
            },
        });
    }

    private static YamlMap Route(DeployedService service) => new()
    {
        { "apiVersion", "gateway.networking.k8s.io/v1" },
        { "kind", "HTTPRoute" },
        { "metadata", KubernetesLabels.Metadata(service.Name, KubernetesLabels.For(service)) },
        {
            "spec", new YamlMap
            {
                { "parentRefs", new YamlSeq { new YamlMap { { "name", GatewayName }, { "namespace", GatewayNamespace } } } },
                { "hostnames", new YamlSeq { Ingress.PlaceholderHost } },
                {
                    "rules", new YamlSeq
                    {
                        new YamlMap
                        {
                            { "matches", new YamlSeq { new YamlMap { { "path", new YamlMap { { "type", "PathPrefix" }, { "value", "/" } } } } } },
                            { "backendRefs", new YamlSeq { new YamlMap { { "name", service.Name }, { "port", service.PrimaryPort.TargetPort } } } },
                            // SignalR's WebSockets stay open for hours: as the Ingress's one-hour proxy timeouts.
                            { "timeouts", new YamlMap { { "request", Ingress.StreamTimeoutSeconds + "s" }, { "backendRequest", Ingress.StreamTimeoutSeconds + "s" } } },
                        },
                    }
                },
            }
        },
    };

    private static YamlMap Policy(DeployedService service) => new()
    {
        { "apiVersion", "networking.k8s.io/v1" },
        { "kind", "NetworkPolicy" },
        { "metadata", KubernetesLabels.Metadata($"{service.Name}-from-gateway", KubernetesLabels.Shared($"{service.Name}-from-gateway")) },
        {
            "spec", new YamlMap
            {
                { "podSelector", new YamlMap { { "matchLabels", KubernetesLabels.Selector(service.Name) } } },
                { "policyTypes", new YamlSeq { "Ingress" } },
                {
                    "ingress", new YamlSeq
                    {
                        new YamlMap
                        {
                            { "from", new YamlSeq { new YamlMap { { "namespaceSelector", new YamlMap { { "matchLabels", new YamlMap { { "kubernetes.io/metadata.name", GatewayNamespace } } } } } } } },
                            { "ports", new YamlSeq(service.Ports.Select(p => (object)new YamlMap { { "protocol", "TCP" }, { "port", p.TargetPort } })) },
                        },
                    }
                },
            }
        },
    };
}
