using Aspire.Hosting.ApplicationModel;

namespace TheBot.AppHost.Deployment;

public static class DeploymentHardeningExtensions
{
    /// <summary>The non-root user of Microsoft's .NET images (<c>app</c>), numeric so that Kubernetes can verify it.</summary>
    public const int DotnetAppUserId = 1654;

    public const string ScratchDirectory = "/tmp";

    public static IResourceBuilder<T> WithHardening<T>(this IResourceBuilder<T> builder, int userId, params string[] extraScratchDirectories)
        where T : IResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(userId);
        return builder.WithAnnotation(
            new HardeningAnnotation(userId, userId, [ScratchDirectory, .. extraScratchDirectories]),
            ResourceAnnotationMutationBehavior.Replace);
    }

    public static IResourceBuilder<T> WithExecProbe<T>(this IResourceBuilder<T> builder, params string[] command)
        where T : IResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentOutOfRangeException.ThrowIfZero(command.Length);
        return builder.WithAnnotation(new ExecProbeAnnotation(command), ResourceAnnotationMutationBehavior.Replace);
    }

    /// <summary>
    /// Files the service keeps: a volume at <paramref name="mountPath"/> when deployed, the local
    /// <paramref name="runDirectory"/> when run; either way passed to the service as <paramref name="configurationKey"/>.
    /// The mount path must be a directory the image gives its non-root user (an empty Docker volume takes its owner
    /// from there): for TheBot.Api, <c>/app/files</c> (<c>FileStoreDirectory</c> in its project).
    /// </summary>
    public static IResourceBuilder<T> WithFileStore<T>(this IResourceBuilder<T> builder, string volumeName, string mountPath, string configurationKey, string runDirectory)
        where T : IResourceWithEnvironment
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configurationKey);
        var variable = configurationKey.Replace(":", "__", StringComparison.Ordinal);
        if (builder.ApplicationBuilder.ExecutionContext.IsPublishMode)
        {
            builder.WithEnvironment(variable, mountPath);
        }
        else
        {
            Directory.CreateDirectory(runDirectory);
            builder.WithEnvironment(variable, runDirectory);
        }

        return builder.WithAnnotation(new FileStoreAnnotation(volumeName, mountPath, configurationKey), ResourceAnnotationMutationBehavior.Replace);
    }
}
