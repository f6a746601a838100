using System.Text.Json;

namespace TheBot.Tests.Deployment;

/// <summary>
/// Issue #14, item 1 (deployment files): YooKassa's credentials have a slot (secret, optional), the sandbox
/// switch is an explicit optional setting that is off, and only api may reach the payment provider.
/// </summary>
public sealed class PaymentProviderTests
{
    private static readonly string[] NoEgress = ["realtime", "web", "postgres", "redis"];

    [Fact]
    public async Task Compose_gives_api_the_YooKassa_credentials_as_optional_secrets_and_the_sandbox_switch_off_by_default()
    {
        var compose = (await Tool.ReadYamlAsync(ComposePath("docker-compose.yaml"))).Single();
        var api = compose.GetProperty("services").GetProperty("api");
        var files = api.GetProperty("secrets").EnumerateArray().ToDictionary(s => s.GetProperty("target").GetString()!, s => s.GetProperty("source").GetString());

        Assert.Equal("yookassa-shop-id", files["Payments__YooKassa__ShopId"]);
        Assert.Equal("yookassa-secret-key", files["Payments__YooKassa__SecretKey"]);
        Assert.Equal("${PAYMENTS_SANDBOX_ENABLED:-false}", api.GetProperty("environment").GetProperty("Payments__Sandbox__Enabled").GetString());

        var example = await File.ReadAllLinesAsync(ComposePath(".env.example"), TestContext.Current.CancellationToken);
        foreach (var variable in (string[])["YOOKASSA_SHOP_ID", "YOOKASSA_SECRET_KEY", "PAYMENTS_SANDBOX_ENABLED"])
        {
            var line = Array.FindIndex(example, l => l.StartsWith(variable + "=", StringComparison.Ordinal));
            Assert.True(line > 0 && example[line - 1].StartsWith('#'), $"{variable} is not documented in .env.example");
        }

        foreach (var service in NoEgress)
        {
            var other = compose.GetProperty("services").GetProperty(service);
            Assert.False(other.TryGetProperty("secrets", out var secrets) && secrets.EnumerateArray().Any(s => s.GetProperty("source").GetString() == "yookassa-secret-key"), service);
        }
    }

    [Fact]
    public async Task In_compose_only_api_joins_a_network_with_a_route_out_and_the_other_servers_only_internal_ones()
    {
        var compose = (await Tool.ReadYamlAsync(ComposePath("docker-compose.yaml"))).Single();
        var networks = compose.GetProperty("networks").EnumerateObject()
            .ToDictionary(n => n.Name, n => n.Value.ValueKind == JsonValueKind.Object && n.Value.TryGetProperty("internal", out var i) && i.GetBoolean());
        var members = compose.GetProperty("services").EnumerateObject()
            .ToDictionary(s => s.Name, s => s.Value.GetProperty("networks").EnumerateArray().Select(n => n.GetString()!).ToList());

        var apiOutbound = members["api"].Where(n => !networks[n]).ToList();
        Assert.Single(apiOutbound);
        Assert.Equal(["api"], members.Where(m => m.Value.Contains(apiOutbound[0])).Select(m => m.Key));

        foreach (var service in (string[])["realtime", "postgres", "redis"])
        {
            Assert.All(members[service], n => Assert.True(networks[n], $"{service} joins the non-internal network {n}"));
        }

        // web publishes its port on its own network, which no other service joins.
        Assert.All(members["web"].Where(n => !networks[n]), n => Assert.Equal(["web"], members.Where(m => m.Value.Contains(n)).Select(m => m.Key)));
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task In_Kubernetes_only_api_may_reach_port_443_and_takes_YooKassa_credentials_from_optional_secret_keys(string overlay)
    {
        var rendered = await RenderedOverlay.GetAsync(overlay);
        var pods = rendered.OfKind("Deployment").Concat(rendered.OfKind("StatefulSet"))
            .Select(w => (Name: w.GetProperty("metadata").GetProperty("name").GetString()!, Labels: w.GetProperty("spec").GetProperty("template").GetProperty("metadata").GetProperty("labels")))
            .ToList();

        var reach443 = new HashSet<string>(StringComparer.Ordinal);
        foreach (var policy in rendered.OfKind("NetworkPolicy"))
        {
            var spec = policy.GetProperty("spec");
            if (!spec.TryGetProperty("egress", out var egress))
            {
                continue;
            }

            var allows443 = egress.EnumerateArray().Any(rule =>
                !rule.TryGetProperty("ports", out var ports) || ports.EnumerateArray().Any(p => p.GetProperty("port").GetInt32() == 443));
            if (allows443)
            {
                foreach (var pod in pods.Where(p => NetworkPolicyMatching.Selects(spec.GetProperty("podSelector"), p.Labels)))
                {
                    reach443.Add(pod.Name);
                }
            }
        }

        Assert.Equal(["api"], reach443.Order(StringComparer.Ordinal));

        var files = SecretFilesTests.Files(rendered.Single("Deployment", "api").GetProperty("spec").GetProperty("template").GetProperty("spec"));
        foreach (var (file, key) in ((string, string)[])[("Payments__YooKassa__ShopId", "yookassa-shop-id"), ("Payments__YooKassa__SecretKey", "yookassa-secret-key")])
        {
            Assert.StartsWith("thebot-secrets", files[file].Secret, StringComparison.Ordinal);
            Assert.Equal(key, files[file].Key);
            Assert.True(files[file].Optional, $"{file} must be optional: empty credentials are allowed");
        }

        var config = rendered.OfKind("ConfigMap").Single(c => c.GetProperty("metadata").GetProperty("name").GetString()!.StartsWith("api-env", StringComparison.Ordinal));
        Assert.Equal("false", config.GetProperty("data").GetProperty("Payments__Sandbox__Enabled").GetString());
    }

    private static string ComposePath(string file) => Path.Combine(Tool.Root, "deploy", "compose", file);
}
