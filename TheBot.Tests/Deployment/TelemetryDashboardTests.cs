namespace TheBot.Tests.Deployment;

/// <summary>Operators can see traces, logs and metrics the way developers do: the Aspire dashboard, opt-in.</summary>
public sealed class TelemetryDashboardTests
{
    [Fact]
    public async Task Compose_runs_the_dashboard_only_with_its_profile_with_its_UI_on_the_hosts_loopback()
    {
        var compose = (await Tool.ReadYamlAsync(Path.Combine(Tool.Root, "deploy", "compose", "docker-compose.yaml"))).Single();
        var dashboard = compose.GetProperty("services").GetProperty("aspire-dashboard");

        Assert.Equal(["dashboard"], dashboard.GetProperty("profiles").EnumerateArray().Select(p => p.GetString()));
        var port = dashboard.GetProperty("ports").EnumerateArray().Single();
        Assert.Equal("127.0.0.1", port.GetProperty("host_ip").GetString());
        Assert.Contains("backend", dashboard.GetProperty("networks").EnumerateArray().Select(n => n.GetString()));
        Assert.True(dashboard.GetProperty("read_only").GetBoolean());

        var example = await File.ReadAllTextAsync(Path.Combine(Tool.Root, "deploy", "compose", ".env.example"), TestContext.Current.CancellationToken);
        Assert.Contains("http://aspire-dashboard:18889", example, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_Kubernetes_component_runs_the_dashboard_and_points_every_service_at_it_through_the_network_policies()
    {
        var rendered = await RenderedOverlay.GetAsync("dev+aspire-dashboard");

        var validation = await Tool.NodeAsync("validate-kubernetes.mjs", rendered.File);
        Assert.True(validation.ExitCode == 0, validation.Describe());
        rendered.Single("Deployment", "aspire-dashboard");
        rendered.Single("Service", "aspire-dashboard");
        var telemetry = rendered.OfKind("ConfigMap").Single(c => c.GetProperty("metadata").GetProperty("name").GetString()!.StartsWith("thebot-telemetry", StringComparison.Ordinal));
        Assert.Equal("http://aspire-dashboard:18889", telemetry.GetProperty("data").GetProperty("OTEL_EXPORTER_OTLP_ENDPOINT").GetString());

        var egress = rendered.Single("NetworkPolicy", "aspire-dashboard-clients").GetProperty("spec");
        foreach (var service in ExpectedLimits.DotnetServices)
        {
            var labels = rendered.Single("Deployment", service).GetProperty("spec").GetProperty("template").GetProperty("metadata").GetProperty("labels");
            Assert.True(NetworkPolicyMatching.Selects(egress.GetProperty("podSelector"), labels), service);
        }
    }
}
