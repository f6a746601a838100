using TheBot.AppHost.Deployment.Model;
using TheBot.AppHost.Deployment.Yaml;

namespace TheBot.AppHost.Deployment.Kubernetes;

/// <summary>The recommended <c>app.kubernetes.io/*</c> labels; selectors use only the ones that never change.</summary>
public static class KubernetesLabels
{
    public const string Name = "app.kubernetes.io/name";
    public const string Instance = "app.kubernetes.io/instance";
    public const string PartOf = "thebot";

    public static YamlMap Selector(string service) => new()
    {
        { Name, service },
        { Instance, PartOf },
    };

    public static YamlMap For(DeployedService service) => new()
    {
        { Name, service.Name },
        { Instance, PartOf },
        { "app.kubernetes.io/version", service.ImageTag },
        { "app.kubernetes.io/component", service.Kind == ServiceKind.Project ? "app" : "data" },
        { "app.kubernetes.io/part-of", PartOf },
        { "app.kubernetes.io/managed-by", "kustomize" },
    };

    /// <summary>Labels of objects that belong to the whole application rather than one service.</summary>
    public static YamlMap Shared(string name) => new()
    {
        { Name, name },
        { Instance, PartOf },
        { "app.kubernetes.io/part-of", PartOf },
        { "app.kubernetes.io/managed-by", "kustomize" },
    };

    public static YamlMap Metadata(string name, YamlMap labels, YamlMap? annotations = null) => new()
    {
        { "name", name },
        { "labels", labels },
        { "annotations", annotations },
    };
}
