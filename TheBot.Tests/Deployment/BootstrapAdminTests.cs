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
        var compose = (await Tool.ReadYamlAsync(Path.Combine(Tool.Root, "deploy", "compose", "docker-compose.yaml"))).Single();
        var environment = compose.GetProperty("services").GetProperty("api").GetProperty("environment");

        Assert.Equal("${BOOTSTRAP_ADMIN_EMAIL:-}", environment.GetProperty("Bootstrap__AdminEmail").GetString());
        Assert.Equal("${BOOTSTRAP_ADMIN_PASSWORD:-}", environment.GetProperty("Bootstrap__AdminPassword").GetString());
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task Kubernetes_starts_api_with_or_without_the_bootstrap_keys_in_the_secret(string overlay)
    {
        var rendered = await RenderedOverlay.GetAsync(overlay);
        var api = rendered.Single("Deployment", "api").GetProperty("spec").GetProperty("template").GetProperty("spec").GetProperty("containers")[0];
        var env = api.GetProperty("env").EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!);

        foreach (var variable in (string[])["Bootstrap__AdminEmail", "Bootstrap__AdminPassword"])
        {
            var reference = env[variable].GetProperty("valueFrom").GetProperty("secretKeyRef");
            Assert.True(reference.TryGetProperty("optional", out var optional) && optional.GetBoolean(), $"{variable} must be an optional secret key");
        }

        // Everything else api needs stays required: a missing key stops the pod instead of starting it half-configured.
        var required = env.Values.Where(e => e.TryGetProperty("valueFrom", out var from)
            && !(from.GetProperty("secretKeyRef").TryGetProperty("optional", out var o) && o.GetBoolean()))
            .Select(e => e.GetProperty("name").GetString()).ToList();
        Assert.Contains("Jwt__SigningKey", required);
    }
}
