using TheBot.AppHost.Deployment.Model;
using TheBot.AppHost.Deployment.Yaml;

namespace TheBot.AppHost.Deployment.Kubernetes;

/// <summary>
/// <c>components/aspire-dashboard</c>: the standalone Aspire dashboard in the namespace, opt-in from an overlay
/// (<c>components: [../../components/aspire-dashboard]</c>). The services export to it (the telemetry ConfigMap's
/// endpoint); only they may reach its OTLP port, and nothing its UI: <c>kubectl -n thebot port-forward
/// deploy/aspire-dashboard 18888</c>.
/// </summary>
public static class DashboardComponent
{
    public static void Add(GeneratedFiles files, DeploymentModel model)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(model);

        var projects = model.Services.Where(s => s.Kind == ServiceKind.Project).Select(s => s.Name).Order(StringComparer.Ordinal).ToList();
        KubernetesGenerator.Add(files, $"{TelemetryDashboard.Component}/{TelemetryDashboard.Name}.yaml",
            Deployment(), Service(), Ingress(projects), Egress(projects));
        KubernetesGenerator.Add(files, $"{TelemetryDashboard.Component}/kustomization.yaml", new YamlMap
        {
            { "apiVersion", "kustomize.config.k8s.io/v1alpha1" },
            { "kind", "Component" },
            { "resources", new YamlSeq { $"{TelemetryDashboard.Name}.yaml" } },
            { "generatorOptions", KubernetesGenerator.GeneratorOptions() },
            {
                "configMapGenerator", new YamlSeq
                {
                    new YamlMap
                    {
                        { "name", KubernetesEnvironment.TelemetryConfigMap },
                        { "behavior", "merge" },
                        { "literals", new YamlSeq { $"OTEL_EXPORTER_OTLP_ENDPOINT={TelemetryDashboard.OtlpEndpoint}" } },
                    },
                }
            },
        });
    }

    private static YamlMap Labels() => KubernetesLabels.Shared(TelemetryDashboard.Name);

    private static YamlMap Deployment() => new()
    {
        { "apiVersion", "apps/v1" },
        { "kind", "Deployment" },
        { "metadata", KubernetesLabels.Metadata(TelemetryDashboard.Name, Labels()) },
        {
            "spec", new YamlMap
            {
                { "replicas", 1 },
                { "selector", new YamlMap { { "matchLabels", KubernetesLabels.Selector(TelemetryDashboard.Name) } } },
                {
                    "template", new YamlMap
                    {
                        { "metadata", new YamlMap { { "labels", Labels() } } },
                        {
                            "spec", new YamlMap
                            {
                                { "automountServiceAccountToken", false },
                                { "enableServiceLinks", false },
                                {
                                    "securityContext", new YamlMap
                                    {
                                        { "runAsNonRoot", true },
                                        { "runAsUser", TelemetryDashboard.UserId },
                                        { "runAsGroup", TelemetryDashboard.UserId },
                                        { "seccompProfile", new YamlMap { { "type", "RuntimeDefault" } } },
                                    }
                                },
                                { "containers", new YamlSeq { Container() } },
                                { "volumes", new YamlSeq { new YamlMap { { "name", "tmp" }, { "emptyDir", new YamlMap { { "sizeLimit", "64Mi" } } } } } },
                            }
                        },
                    }
                },
            }
        },
    };

    private static YamlMap Container() => new()
    {
        { "name", TelemetryDashboard.Name },
        { "image", TelemetryDashboard.Image },
        { "imagePullPolicy", "IfNotPresent" },
        {
            "ports", new YamlSeq
            {
                new YamlMap { { "name", "http" }, { "containerPort", TelemetryDashboard.UiPort }, { "protocol", "TCP" } },
                new YamlMap { { "name", "otlp-grpc" }, { "containerPort", TelemetryDashboard.OtlpPort }, { "protocol", "TCP" } },
            }
        },
        {
            "env", new YamlSeq(TelemetryDashboard.Environment.Select(e => (object)new YamlMap { { "name", e.Key }, { "value", e.Value } }))
        },
        {
            "resources", new YamlMap
            {
                { "requests", new YamlMap { { "cpu", "250m" }, { "memory", "128Mi" } } },
                { "limits", new YamlMap { { "cpu", "1" }, { "memory", "512Mi" } } },
            }
        },
        { "readinessProbe", new YamlMap { { "tcpSocket", new YamlMap { { "port", "http" } } }, { "periodSeconds", 10 } } },
        {
            "securityContext", new YamlMap
            {
                { "allowPrivilegeEscalation", false },
                { "readOnlyRootFilesystem", true },
                { "runAsNonRoot", true },
                { "capabilities", new YamlMap { { "drop", new YamlSeq { "ALL" } } } },
            }
        },
        { "volumeMounts", new YamlSeq { new YamlMap { { "name", "tmp" }, { "mountPath", DeploymentHardeningExtensions.ScratchDirectory } } } },
    };

    private static YamlMap Service() => new()
    {
        { "apiVersion", "v1" },
        { "kind", "Service" },
        { "metadata", KubernetesLabels.Metadata(TelemetryDashboard.Name, Labels()) },
        {
            "spec", new YamlMap
            {
                { "selector", KubernetesLabels.Selector(TelemetryDashboard.Name) },
                {
                    "ports", new YamlSeq
                    {
                        new YamlMap { { "name", "http" }, { "port", TelemetryDashboard.UiPort }, { "targetPort", "http" }, { "protocol", "TCP" } },
                        new YamlMap { { "name", "otlp-grpc" }, { "port", TelemetryDashboard.OtlpPort }, { "targetPort", "otlp-grpc" }, { "protocol", "TCP" } },
                    }
                },
            }
        },
    };

    private static YamlMap Ingress(IReadOnlyList<string> projects) => Policy(
        TelemetryDashboard.Name,
        new YamlMap { { "matchLabels", KubernetesLabels.Selector(TelemetryDashboard.Name) } },
        "Ingress",
        new YamlMap
        {
            { "from", new YamlSeq { new YamlMap { { "podSelector", Pods(projects) } } } },
            { "ports", new YamlSeq { new YamlMap { { "protocol", "TCP" }, { "port", TelemetryDashboard.OtlpPort } } } },
        });

    private static YamlMap Egress(IReadOnlyList<string> projects) => Policy(
        $"{TelemetryDashboard.Name}-clients",
        Pods(projects),
        "Egress",
        new YamlMap
        {
            { "to", new YamlSeq { new YamlMap { { "podSelector", new YamlMap { { "matchLabels", KubernetesLabels.Selector(TelemetryDashboard.Name) } } } } } },
            { "ports", new YamlSeq { new YamlMap { { "protocol", "TCP" }, { "port", TelemetryDashboard.OtlpPort } } } },
        });

    private static YamlMap Pods(IReadOnlyList<string> names) => new()
    {
        { "matchExpressions", new YamlSeq { new YamlMap { { "key", KubernetesLabels.Name }, { "operator", "In" }, { "values", new YamlSeq(names) } } } },
    };

    private static YamlMap Policy(string name, YamlMap podSelector, string type, YamlMap rule) => new()
    {
        { "apiVersion", "networking.k8s.io/v1" },
        { "kind", "NetworkPolicy" },
        { "metadata", KubernetesLabels.Metadata(name, KubernetesLabels.Shared(name)) },
        {
            "spec", new YamlMap
            {
                { "podSelector", podSelector },
                { "policyTypes", new YamlSeq { type } },
                { type == "Ingress" ? "ingress" : "egress", new YamlSeq { rule } },
            }
        },
    };
}
