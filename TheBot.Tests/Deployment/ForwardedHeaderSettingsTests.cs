using System.Text.Json;
using TheBot.AppHost.Deployment.Compose;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Deployment;

/// <summary>
/// Whose X-Forwarded-* each service believes in the generated deployments. ASP.NET Core's
/// ASPNETCORE_FORWARDEDHEADERS_ENABLED would make a service believe anyone's; each service must instead name
/// the networks of the proxy in front of it, and nothing but that proxy may reach it there.
/// </summary>
public sealed class ForwardedHeaderSettingsTests
{
    private const string TrustEveryone = "ASPNETCORE_FORWARDEDHEADERS_ENABLED";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task No_generated_file_lets_a_service_believe_every_clients_forwarded_headers()
    {
        var deployment = await GeneratedDeployment.GetAsync();
        var files = Directory.EnumerateFiles(Path.Combine(deployment.Root, "deploy"), "*", SearchOption.AllDirectories)
            .Append(Path.Combine(Tool.Root, "aspire-manifest.json"));

        foreach (var file in files)
        {
            Assert.DoesNotContain(TrustEveryone, await File.ReadAllTextAsync(file, Ct), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task In_compose_api_believes_only_the_backend_network_it_shares_with_web_and_web_believes_nobody()
    {
        var compose = (await Tool.ReadYamlAsync(Path.Combine(Tool.Root, "deploy", "compose", "docker-compose.yaml"))).Single();
        var backend = compose.GetProperty("networks").GetProperty(ComposeGenerator.BackendNetwork);
        var subnet = ComposeEnvironment.Interpolate(backend.GetProperty("ipam").GetProperty("config")[0].GetProperty("subnet").GetString()!);
        var services = compose.GetProperty("services");

        Assert.Equal([subnet], Settings(services.GetProperty("api"), "ForwardedHeaders__TrustedNetworks__"));
        Assert.Empty(Settings(services.GetProperty("web"), "FrontDoor__TrustedProxies__"));
        Assert.Contains(ComposeGenerator.BackendNetwork, services.GetProperty("web").GetProperty("networks").EnumerateArray().Select(n => n.GetString()));
    }

    [Fact]
    public async Task In_Kubernetes_api_and_web_believe_only_peers_that_their_network_policies_let_in()
    {
        var rendered = await RenderedOverlay.GetAsync("dev");
        string[] Trusted(string configMap, string prefix) => rendered.OfKind("ConfigMap")
            .Single(c => c.GetProperty("metadata").GetProperty("name").GetString()!.StartsWith(configMap + "-", StringComparison.Ordinal))
            .GetProperty("data").EnumerateObject()
            .Where(p => p.Name.StartsWith(prefix, StringComparison.Ordinal))
            .Select(p => p.Value.GetString()!)
            .ToArray();

        var api = Trusted("api-env", "ForwardedHeaders__TrustedNetworks__");
        var web = Trusted("web-env", "FrontDoor__TrustedProxies__Networks__");
        Assert.NotEmpty(api);
        Assert.NotEmpty(web);
        foreach (var network in api.Concat(web))
        {
            var parsed = System.Net.IPNetwork.Parse(network);
            Assert.False(parsed.PrefixLength == 0, $"{network} would believe the whole internet");
        }

        // What makes those networks mean "the proxy in front": only web may reach api, only the ingress controller web.
        var policies = rendered.OfKind("NetworkPolicy").ToDictionary(p => p.GetProperty("metadata").GetProperty("name").GetString()!);
        Assert.Equal(["pod:web"], Sources(policies["api"]));
        Assert.Equal(["namespace:ingress-nginx"], Sources(policies["web"]));
    }

    private static string?[] Settings(JsonElement service, string prefix) =>
        service.GetProperty("environment").EnumerateObject()
            .Where(p => p.Name.StartsWith(prefix, StringComparison.Ordinal))
            .Select(p => ComposeEnvironment.Interpolate(p.Value.GetString()!))
            .ToArray();

    private static List<string> Sources(JsonElement policy) =>
        policy.GetProperty("spec").GetProperty("ingress").EnumerateArray()
            .SelectMany(rule => rule.GetProperty("from").EnumerateArray())
            .Select(from => from.TryGetProperty("namespaceSelector", out var ns)
                ? "namespace:" + ns.GetProperty("matchLabels").GetProperty("kubernetes.io/metadata.name").GetString()
                : "pod:" + from.GetProperty("podSelector").GetProperty("matchLabels").GetProperty("app.kubernetes.io/name").GetString())
            .ToList();
}
