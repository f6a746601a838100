using System.Diagnostics;
using System.Text.Json;

namespace TheBot.Tests.AppHost;

public sealed class AspireManifestTests
{
    [Fact]
    public async Task The_committed_manifest_is_what_the_AppHost_generates()
    {
        var root = RepositoryRoot.Find();
        var committed = Path.Combine(root, "aspire-manifest.json");
        // Same folder as the committed file, so that the project paths inside come out identical.
        var generated = Path.Combine(root, $"aspire-manifest.{Guid.NewGuid():N}.tmp.json");
        try
        {
            var appHost = AppHostAssembly.Path;
            var startInfo = new ProcessStartInfo("dotnet", [appHost, "--publisher", "manifest", "--output-path", generated])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(startInfo)!;
            var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            Assert.True(process.ExitCode == 0, $"publishing failed:\n{await output}\n{await error}");

            var expected = await File.ReadAllTextAsync(committed, TestContext.Current.CancellationToken);
            var actual = await File.ReadAllTextAsync(generated, TestContext.Current.CancellationToken);
            Assert.True(expected == actual,
                "aspire-manifest.json is stale. Regenerate it: dotnet run --project TheBot.AppHost -- --publisher manifest --output-path ../aspire-manifest.json");
        }
        finally
        {
            File.Delete(generated);
        }
    }

    [Fact]
    public async Task The_manifest_gives_api_its_file_store_setting_and_the_README_says_what_the_manifest_is_for()
    {
        var root = RepositoryRoot.Find();
        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(root, "aspire-manifest.json"), TestContext.Current.CancellationToken));
        var api = manifest.RootElement.GetProperty("resources").GetProperty("api");

        // Without it api fails its startup validation wherever a tool deploys the manifest as it is.
        Assert.True(api.GetProperty("env").TryGetProperty("Storage__Root", out var storageRoot), "api has no Storage__Root in the manifest");
        Assert.StartsWith("/", storageRoot.GetString(), StringComparison.Ordinal);

        // A manifest has no volumes for projects: the README must not offer it as a deployment input.
        var readme = await File.ReadAllTextAsync(Path.Combine(root, "README.md"), TestContext.Current.CancellationToken);
        var section = readme[readme.IndexOf("## Deployment manifest", StringComparison.Ordinal)..readme.IndexOf("## Deploy\n", StringComparison.Ordinal)];
        Assert.DoesNotContain("describes the application for deployment tools", section, StringComparison.Ordinal);
        Assert.Contains("not a deployment input", section, StringComparison.Ordinal);
    }
}
