using System.Diagnostics;

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
}
