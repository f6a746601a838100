#pragma warning disable ASPIREPIPELINES001 // Pipeline steps are how Aspire 13 publishes; the API is marked for evaluation.
#pragma warning disable ASPIREPIPELINES004

using Aspire.Hosting.Pipelines;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TheBot.AppHost.Deployment.Compose;
using TheBot.AppHost.Deployment.Kubernetes;
using TheBot.AppHost.Deployment.Model;

namespace TheBot.AppHost.Deployment;

/// <summary>
/// The AppHost's own publishers, as pipeline steps that run on their own:
/// <c>dotnet run --project TheBot.AppHost -- --operation publish --step publish-compose --output-path ../deploy/compose</c>
/// (or <c>aspire do publish-compose --output-path deploy/compose</c>), and likewise <c>publish-kubernetes</c>.
/// </summary>
public static partial class DeploymentPublishingExtensions
{
    public const string ComposeStep = "publish-compose";
    public const string KubernetesStep = "publish-kubernetes";

    public static IDistributedApplicationBuilder AddDeploymentPublishers(this IDistributedApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.Pipeline.AddStep(ComposeStep, context => PublishAsync(context, ComposeGenerator.Generate));
        builder.Pipeline.AddStep(KubernetesStep, context => PublishAsync(context, KubernetesGenerator.Generate));
        return builder;
    }

    /// <summary>The version the images are tagged with: the solution's <c>Version</c>, which the AppHost shares.</summary>
    public static string ApplicationVersion => typeof(DeploymentPublishingExtensions).Assembly.GetName().Version!.ToString(3);

    private static async Task PublishAsync(PipelineStepContext context, Func<DeploymentModel, GeneratedFiles> generate)
    {
        var outputDirectory = context.Services.GetRequiredService<IPipelineOutputService>().GetOutputDirectory();
        var model = await new DeploymentModelReader(context.Model, context.ExecutionContext).ReadAsync(ApplicationVersion, context.CancellationToken);
        var files = generate(model);
        await files.WriteAsync(outputDirectory, context.CancellationToken);
        Wrote(context.Logger, files.Files.Count, outputDirectory);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Wrote {Count} files to {OutputDirectory}")]
    private static partial void Wrote(ILogger logger, int count, string outputDirectory);
}
