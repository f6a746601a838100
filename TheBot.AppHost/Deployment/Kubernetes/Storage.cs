using TheBot.AppHost.Deployment.Model;
using TheBot.AppHost.Deployment.Yaml;

namespace TheBot.AppHost.Deployment.Kubernetes;

/// <summary>PersistentVolumeClaims: data of the servers (per StatefulSet) and the services' file stores.</summary>
public static class Storage
{
    /// <summary>Replicas of a service on several nodes share its file store, so it needs a ReadWriteMany class in production.</summary>
    public const string SharedAccessMode = "ReadWriteMany";

    public static YamlMap ClaimSpec(string volumeName, string accessMode) => new()
    {
        { "accessModes", new YamlSeq { accessMode } },
        { "resources", new YamlMap { { "requests", new YamlMap { { "storage", Size(volumeName) } } } } },
    };

    public static YamlMap FileStoreClaim(DeployedService service, ServiceVolume volume) => new()
    {
        { "apiVersion", "v1" },
        { "kind", "PersistentVolumeClaim" },
        { "metadata", KubernetesLabels.Metadata(volume.Name, KubernetesLabels.For(service)) },
        { "spec", ClaimSpec(volume.Name, SharedAccessMode) },
    };

    /// <summary>
    /// Starting sizes; volumes can grow later where the storage class allows expansion. Redis keeps at most its
    /// 384 MB of memory on disk, twice while it rewrites its append-only file.
    /// </summary>
    private static string Size(string volumeName) => volumeName switch
    {
        _ when volumeName.Contains("redis", StringComparison.Ordinal) => "2Gi",
        _ when volumeName.EndsWith("-data", StringComparison.Ordinal) => "10Gi",
        _ => "20Gi",
    };
}
