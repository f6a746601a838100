using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace TheBot.Tests.Deployment;

/// <summary>
/// Issue #15, item 7: every api replica's connection pool fits into PostgreSQL's <c>max_connections</c>
/// together with the headroom docs/deployment.md reserves: replicas × pool + headroom ≤ max_connections.
/// Jobs and migrations run inside api and share its pool.
/// </summary>
public sealed partial class ConnectionCapacityTests
{
    /// <summary>superuser_reserved_connections (3), a backup, a restore or psql session, monitoring: docs/deployment.md.</summary>
    private const int Headroom = 10;

    /// <summary>How far the guide lets Compose scale api (<c>docker compose up -d --scale api=N</c>).</summary>
    private const int ComposeApiReplicas = 3;

    [Fact]
    public async Task Compose_api_pools_fit_into_the_PostgreSQL_servers_max_connections()
    {
        var compose = (await Tool.ReadYamlAsync(Path.Combine(Tool.Root, "deploy", "compose", "docker-compose.yaml"))).Single();
        var services = compose.GetProperty("services");
        var pool = MaxPoolSize(services.GetProperty("api").GetProperty("environment").GetProperty("ConnectionStrings__thebot").GetString()!);
        var maxConnections = MaxConnections(services.GetProperty("postgres").GetProperty("command").EnumerateArray().Select(a => a.GetString()!));

        Assert.True(ComposeApiReplicas * pool + Headroom <= maxConnections,
            $"{ComposeApiReplicas} api replicas × {pool} + {Headroom} > max_connections {maxConnections}");
    }

    [Theory]
    [InlineData("dev")]
    public async Task In_cluster_PostgreSQL_takes_as_many_connections_as_the_api_autoscaler_can_open(string overlay)
    {
        var rendered = await RenderedOverlay.GetAsync(overlay);
        var maxReplicas = rendered.Single("HorizontalPodAutoscaler", "api").GetProperty("spec").GetProperty("maxReplicas").GetInt32();
        var config = rendered.OfKind("ConfigMap").Single(c => c.GetProperty("metadata").GetProperty("name").GetString()!.StartsWith("api-env", StringComparison.Ordinal));
        var pool = MaxPoolSize(config.GetProperty("data").GetProperty("ConnectionStrings__thebot").GetString()!);
        var postgres = Container(rendered.Single("StatefulSet", "postgres"));
        var maxConnections = MaxConnections(postgres.GetProperty("args").EnumerateArray().Select(a => a.GetString()!));

        Assert.True(maxReplicas * pool + Headroom <= maxConnections,
            $"{maxReplicas} api replicas × {pool} + {Headroom} > max_connections {maxConnections}");
    }

    [Fact]
    public async Task The_managed_server_example_sizes_the_pool_and_the_guide_names_the_servers_capacity()
    {
        var rendered = await RenderedOverlay.GetAsync("prod");
        var maxReplicas = rendered.Single("HorizontalPodAutoscaler", "api").GetProperty("spec").GetProperty("maxReplicas").GetInt32();
        var example = await File.ReadAllTextAsync(Path.Combine(Tool.Root, "deploy", "k8s", "overlays", "prod", "secrets", "connection-strings.env.example"), TestContext.Current.CancellationToken);
        var pool = MaxPoolSize(example.Split('\n').Single(l => l.StartsWith("thebot=", StringComparison.Ordinal)));

        var guide = await File.ReadAllTextAsync(Path.Combine(Tool.Root, "docs", "deployment.md"), TestContext.Current.CancellationToken);
        var needed = (maxReplicas * pool + Headroom).ToString(CultureInfo.InvariantCulture);
        Assert.Contains($"max_connections ≥ {needed}", guide, StringComparison.Ordinal);
    }

    private static JsonElement Container(JsonElement workload) =>
        workload.GetProperty("spec").GetProperty("template").GetProperty("spec").GetProperty("containers")[0];

    private static int MaxPoolSize(string connectionString)
    {
        var match = PoolSize().Match(connectionString);
        Assert.True(match.Success, $"no Maximum Pool Size in '{connectionString}': Npgsql's default of 100 per replica would exceed the server");
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static int MaxConnections(IEnumerable<string> args)
    {
        var match = args.Select(a => MaxConnectionsSetting().Match(a)).FirstOrDefault(m => m.Success);
        Assert.True(match is not null, "PostgreSQL runs with its default max_connections (100), not one sized for api's pools");
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"Maximum Pool Size=(\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex PoolSize();

    [GeneratedRegex(@"^max_connections=(\d+)$")]
    private static partial Regex MaxConnectionsSetting();
}
