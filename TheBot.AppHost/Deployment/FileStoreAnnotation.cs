using Aspire.Hosting.ApplicationModel;

namespace TheBot.AppHost.Deployment;

/// <summary>
/// A persistent volume a deployed service keeps files in, mounted at <see cref="MountPath"/>; the service
/// reads that path from the configuration key <see cref="ConfigurationKey"/> (for example <c>Storage:Root</c>).
/// </summary>
public sealed record FileStoreAnnotation(string VolumeName, string MountPath, string ConfigurationKey) : IResourceAnnotation
{
    /// <summary>The configuration key as an environment variable name (<c>Storage:Root</c> becomes <c>Storage__Root</c>).</summary>
    public string EnvironmentVariable => ConfigurationKey.Replace(":", "__", StringComparison.Ordinal);
}
