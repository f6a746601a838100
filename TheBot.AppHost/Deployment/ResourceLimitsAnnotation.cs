using Aspire.Hosting.ApplicationModel;

namespace TheBot.AppHost.Deployment;

/// <summary>
/// CPU and memory a resource may use when deployed. Declared once here; the compose and Kubernetes
/// generators read it. Reservations (requests) are half the limits.
/// </summary>
public sealed record ResourceLimitsAnnotation(double Cpus, int MemoryMiB) : IResourceAnnotation
{
    public double ReservedCpus => Cpus / 2;

    public int ReservedMemoryMiB => MemoryMiB / 2;
}

/// <summary>The HTTP probes a deployed service answers: liveness (process only) and readiness (dependencies).</summary>
public sealed record HttpProbesAnnotation(string LivenessPath, string ReadinessPath) : IResourceAnnotation;

public static class DeploymentAnnotationExtensions
{
    public static IResourceBuilder<T> WithResourceLimits<T>(this IResourceBuilder<T> builder, double cpus, int memoryMiB)
        where T : IResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cpus);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(memoryMiB);
        return builder.WithAnnotation(new ResourceLimitsAnnotation(cpus, memoryMiB), ResourceAnnotationMutationBehavior.Replace);
    }

    /// <summary>Health-checks the service on <c>/health</c> and records both probe paths for deployment.</summary>
    public static IResourceBuilder<T> WithHealthProbes<T>(this IResourceBuilder<T> builder)
        where T : IResourceWithEndpoints
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .WithAnnotation(new HttpProbesAnnotation("/alive", "/health"), ResourceAnnotationMutationBehavior.Replace)
            .WithHttpHealthCheck("/health");
    }
}
