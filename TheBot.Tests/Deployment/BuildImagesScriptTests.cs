namespace TheBot.Tests.Deployment;

/// <summary>Issue #15, item 6: <c>deploy/build-images.sh</c> takes a registry with a path and relative archive folders.</summary>
public sealed class BuildImagesScriptTests
{
    [Fact]
    public async Task A_registry_path_becomes_part_of_the_repository_name_not_of_the_registry()
    {
        var result = await Tool.RunAsync("bash", [Script, "--dry-run", "--registry", "registry.example.com/school/thebot"]);

        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.Contains("-p:ContainerRegistry=registry.example.com ", result.Output + " ", StringComparison.Ordinal);
        Assert.Contains("-p:ContainerRepository=school/thebot/thebot-api\n", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("ContainerRegistry=registry.example.com/", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_relative_archive_folder_is_taken_from_where_the_operator_runs_the_script()
    {
        var caller = Directory.CreateTempSubdirectory("thebot-archive-").FullName;

        var result = await Tool.RunAsync("bash", [Script, "--dry-run", "--archive", "images"], workingDirectory: caller);

        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.Contains($"-p:ContainerArchiveOutputPath={caller}/images/thebot-api-", result.Output, StringComparison.Ordinal);
    }

    private static string Script => Path.Combine(Tool.Root, "deploy", "build-images.sh");
}
