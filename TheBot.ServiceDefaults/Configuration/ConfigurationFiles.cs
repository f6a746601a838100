using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.KeyPerFile;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace TheBot.ServiceDefaults.Configuration;

/// <summary>
/// Settings read from a folder of files, one file per key: <c>Jwt__SigningKey</c> holds <c>Jwt:SigningKey</c>.
/// Deployments hand the services their secrets this way (Compose secrets, a Kubernetes Secret volume), so no
/// secret shows in <c>docker inspect</c> or a pod's spec. The folder is optional: without it nothing changes.
/// Files are added last, so they win over environment variables and command-line arguments: they are the
/// operator's secrets, and a stale variable left in an environment must not override them.
/// </summary>
public static class ConfigurationFiles
{
    /// <summary>The setting (environment variable <c>ConfigurationFiles__Path</c>) that names the folder.</summary>
    public const string PathKey = "ConfigurationFiles:Path";

    /// <summary>Where Compose mounts secrets, and where the Kubernetes manifests mount theirs.</summary>
    public const string DefaultPath = "/run/secrets";

    public static TBuilder AddConfigurationFiles<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);

        var path = builder.Configuration[PathKey] is { Length: > 0 } configured ? configured : DefaultPath;
        builder.Configuration.Add<KeyPerFileConfigurationSource>(source =>
        {
            source.FileProvider = Directory.Exists(path) ? new PhysicalFileProvider(Path.GetFullPath(path)) : null;
            source.Optional = true;
            // Kubernetes keeps the real files under '..data' and '..<timestamp>' beside the links it shows.
            source.IgnoreCondition = name => name.StartsWith('.');
        });
        return builder;
    }
}
