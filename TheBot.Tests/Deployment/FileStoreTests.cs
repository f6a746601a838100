namespace TheBot.Tests.Deployment;

/// <summary>
/// Issue #15, item 3: Docker fills an empty named volume from the image's directory at the mount point,
/// ownership included; where the image has none, the volume belongs to root and the non-root api cannot write.
/// </summary>
public sealed class FileStoreTests
{
    /// <summary>The SDK's working directory: every entry of the app layer belongs to ContainerUser (1654).</summary>
    private const string AppDirectory = "/app/";

    [Fact]
    public async Task The_files_volume_is_mounted_on_a_directory_of_the_api_image_that_the_app_user_owns()
    {
        var compose = (await Tool.ReadYamlAsync(Path.Combine(Tool.Root, "deploy", "compose", "docker-compose.yaml"))).Single();
        var api = compose.GetProperty("services").GetProperty("api");
        var target = api.GetProperty("volumes").EnumerateArray().Single(v => v.GetProperty("source").GetString() == "thebot-files").GetProperty("target").GetString()!;

        Assert.StartsWith(AppDirectory, target, StringComparison.Ordinal);
        Assert.Equal(target, api.GetProperty("environment").GetProperty("Storage__Root").GetString());

        // The publish output has the directory, so the app layer carries it (owned by 1654, see ContainerImageArchiveTests).
        var result = await Tool.RunAsync("dotnet", ["msbuild", Path.Combine(Tool.Root, "TheBot.Api"), "-getProperty:FileStoreDirectory"]);
        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.Equal(target[AppDirectory.Length..], result.Output.Trim());
    }
}
