using TheBot.AppHost.Deployment.Model;
using TheBot.AppHost.Deployment.Yaml;

namespace TheBot.AppHost.Deployment.Kubernetes;

/// <summary>
/// Default deny, then exactly the flows the model's references imply: the ingress controller to the external
/// service, each service to the services it references, DNS for everyone and OTLP export for the .NET services.
/// </summary>
public static class NetworkPolicies
{
    public const string IngressControllerNamespace = "ingress-nginx";
    public static readonly IReadOnlyList<int> OtlpPorts = [4317, 4318];

    public static IEnumerable<YamlMap> Base(DeploymentModel model)
    {
        yield return Policy("default-deny-all", new YamlMap(), ingress: new YamlSeq(), egress: new YamlSeq());
        yield return Policy("allow-dns", new YamlMap(), ingress: null, egress: new YamlSeq
        {
            new YamlMap
            {
                {
                    "to", new YamlSeq
                    {
                        new YamlMap
                        {
                            { "namespaceSelector", MatchLabels("kubernetes.io/metadata.name", "kube-system") },
                            { "podSelector", MatchLabels("k8s-app", "kube-dns") },
                        },
                    }
                },
                { "ports", new YamlSeq { Port(53, "UDP"), Port(53, "TCP") } },
            },
        });

        var projects = model.Services.Where(s => s.Kind == ServiceKind.Project).ToList();
        yield return Policy("allow-telemetry-export", PodsNamed(projects.Select(p => p.Name)), ingress: null, egress: new YamlSeq
        {
            new YamlMap { { "ports", new YamlSeq(OtlpPorts.Select(p => (object)Port(p, "TCP"))) } },
        });

        foreach (var service in projects)
        {
            yield return ForService(service, model);
        }

        foreach (var port in model.Services.SelectMany(s => s.ExternalEgress).Select(e => e.Port).Distinct().Order())
        {
            var clients = model.Services.Where(s => s.ExternalEgress.Any(e => e.Port == port)).Select(s => s.Name);
            yield return Policy($"allow-external-{port}", PodsNamed(clients), ingress: null, egress: new YamlSeq
            {
                new YamlMap
                {
                    { "to", new YamlSeq { new YamlMap { { "ipBlock", new YamlMap { { "cidr", "0.0.0.0/0" } } } } } },
                    { "ports", new YamlSeq { Port(port, "TCP") } },
                },
            });
        }
    }

    /// <summary>The data servers accept their clients only; their clients may reach them.</summary>
    public static IEnumerable<YamlMap> InClusterServers(DeploymentModel model)
    {
        foreach (var server in model.Services.Where(s => s.Kind == ServiceKind.Container))
        {
            yield return ForService(server, model);
            var clients = Clients(server, model).ToList();
            yield return Policy($"{server.Name}-clients", PodsNamed(clients), ingress: null, egress: new YamlSeq
            {
                new YamlMap
                {
                    { "to", new YamlSeq { new YamlMap { { "podSelector", new YamlMap { { "matchLabels", KubernetesLabels.Selector(server.Name) } } } } } },
                    { "ports", new YamlSeq(server.Ports.Select(p => (object)Port(p.TargetPort, "TCP"))) },
                },
            });
        }
    }

    /// <summary>Managed servers live outside the cluster at addresses only the operator knows: allow their ports.</summary>
    public static YamlMap ManagedServers(DeploymentModel model)
    {
        var servers = model.Services.Where(s => s.Kind == ServiceKind.Container).ToList();
        var clients = servers.SelectMany(s => Clients(s, model)).Distinct();
        return Policy("managed-servers-clients", PodsNamed(clients), ingress: null, egress: new YamlSeq
        {
            new YamlMap
            {
                { "to", new YamlSeq { new YamlMap { { "ipBlock", new YamlMap { { "cidr", "0.0.0.0/0" } } } } } },
                {
                    "ports", new YamlSeq(servers.SelectMany(s => s.Ports.Select(p => p.TargetPort).Concat(s.ManagedServerPorts))
                        .Distinct().Order().Select(p => (object)Port(p, "TCP")))
                },
            },
        });
    }

    private static YamlMap ForService(DeployedService service, DeploymentModel model)
    {
        var ports = new YamlSeq(service.Ports.Select(p => (object)Port(p.TargetPort, "TCP")));
        var from = new YamlSeq();
        if (service.IsExternal)
        {
            from.Add(new YamlMap { { "namespaceSelector", MatchLabels("kubernetes.io/metadata.name", IngressControllerNamespace) } });
        }

        foreach (var client in Clients(service, model))
        {
            from.Add(new YamlMap { { "podSelector", new YamlMap { { "matchLabels", KubernetesLabels.Selector(client) } } } });
        }

        var egress = new YamlSeq();
        foreach (var target in service.Connects.Select(model.Service).Where(t => t.Kind == ServiceKind.Project))
        {
            egress.Add(new YamlMap
            {
                { "to", new YamlSeq { new YamlMap { { "podSelector", new YamlMap { { "matchLabels", KubernetesLabels.Selector(target.Name) } } } } } },
                { "ports", new YamlSeq(target.Ports.Select(p => (object)Port(p.TargetPort, "TCP"))) },
            });
        }

        var ingress = new YamlSeq { new YamlMap { { "from", from }, { "ports", ports } } };
        return Policy(service.Name, new YamlMap { { "matchLabels", KubernetesLabels.Selector(service.Name) } }, ingress, egress.Count == 0 ? null : egress);
    }

    private static IEnumerable<string> Clients(DeployedService service, DeploymentModel model) =>
        model.Services.Where(s => s.Connects.Contains(service.Name)).Select(s => s.Name);

    private static YamlMap Policy(string name, YamlMap podSelector, YamlSeq? ingress, YamlSeq? egress)
    {
        var types = new YamlSeq();
        if (ingress is not null)
        {
            types.Add("Ingress");
        }

        if (egress is not null)
        {
            types.Add("Egress");
        }

        return new YamlMap
        {
            { "apiVersion", "networking.k8s.io/v1" },
            { "kind", "NetworkPolicy" },
            { "metadata", KubernetesLabels.Metadata(name, KubernetesLabels.Shared(name)) },
            {
                "spec", new YamlMap
                {
                    { "podSelector", podSelector },
                    { "policyTypes", types },
                    { "ingress", ingress is { Count: > 0 } ? ingress : null },
                    { "egress", egress is { Count: > 0 } ? egress : null },
                }
            },
        };
    }

    private static YamlMap PodsNamed(IEnumerable<string> names) => new()
    {
        {
            "matchExpressions", new YamlSeq
            {
                new YamlMap
                {
                    { "key", KubernetesLabels.Name },
                    { "operator", "In" },
                    { "values", new YamlSeq(names.Order(StringComparer.Ordinal)) },
                },
            }
        },
    };

    private static YamlMap MatchLabels(string key, string value) => new() { { "matchLabels", new YamlMap { { key, value } } } };

    private static YamlMap Port(int port, string protocol) => new() { { "protocol", protocol }, { "port", port } };
}
