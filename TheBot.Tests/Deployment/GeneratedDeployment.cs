using System.Security.Cryptography;

namespace TheBot.Tests.Deployment;

/// <summary>
/// deploy/compose and deploy/k8s regenerated once per test run into a temporary folder with the same
/// layout, by the documented publish steps, with freshly made secret values that must appear nowhere.
/// </summary>
internal sealed class GeneratedDeployment
{
    private static readonly Lazy<Task<GeneratedDeployment>> Instance = new(GenerateAsync);

    private GeneratedDeployment(string root, IReadOnlyList<string> secrets)
    {
        Root = root;
        Secrets = secrets;
    }

    public string Root { get; }

    public string Compose => Path.Combine(Root, "deploy", "compose");

    public string Kubernetes => Path.Combine(Root, "deploy", "k8s");

    public IReadOnlyList<string> Secrets { get; }

    public static Task<GeneratedDeployment> GetAsync() => Instance.Value;

    private static async Task<GeneratedDeployment> GenerateAsync()
    {
        var root = Directory.CreateTempSubdirectory("thebot-deploy-").FullName;
        string[] secrets = [Secret(), Secret(), Secret()];
        foreach (var (step, folder) in ((string, string)[])[("publish-compose", "compose"), ("publish-kubernetes", "k8s")])
        {
            var appHost = AppHostAssembly.Path;
            var result = await Tool.RunAsync("dotnet",
            [
                appHost, "--operation", "publish", "--step", step, "--output-path", Path.Combine(root, "deploy", folder),
                "--Parameters:postgres-password", secrets[0],
                "--Parameters:redis-password", secrets[1],
                "--Parameters:jwt-signing-key", secrets[2],
            ]);
            Assert.True(result.ExitCode == 0, $"{step} failed: {result.Describe()}");
        }

        return new GeneratedDeployment(root, secrets);
    }

    private static string Secret() => "s3cr3t" + RandomNumberGenerator.GetHexString(58, lowercase: true);

    /// <summary>Relative paths ('/' separated) of the files under a folder, leaving out the operator's own secret files.</summary>
    public static SortedSet<string> Files(string folder) => new(
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(f => !IsOperatorSecret(f)),
        StringComparer.Ordinal);

    /// <summary>.env, secrets/*.env and Compose's secrets/ (deploy/compose-secrets.sh) are the operator's, git-ignored, never generated.</summary>
    public static bool IsOperatorSecret(string relativePath) =>
        relativePath == ".env"
        || (relativePath.Contains("/secrets/", StringComparison.Ordinal) && relativePath.EndsWith(".env", StringComparison.Ordinal))
        || relativePath.StartsWith("secrets/", StringComparison.Ordinal) || relativePath.StartsWith("compose/secrets/", StringComparison.Ordinal);
}
