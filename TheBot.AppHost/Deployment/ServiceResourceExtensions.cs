using Aspire.Hosting.ApplicationModel;

namespace TheBot.AppHost.Deployment;

public static class ServiceResourceExtensions
{
    /// <summary>
    /// Adds one of TheBot's .NET services with what all of them share: health probes, resource limits,
    /// the hardened runtime of its container, and a short telemetry export timeout. The dashboard stops
    /// together with the services, and an exporter flushing to it at shutdown would otherwise wait its
    /// default 10 s per signal. References inject only connection strings and service discovery: the
    /// services read nothing else, and deployments can then swap a connection string for a managed server's.
    /// Forwarded headers are not switched on for everyone's (Aspire's default): see <see cref="ForwardedHeaderSettings"/>.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddTheBotService<TProject>(
        this IDistributedApplicationBuilder builder, string name, double cpus, int memoryMiB)
        where TProject : IProjectMetadata, new()
    {
        ArgumentNullException.ThrowIfNull(builder);

        return builder.AddProject<TProject>(name)
            .WithHealthProbes()
            .WithResourceLimits(cpus, memoryMiB)
            .WithHardening(DeploymentHardeningExtensions.DotnetAppUserId)
            .DisableForwardedHeaders()
            .WithReferenceEnvironment(ReferenceEnvironmentInjectionFlags.ConnectionString | ReferenceEnvironmentInjectionFlags.ServiceDiscovery)
            .WithEnvironment(context =>
            {
                if (context.ExecutionContext.IsRunMode)
                {
                    context.EnvironmentVariables["OTEL_EXPORTER_OTLP_TIMEOUT"] = "1000";
                }
            });
    }
}
