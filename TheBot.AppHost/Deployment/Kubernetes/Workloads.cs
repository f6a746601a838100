using System.Globalization;
using TheBot.AppHost.Deployment.Model;
using TheBot.AppHost.Deployment.Yaml;

namespace TheBot.AppHost.Deployment.Kubernetes;

/// <summary>
/// Deployments (the .NET services) and StatefulSets (the data servers), their Services, autoscalers and
/// disruption budgets. Every pod meets the "restricted" Pod Security Standard and has a read-only root.
/// </summary>
public static class Workloads
{
    /// <summary>Seconds between SIGTERM being due and the pod leaving the Service endpoints everywhere.</summary>
    public const int PreStopDelaySeconds = 10;

    public const int TargetCpuUtilizationPercent = 70;

    /// <summary>A fresh api serves with seconds of p99 for its first ~15 s (docs/benchmarks.md).</summary>
    public const int WarmUpSeconds = 15;

    public static YamlMap Deployment(DeployedService service) => new()
    {
        { "apiVersion", "apps/v1" },
        { "kind", "Deployment" },
        { "metadata", KubernetesLabels.Metadata(service.Name, KubernetesLabels.For(service)) },
        {
            "spec", new YamlMap
            {
                // No replicas: the HorizontalPodAutoscaler owns the count, and every apply would reset it otherwise.
                // A new pod warms up (JIT, pools) on its share of traffic before the rollout retires an old one.
                { "minReadySeconds", WarmUpSeconds },
                { "revisionHistoryLimit", 5 },
                { "selector", new YamlMap { { "matchLabels", KubernetesLabels.Selector(service.Name) } } },
                {
                    "strategy", new YamlMap
                    {
                        { "type", "RollingUpdate" },
                        { "rollingUpdate", new YamlMap { { "maxSurge", 1 }, { "maxUnavailable", 0 } } },
                    }
                },
                { "template", PodTemplate(service, volumeClaims: false) },
            }
        },
    };

    public static YamlMap StatefulSet(DeployedService service) => new()
    {
        { "apiVersion", "apps/v1" },
        { "kind", "StatefulSet" },
        { "metadata", KubernetesLabels.Metadata(service.Name, KubernetesLabels.For(service)) },
        {
            "spec", new YamlMap
            {
                { "serviceName", service.Name },
                { "replicas", service.Replicas },
                { "selector", new YamlMap { { "matchLabels", KubernetesLabels.Selector(service.Name) } } },
                { "template", PodTemplate(service, volumeClaims: true) },
                {
                    "volumeClaimTemplates", new YamlSeq(service.Volumes.Select(v => (object)new YamlMap
                    {
                        { "metadata", new YamlMap { { "name", v.Name }, { "labels", KubernetesLabels.Selector(service.Name) } } },
                        { "spec", Storage.ClaimSpec(v.Name, "ReadWriteOnce") },
                    }))
                },
            }
        },
    };

    public static YamlMap Service(DeployedService service) => new()
    {
        { "apiVersion", "v1" },
        { "kind", "Service" },
        { "metadata", KubernetesLabels.Metadata(service.Name, KubernetesLabels.For(service)) },
        {
            "spec", new YamlMap
            {
                // The data servers' StatefulSets need a headless Service; clients reach the one pod directly.
                { "clusterIP", service.Kind == ServiceKind.Container ? "None" : null },
                { "selector", KubernetesLabels.Selector(service.Name) },
                {
                    "ports", new YamlSeq(service.Ports.Select(p => (object)new YamlMap
                    {
                        { "name", p.Name },
                        { "port", p.TargetPort },
                        { "targetPort", p.Name },
                        { "protocol", "TCP" },
                    }))
                },
            }
        },
    };

    public static YamlMap Autoscaler(DeployedService service, int minReplicas, int maxReplicas) => new()
    {
        { "apiVersion", "autoscaling/v2" },
        { "kind", "HorizontalPodAutoscaler" },
        { "metadata", KubernetesLabels.Metadata(service.Name, KubernetesLabels.For(service)) },
        {
            "spec", new YamlMap
            {
                { "scaleTargetRef", new YamlMap { { "apiVersion", "apps/v1" }, { "kind", "Deployment" }, { "name", service.Name } } },
                { "minReplicas", minReplicas },
                { "maxReplicas", maxReplicas },
                {
                    "metrics", new YamlSeq
                    {
                        new YamlMap
                        {
                            { "type", "Resource" },
                            {
                                "resource", new YamlMap
                                {
                                    { "name", "cpu" },
                                    { "target", new YamlMap { { "type", "Utilization" }, { "averageUtilization", TargetCpuUtilizationPercent } } },
                                }
                            },
                        },
                    }
                },
            }
        },
    };

    public static YamlMap DisruptionBudget(DeployedService service) => new()
    {
        { "apiVersion", "policy/v1" },
        { "kind", "PodDisruptionBudget" },
        { "metadata", KubernetesLabels.Metadata(service.Name, KubernetesLabels.For(service)) },
        {
            "spec", new YamlMap
            {
                // maxUnavailable rather than minAvailable: a single replica must not block node drains.
                { "maxUnavailable", 1 },
                { "selector", new YamlMap { { "matchLabels", KubernetesLabels.Selector(service.Name) } } },
            }
        },
    };

    private static YamlMap PodTemplate(DeployedService service, bool volumeClaims)
    {
        var isProject = service.Kind == ServiceKind.Project;
        var volumes = new YamlSeq();
        // First, so that an overlay's patch can find it at /spec/template/spec/volumes/0.
        if (KubernetesEnvironment.SecretFilesVolume(service) is { } secrets)
        {
            volumes.Add(secrets);
        }

        foreach (var directory in service.Hardening.ScratchDirectories)
        {
            volumes.Add(new YamlMap { { "name", ScratchVolumeName(directory) }, { "emptyDir", new YamlMap { { "sizeLimit", "64Mi" } } } });
        }

        if (!volumeClaims)
        {
            foreach (var volume in service.Volumes)
            {
                volumes.Add(new YamlMap { { "name", volume.Name }, { "persistentVolumeClaim", new YamlMap { { "claimName", volume.Name } } } });
            }
        }

        return new YamlMap
        {
            { "metadata", new YamlMap { { "labels", KubernetesLabels.For(service) } } },
            {
                "spec", new YamlMap
                {
                    { "automountServiceAccountToken", false },
                    // Service links would add API_PORT=tcp://… style variables that collide with real settings.
                    { "enableServiceLinks", false },
                    { "terminationGracePeriodSeconds", DeploymentConventions.ShutdownGraceSeconds + PreStopDelaySeconds + 5 },
                    {
                        "securityContext", new YamlMap
                        {
                            { "runAsNonRoot", true },
                            { "runAsUser", service.Hardening.UserId },
                            { "runAsGroup", service.Hardening.GroupId },
                            { "fsGroup", service.Hardening.GroupId },
                            { "seccompProfile", new YamlMap { { "type", "RuntimeDefault" } } },
                        }
                    },
                    { "topologySpreadConstraints", isProject ? TopologySpread(service) : null },
                    { "containers", new YamlSeq { Container(service) } },
                    { "volumes", volumes },
                }
            },
        };
    }

    private static YamlSeq TopologySpread(DeployedService service) => new(
        ((string[])["kubernetes.io/hostname", "topology.kubernetes.io/zone"]).Select(key => (object)new YamlMap
        {
            { "maxSkew", 1 },
            { "topologyKey", key },
            { "whenUnsatisfiable", "ScheduleAnyway" },
            { "labelSelector", new YamlMap { { "matchLabels", KubernetesLabels.Selector(service.Name) } } },
        }));

    private static YamlMap Container(DeployedService service)
    {
        var mounts = new YamlSeq();
        if (KubernetesEnvironment.SecretFilesMount(service) is { } secrets)
        {
            mounts.Add(secrets);
        }

        foreach (var directory in service.Hardening.ScratchDirectories)
        {
            mounts.Add(new YamlMap { { "name", ScratchVolumeName(directory) }, { "mountPath", directory } });
        }

        foreach (var volume in service.Volumes)
        {
            mounts.Add(new YamlMap { { "name", volume.Name }, { "mountPath", volume.MountPath }, { "readOnly", volume.ReadOnly ? true : null } });
        }

        return new YamlMap
        {
            { "name", service.Name },
            { "image", service.Image },
            { "imagePullPolicy", "IfNotPresent" },
            { "command", service.Entrypoint is null ? null : new YamlSeq { service.Entrypoint } },
            { "args", service.Args.Count == 0 ? null : new YamlSeq(service.Args.Select(KubernetesEnvironment.Value)) },
            {
                "ports", new YamlSeq(service.Ports.Select(p => (object)new YamlMap
                {
                    { "name", p.Name },
                    { "containerPort", p.TargetPort },
                    { "protocol", "TCP" },
                }))
            },
            { "envFrom", KubernetesEnvironment.EnvFrom(service) },
            { "env", KubernetesEnvironment.Env(service) },
            { "resources", Resources(service.Limits) },
            { "startupProbe", Probe(service, ProbeKind.Startup) },
            { "livenessProbe", Probe(service, ProbeKind.Liveness) },
            { "readinessProbe", Probe(service, ProbeKind.Readiness) },
            // Endpoints update asynchronously: keep serving a little while after removal before shutting down.
            { "lifecycle", new YamlMap { { "preStop", new YamlMap { { "sleep", new YamlMap { { "seconds", PreStopDelaySeconds } } } } } } },
            {
                "securityContext", new YamlMap
                {
                    { "allowPrivilegeEscalation", false },
                    { "readOnlyRootFilesystem", true },
                    { "runAsNonRoot", true },
                    { "capabilities", new YamlMap { { "drop", new YamlSeq { "ALL" } } } },
                }
            },
            { "volumeMounts", mounts },
        };
    }

    private static YamlMap Resources(ResourceLimitsAnnotation limits) => new()
    {
        { "requests", new YamlMap { { "cpu", Cpu(limits.ReservedCpus) }, { "memory", $"{limits.ReservedMemoryMiB}Mi" } } },
        { "limits", new YamlMap { { "cpu", Cpu(limits.Cpus) }, { "memory", $"{limits.MemoryMiB}Mi" } } },
    };

    private static string Cpu(double cpus) => cpus == Math.Floor(cpus)
        ? DeploymentConventions.Cpus(cpus)
        : string.Create(CultureInfo.InvariantCulture, $"{(int)Math.Round(cpus * 1000)}m");

    private enum ProbeKind
    {
        Startup,
        Liveness,
        Readiness,
    }

    private static YamlMap Probe(DeployedService service, ProbeKind kind)
    {
        var probe = service.HttpProbes is { } http
            ? new YamlMap
            {
                {
                    "httpGet", new YamlMap
                    {
                        { "path", kind == ProbeKind.Readiness ? http.ReadinessPath : http.LivenessPath },
                        { "port", service.PrimaryPort.Name },
                    }
                },
            }
            : new YamlMap { { "exec", new YamlMap { { "command", new YamlSeq(service.ExecProbe!.Command) } } } };

        var (period, timeout, failures) = kind switch
        {
            // Up to two minutes to start (migrations, a first-time initdb) before liveness takes over.
            ProbeKind.Startup => (2, 3, 60),
            ProbeKind.Liveness => (10, 3, 3),
            _ => (5, 5, 3),
        };
        probe.Add("periodSeconds", period);
        probe.Add("timeoutSeconds", timeout);
        probe.Add("failureThreshold", failures);
        return probe;
    }

    private static string ScratchVolumeName(string directory) =>
        directory.Trim('/').Replace('/', '-').Replace('.', '-');
}
