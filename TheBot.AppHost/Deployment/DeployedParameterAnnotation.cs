using Aspire.Hosting.ApplicationModel;

namespace TheBot.AppHost.Deployment;

/// <summary>
/// A parameter deployments may leave out. With a <see cref="DefaultValue"/> it is a setting (Compose
/// <c>${VAR:-default}</c>, a ConfigMap value in Kubernetes); without one it is a credential the operator may
/// leave empty or remove (Compose <c>${VAR:-}</c>, an optional Secret key).
/// </summary>
public sealed record OptionalWhenDeployedAnnotation(string DefaultValue) : IResourceAnnotation;

/// <summary>Addresses outside the deployment the resource must reach on <see cref="Port"/> (TCP), and why.</summary>
public sealed record ExternalEgressAnnotation(int Port, string Purpose) : IResourceAnnotation;

/// <summary>More ports the resource's managed counterparts listen on (managed Redis offers TLS on 6380).</summary>
public sealed record ManagedServerPortsAnnotation(IReadOnlyList<int> Ports) : IResourceAnnotation;

/// <summary>
/// The largest connection pool a deployed replica opens for the connection string <see cref="ConnectionName"/>
/// (<c>Maximum Pool Size</c>); docs/deployment.md sizes PostgreSQL's <c>max_connections</c> against it.
/// </summary>
public sealed record ConnectionPoolAnnotation(string ConnectionName, int MaxPoolSize) : IResourceAnnotation;

public static class DeployedParameterExtensions
{
    public static IResourceBuilder<ParameterResource> OptionalWhenDeployed(this IResourceBuilder<ParameterResource> parameter, string defaultValue = "")
    {
        ArgumentNullException.ThrowIfNull(parameter);
        ArgumentNullException.ThrowIfNull(defaultValue);
        return parameter.WithAnnotation(new OptionalWhenDeployedAnnotation(defaultValue), ResourceAnnotationMutationBehavior.Replace);
    }

    public static IResourceBuilder<T> WithExternalEgress<T>(this IResourceBuilder<T> builder, int port, string purpose)
        where T : IResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithAnnotation(new ExternalEgressAnnotation(port, purpose), ResourceAnnotationMutationBehavior.Append);
    }

    public static IResourceBuilder<T> WithManagedServerPorts<T>(this IResourceBuilder<T> builder, params int[] ports)
        where T : IResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithAnnotation(new ManagedServerPortsAnnotation(ports), ResourceAnnotationMutationBehavior.Replace);
    }

    public static IResourceBuilder<T> WithDeployedConnectionPool<T>(this IResourceBuilder<T> builder, string connectionName, int maxPoolSize)
        where T : IResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxPoolSize);
        return builder.WithAnnotation(new ConnectionPoolAnnotation(connectionName, maxPoolSize), ResourceAnnotationMutationBehavior.Replace);
    }
}
