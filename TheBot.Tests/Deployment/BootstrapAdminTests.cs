namespace TheBot.Tests.Deployment;

/// <summary>
/// Issue #15, item 1: the first admin's values are needed once, on an empty database; the guide says to remove
/// them after the first sign-in, so neither Compose nor Kubernetes may refuse to start without them.
/// </summary>
public sealed class BootstrapAdminTests
{
    [Fact]
    public async Task Compose_starts_with_or_without_the_bootstrap_values()
    {
        // The files come from .env through deploy/compose-secrets.sh, which writes an empty file for an optional value left out.
        var copy = Directory.CreateTempSubdirectory("thebot-compose-").FullName;
        var compose = Path.Combine(copy, "compose");
        Directory.CreateDirectory(compose);
        foreach (var file in (string[])["docker-compose.yaml", ".env.example"])
        {
            File.Copy(Path.Combine(Tool.Root, "deploy", "compose", file), Path.Combine(compose, file));
        }

        File.Copy(Path.Combine(Tool.Root, "deploy", "compose-secrets.sh"), Path.Combine(copy, "compose-secrets.sh"));
        await File.WriteAllTextAsync(Path.Combine(compose, ".env"), "POSTGRES_PASSWORD=a1\nREDIS_PASSWORD=b2\nJWT_SIGNING_KEY=c3\n", TestContext.Current.CancellationToken);

        var result = await Tool.RunAsync("bash", [Path.Combine(copy, "compose-secrets.sh")]);

        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.Equal("", await File.ReadAllTextAsync(Path.Combine(compose, "secrets", "bootstrap-admin-email"), TestContext.Current.CancellationToken));
        Assert.Equal("c3", await File.ReadAllTextAsync(Path.Combine(compose, "secrets", "jwt-signing-key"), TestContext.Current.CancellationToken));

        // A required one left empty is refused.
        await File.WriteAllTextAsync(Path.Combine(compose, ".env"), "POSTGRES_PASSWORD=a1\nREDIS_PASSWORD=b2\nJWT_SIGNING_KEY=\n", TestContext.Current.CancellationToken);
        var refused = await Tool.RunAsync("bash", [Path.Combine(copy, "compose-secrets.sh")]);
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("JWT_SIGNING_KEY is empty", refused.Error, StringComparison.Ordinal);
        Directory.Delete(copy, recursive: true);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task Kubernetes_starts_api_with_or_without_the_bootstrap_keys_in_the_secret(string overlay)
    {
        var rendered = await RenderedOverlay.GetAsync(overlay);
        var files = SecretFilesTests.Files(rendered.Single("Deployment", "api").GetProperty("spec").GetProperty("template").GetProperty("spec"));

        foreach (var file in (string[])["Bootstrap__AdminEmail", "Bootstrap__AdminPassword"])
        {
            Assert.True(files[file].Optional, $"{file} must come from an optional secret source");
        }

        // Everything else api needs stays required: a missing key stops the pod instead of starting it half-configured.
        Assert.False(files["Jwt__SigningKey"].Optional);
    }
}
