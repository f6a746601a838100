using System.Diagnostics;
using System.Text.Json;

namespace TheBot.Tests.Deployment;

/// <summary>Runs the command-line tools the deployment tests use: dotnet, node (deploy/validation), kubectl.</summary>
internal static class Tool
{
    private static readonly SemaphoreSlim NpmInstall = new(1, 1);

    public static string Root { get; } = RepositoryRoot.Find();

    public static string ValidationDirectory => Path.Combine(Root, "deploy", "validation");

    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public string Describe() => $"exit code {ExitCode}\n{Output}\n{Error}";
    }

    public static async Task<Result> RunAsync(
        string fileName, IEnumerable<string> arguments, string? workingDirectory = null, IDictionary<string, string>? environment = null, TimeSpan? timeLimit = null)
    {
        var startInfo = new ProcessStartInfo(fileName, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? Root,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[name] = value;
        }

        using var process = Process.Start(startInfo)!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(timeLimit ?? TimeSpan.FromMinutes(3));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new Result(process.ExitCode, await output, await error);
    }

    /// <summary>Runs a Node.js script of deploy/validation, installing its packages first when they are missing.</summary>
    public static async Task<Result> NodeAsync(string script, params string[] arguments)
    {
        await EnsureValidatorsInstalledAsync();
        return await RunAsync("node", [Path.Combine(ValidationDirectory, script), .. arguments], ValidationDirectory);
    }

    public static async Task<Result> DclintAsync(string composeFile)
    {
        await EnsureValidatorsInstalledAsync();
        var dclint = Path.Combine(ValidationDirectory, "node_modules", "dclint", "bin", "dclint.cjs");
        return await RunAsync("node", [dclint, "--max-warnings", "0", "--color", "false", composeFile], ValidationDirectory);
    }

    /// <summary>The documents of a YAML file as JSON.</summary>
    public static async Task<JsonElement[]> ReadYamlAsync(string file)
    {
        var result = await NodeAsync("yaml-to-json.mjs", file);
        Assert.True(result.ExitCode == 0, $"{file} is not valid YAML: {result.Describe()}");
        return JsonDocument.Parse(result.Output).RootElement.EnumerateArray().ToArray();
    }

    private static async Task EnsureValidatorsInstalledAsync()
    {
        await NpmInstall.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (!Directory.Exists(Path.Combine(ValidationDirectory, "node_modules", "kubernetes-models")))
            {
                var install = await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], ValidationDirectory);
                Assert.True(install.ExitCode == 0, $"npm ci in deploy/validation failed: {install.Describe()}");
            }
        }
        finally
        {
            NpmInstall.Release();
        }
    }
}
