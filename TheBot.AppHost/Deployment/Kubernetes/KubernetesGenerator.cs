using TheBot.AppHost.Deployment.Model;
using TheBot.AppHost.Deployment.Yaml;

namespace TheBot.AppHost.Deployment.Kubernetes;

/// <summary>
/// Writes the kustomize tree: <c>base/</c> (namespace, the .NET services, storage, ingress, network policies,
/// config), <c>components/in-cluster-servers/</c> (PostgreSQL and Redis as StatefulSets) and the overlays
/// <c>overlays/dev</c> (with the in-cluster servers) and <c>overlays/prod</c> (managed servers).
/// </summary>
public static class KubernetesGenerator
{
    public const string Namespace = "thebot";
    public const string ServersComponent = "components/in-cluster-servers";

    public static GeneratedFiles Generate(DeploymentModel model)
    {
        ArgumentNullException.ThrowIfNull(model);

        var files = new GeneratedFiles();
        var projects = model.Services.Where(s => s.Kind == ServiceKind.Project).ToList();
        var servers = model.Services.Where(s => s.Kind == ServiceKind.Container).ToList();

        var baseResources = new List<string> { "namespace.yaml" };
        Add(files, "base/namespace.yaml", NamespaceObject());
        foreach (var service in projects)
        {
            var file = $"{service.Name}.yaml";
            baseResources.Add(file);
            Add(files, $"base/{file}",
                Workloads.Deployment(service),
                Workloads.Service(service),
                Workloads.Autoscaler(service, Overlays.Base.MinReplicas, Overlays.Base.MaxReplicas),
                Workloads.DisruptionBudget(service));
            files.Add($"base/config/{service.Name}.env", KubernetesEnvironment.ConfigFile(service));
        }

        var fileStores = projects.SelectMany(s => s.Volumes.Select(v => Storage.FileStoreClaim(s, v))).ToArray();
        if (fileStores.Length > 0)
        {
            baseResources.Add("storage.yaml");
            Add(files, "base/storage.yaml", fileStores);
        }

        var external = projects.Where(s => s.IsExternal).ToArray();
        if (external.Length > 0)
        {
            baseResources.Add("ingress.yaml");
            Add(files, "base/ingress.yaml", external.Select(Ingress.For).ToArray());
        }

        baseResources.Add("network-policies.yaml");
        Add(files, "base/network-policies.yaml", NetworkPolicies.Base(model).ToArray());
        files.Add("base/config/telemetry.env", KubernetesEnvironment.TelemetryFile());
        Add(files, "base/kustomization.yaml", Kustomization(
            "Kustomization",
            baseResources,
            [.. projects.Select(p => ConfigMapGenerator(KubernetesEnvironment.ConfigMapName(p), $"config/{p.Name}.env")),
                ConfigMapGenerator(KubernetesEnvironment.TelemetryConfigMap, "config/telemetry.env")]));

        var componentResources = new List<string>();
        foreach (var server in servers)
        {
            componentResources.Add($"{server.Name}.yaml");
            Add(files, $"{ServersComponent}/{server.Name}.yaml", Workloads.StatefulSet(server), Workloads.Service(server));
            files.Add($"{ServersComponent}/config/{server.Name}.env", KubernetesEnvironment.ConfigFile(server));
        }

        componentResources.Add("network-policies.yaml");
        Add(files, $"{ServersComponent}/network-policies.yaml", NetworkPolicies.InClusterServers(model).ToArray());
        Add(files, $"{ServersComponent}/kustomization.yaml", Kustomization(
            "Component",
            componentResources,
            [.. servers.Select(s => ConfigMapGenerator(KubernetesEnvironment.ConfigMapName(s), $"config/{s.Name}.env"))]));

        DashboardComponent.Add(files, model);
        GatewayComponent.Add(files, model);
        Overlays.Dev(files, model);
        Overlays.Prod(files, model);
        return files;
    }

    public static void Add(GeneratedFiles files, string path, params YamlMap[] documents)
    {
        ArgumentNullException.ThrowIfNull(files);
        files.Add(path, DeploymentConventions.KubernetesHeader + YamlWriter.WriteAll(documents));
    }

    public static YamlMap Kustomization(string kind, IEnumerable<string> resources, IEnumerable<YamlMap> configMaps) => new()
    {
        { "apiVersion", kind == "Component" ? "kustomize.config.k8s.io/v1alpha1" : "kustomize.config.k8s.io/v1beta1" },
        { "kind", kind },
        { "namespace", kind == "Component" ? null : Namespace },
        { "resources", new YamlSeq(resources) },
        { "generatorOptions", GeneratorOptions() },
        { "configMapGenerator", new YamlSeq(configMaps) },
    };

    /// <summary>
    /// Generated ConfigMaps and Secrets get a new name whenever their content changes; the label lets
    /// <c>kubectl apply --prune -l app.kubernetes.io/part-of=thebot</c> remove the ones nothing refers to any more.
    /// </summary>
    public static YamlMap GeneratorOptions() => new()
    {
        { "labels", new YamlMap { { "app.kubernetes.io/part-of", KubernetesLabels.PartOf } } },
    };

    public static YamlMap ConfigMapGenerator(string name, string file) => new()
    {
        { "name", name },
        { "envs", new YamlSeq { file } },
    };

    private static YamlMap NamespaceObject() => new()
    {
        { "apiVersion", "v1" },
        { "kind", "Namespace" },
        {
            "metadata", KubernetesLabels.Metadata(Namespace, new YamlMap
            {
                { KubernetesLabels.Name, Namespace },
                { KubernetesLabels.Instance, KubernetesLabels.PartOf },
                { "app.kubernetes.io/part-of", KubernetesLabels.PartOf },
                { "app.kubernetes.io/managed-by", "kustomize" },
                { "pod-security.kubernetes.io/enforce", "restricted" },
                { "pod-security.kubernetes.io/enforce-version", "latest" },
                { "pod-security.kubernetes.io/warn", "restricted" },
                { "pod-security.kubernetes.io/audit", "restricted" },
            })
        },
    };
}
