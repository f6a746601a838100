using System.Diagnostics;

namespace TheBot.Tests.Web;

/// <summary>Runs the SPA's own unit tests (Vitest), so that `dotnet test` remains the one test command.</summary>
public sealed class ClientAppUnitTests
{
    [Fact]
    public async Task The_single_page_app_unit_tests_pass()
    {
        var ct = TestContext.Current.CancellationToken;
        var clientApp = Path.Combine(RepositoryRoot.Find(), "TheBot.Web", "ClientApp");
        Assert.True(Directory.Exists(Path.Combine(clientApp, "node_modules")), "Build TheBot.Web first: it installs the SPA's packages.");
        var start = new ProcessStartInfo("npm", "test -- --reporter=dot --color=false")
        {
            WorkingDirectory = clientApp,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["CI"] = "true";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("npm did not start.");
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var errors = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);

        var log = await output + await errors;
        TestContext.Current.SendDiagnosticMessage(log);
        Assert.True(process.ExitCode == 0, "Vitest failed:\n" + log);
        Assert.Contains("passed", log, StringComparison.Ordinal);
    }
}
