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
    /// </summary>
    public static IResourceBuilder<T> WithFileStore<T>(this IResourceBuilder<T> builder, string volumeName, string mountPath, string configurationKey, string runDirectory)
        where T : IResourceWithEnvironment
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configurationKey);
        if (!builder.ApplicationBuilder.ExecutionContext.IsPublishMode)
        {
            Directory.CreateDirectory(runDirectory);
            builder.WithEnvironment(configurationKey.Replace(":", "__", StringComparison.Ordinal), runDirectory);
        }

        return builder.WithAnnotation(new FileStoreAnnotation(volumeName, mountPath, configurationKey), ResourceAnnotationMutationBehavior.Replace);
    }
}
