using Aspire.Hosting.ApplicationModel;

namespace TheBot.AppHost.Deployment;

public static class ServiceResourceExtensions
{
    /// <summary>
    /// Adds one of TheBot's .NET services with what all of them share: health probes, resource limits,
    /// and a short telemetry export timeout. The dashboard stops together with the services, and an
    /// exporter flushing to it at shutdown would otherwise wait its default 10 s per signal.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddTheBotService<TProject>(
        this IDistributedApplicationBuilder builder, string name, double cpus, int memoryMiB)
        where TProject : IProjectMetadata, new()
    {
        ArgumentNullException.ThrowIfNull(builder);

        return builder.AddProject<TProject>(name)
            .WithHealthProbes()
            .WithResourceLimits(cpus, memoryMiB)
            .WithEnvironment(context =>
            {
                if (context.ExecutionContext.IsRunMode)
                {
                    context.EnvironmentVariables["OTEL_EXPORTER_OTLP_TIMEOUT"] = "1000";
                }
            });
    }
}
