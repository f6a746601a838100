using System.Text.Json;

namespace TheBot.Tests.Deployment;

/// <summary>
/// The images cannot be built here (no registry to pull the base image from), so their definition is
/// checked where the SDK reads it: the projects' container properties, as MSBuild computes them.
/// </summary>
public sealed class ContainerImageTests
{
    public static TheoryData<string> Services => [.. ExpectedLimits.DotnetServices];

    [Theory]
    [MemberData(nameof(Services))]
    public async Task The_image_is_pinned_chiseled_non_root_labelled_and_matches_the_deployment_files(string service)
    {
        var project = $"TheBot.{char.ToUpperInvariant(service[0])}{service[1..]}";
        var result = await Tool.RunAsync("dotnet",
        [
            "msbuild", Path.Combine(Tool.Root, project), "-t:ComputeContainerConfig",
            "-getProperty:ContainerBaseImage", "-getProperty:ContainerRepository", "-getProperty:ContainerImageTags",
            "-getProperty:ContainerUser", "-getItem:ContainerPort", "-getItem:ContainerLabel", "-getItem:ContainerAppCommand",
        ]);
        Assert.True(result.ExitCode == 0, result.Describe());
        var json = JsonDocument.Parse(result.Output).RootElement;
        var properties = json.GetProperty("Properties");
        var items = json.GetProperty("Items");

        Assert.Matches(@"^mcr\.microsoft\.com/dotnet/aspnet:10\.0\.\d+-noble-chiseled-extra$", properties.GetProperty("ContainerBaseImage").GetString());
        Assert.Equal("1654", properties.GetProperty("ContainerUser").GetString());
        Assert.Equal(["8080"], items.GetProperty("ContainerPort").EnumerateArray().Select(p => p.GetProperty("Identity").GetString()));

        var labels = items.GetProperty("ContainerLabel").EnumerateArray()
            .ToDictionary(l => l.GetProperty("Identity").GetString()!, l => l.GetProperty("Value").GetString());
        var image = $"{properties.GetProperty("ContainerRepository").GetString()}:{properties.GetProperty("ContainerImageTags").GetString()}";
        Assert.Equal(properties.GetProperty("ContainerRepository").GetString(), labels["org.opencontainers.image.title"]);
        Assert.False(string.IsNullOrWhiteSpace(labels["org.opencontainers.image.description"]));
        Assert.Equal(properties.GetProperty("ContainerImageTags").GetString(), labels["org.opencontainers.image.version"]);
        Assert.False(labels.ContainsKey("org.opencontainers.image.created"), "a build timestamp makes the image differ on every build");

        // The deployment files run exactly this image, and probe it with the image's own entrypoint.
        var compose = await File.ReadAllTextAsync(Path.Combine(Tool.Root, "deploy", "compose", "docker-compose.yaml"), TestContext.Current.CancellationToken);
        var kubernetes = await File.ReadAllTextAsync(Path.Combine(Tool.Root, "deploy", "k8s", "base", $"{service}.yaml"), TestContext.Current.CancellationToken);
        Assert.Contains($"image: \"${{THEBOT_IMAGE_REGISTRY:-}}{image}\"", compose, StringComparison.Ordinal);
        Assert.Contains($"image: {image}\n", kubernetes, StringComparison.Ordinal);
        var entrypoint = items.GetProperty("ContainerAppCommand").EnumerateArray().Select(c => c.GetProperty("Identity").GetString()).ToList();
        Assert.Contains($"        - CMD\n        - {entrypoint[0]}\n        - {entrypoint[1]}\n        - \"--health-check\"", compose, StringComparison.Ordinal);
    }
}
