using System.Globalization;
using System.Text.Json;

namespace TheBot.Tests.Deployment;

public sealed class ComposeTests
{
    private static string ComposeFile => Path.Combine(Tool.Root, "deploy", "compose", "docker-compose.yaml");

    [Fact]
    public async Task The_compose_file_follows_the_Compose_specification_and_dclint_rules()
    {
        var result = await Tool.DclintAsync(ComposeFile);

        Assert.True(result.ExitCode == 0, result.Describe());
    }

    [Fact]
    public async Task The_validator_rejects_a_compose_file_that_breaks_the_specification()
    {
        var broken = Path.Combine(Directory.CreateTempSubdirectory("thebot-compose-").FullName, "docker-compose.yaml");
        var text = await File.ReadAllTextAsync(ComposeFile, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(broken, text.Replace("read_only: true", "read_only: true\n    readonly_root: yes", StringComparison.Ordinal), TestContext.Current.CancellationToken);

        var result = await Tool.DclintAsync(broken);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("invalid-schema", result.Output + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_service_is_health_checked_limited_hardened_and_logged_with_caps()
    {
        var services = (await Services()).ToList();
        Assert.Equal(ExpectedLimits.ByService.Keys.Order(), services.Select(s => s.Name).Order());

        foreach (var (name, service) in services)
        {
            var test = service.GetProperty("healthcheck").GetProperty("test").EnumerateArray().Select(t => t.GetString()).ToList();
            Assert.Equal("CMD", test[0]);
            if (ExpectedLimits.DotnetServices.Contains(name))
            {
                Assert.Equal(["dotnet", $"/app/TheBot.{char.ToUpperInvariant(name[0])}{name[1..]}.dll", "--health-check", "/alive"], test[1..]);
            }

            var (cpus, memory) = ExpectedLimits.ByService[name];
            var resources = service.GetProperty("deploy").GetProperty("resources");
            Assert.Equal(cpus, double.Parse(resources.GetProperty("limits").GetProperty("cpus").GetString()!, CultureInfo.InvariantCulture));
            Assert.Equal($"{memory}M", resources.GetProperty("limits").GetProperty("memory").GetString());
            Assert.Equal(cpus / 2, double.Parse(resources.GetProperty("reservations").GetProperty("cpus").GetString()!, CultureInfo.InvariantCulture));
            Assert.Equal($"{memory / 2}M", resources.GetProperty("reservations").GetProperty("memory").GetString());

            Assert.Equal("unless-stopped", service.GetProperty("restart").GetString());
            Assert.True(service.GetProperty("read_only").GetBoolean(), name);
            Assert.Contains("/tmp", service.GetProperty("tmpfs").EnumerateArray().Select(t => t.GetString()));
            Assert.Equal(["ALL"], service.GetProperty("cap_drop").EnumerateArray().Select(c => c.GetString()));
            Assert.Contains("no-new-privileges:true", service.GetProperty("security_opt").EnumerateArray().Select(s => s.GetString()));
            var user = service.GetProperty("user").GetString()!;
            Assert.False(user.StartsWith('0') || user.StartsWith("root", StringComparison.Ordinal), $"{name} runs as {user}");
            Assert.Equal("json-file", service.GetProperty("logging").GetProperty("driver").GetString());
            Assert.True(service.GetProperty("logging").GetProperty("options").TryGetProperty("max-size", out _), name);
            Assert.Matches(
                name is "postgres" or "redis" ? @"^docker\.io/library/[a-z]+:\d+(\.\d+)+$" : $@"^\$\{{THEBOT_IMAGE_REGISTRY:-\}}thebot-{name}:\d+\.\d+\.\d+$",
                service.GetProperty("image").GetString()!);

            if (service.TryGetProperty("depends_on", out var dependsOn))
            {
                Assert.All(dependsOn.EnumerateObject(), d => Assert.Equal("service_healthy", d.Value.GetProperty("condition").GetString()));
            }
        }
    }

    [Fact]
    public async Task Only_web_publishes_a_port_and_joins_the_frontend_network()
    {
        var document = (await Tool.ReadYamlAsync(ComposeFile)).Single();
        Assert.True(document.GetProperty("networks").GetProperty("backend").GetProperty("internal").GetBoolean());

        foreach (var (name, service) in await Services())
        {
            var networks = service.GetProperty("networks").EnumerateArray().Select(n => n.GetString()).ToList();
            Assert.Contains("backend", networks);
            Assert.Equal(name == "web", service.TryGetProperty("ports", out _));
            Assert.Equal(name == "web", networks.Contains("frontend"));
        }
    }

    [Fact]
    public async Task Data_lives_in_named_volumes_and_api_keeps_uploaded_files_in_its_own()
    {
        var document = (await Tool.ReadYamlAsync(ComposeFile)).Single();
        var volumes = document.GetProperty("volumes").EnumerateObject().Select(v => v.Name).ToList();
        Assert.Equal(["thebot-postgres-data", "thebot-redis-data", "thebot-files"], volumes);

        var api = document.GetProperty("services").GetProperty("api");
        Assert.Equal("/app/files", api.GetProperty("environment").GetProperty("Storage__Root").GetString());
        var mount = api.GetProperty("volumes").EnumerateArray().Single();
        Assert.Equal("thebot-files", mount.GetProperty("source").GetString());
        Assert.Equal("/app/files", mount.GetProperty("target").GetString());
    }

    [Fact]
    public async Task Redis_requires_a_password_persists_and_evicts_as_a_cache()
    {
        var redis = (await Services()).Single(s => s.Name == "redis").Service;
        var command = string.Join(' ', redis.GetProperty("command").EnumerateArray().Select(c => c.GetString()));

        Assert.Contains("--requirepass $$REDIS_PASSWORD", command, StringComparison.Ordinal);
        Assert.Contains("--appendonly yes", command, StringComparison.Ordinal);
        Assert.Contains("--maxmemory 384mb", command, StringComparison.Ordinal);
        Assert.Contains("--maxmemory-policy allkeys-lru", command, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dotnet_health_checks_start_a_runtime_rarely_once_the_service_is_up()
    {
        foreach (var name in ExpectedLimits.DotnetServices)
        {
            var check = (await Services()).Single(s => s.Name == name).Service.GetProperty("healthcheck");

            // Each probe starts a whole .NET runtime (docs/deployment.md, "Health checks"): often while starting, rarely after.
            Assert.True(Seconds(check.GetProperty("interval").GetString()!) >= 60, $"{name} probes every {check.GetProperty("interval")}");
            Assert.True(Seconds(check.GetProperty("start_interval").GetString()!) <= 5, name);
            Assert.True(Seconds(check.GetProperty("start_period").GetString()!) >= 60, name);
        }
    }

    private static int Seconds(string duration) =>
        duration.EndsWith("ms", StringComparison.Ordinal) ? 0
        : duration.EndsWith('m') ? int.Parse(duration[..^1], CultureInfo.InvariantCulture) * 60
        : int.Parse(duration.TrimEnd('s'), CultureInfo.InvariantCulture);

    /// <summary>The services <c>docker compose up</c> starts (not the opt-in ones of a profile).</summary>
    private static async Task<IEnumerable<(string Name, JsonElement Service)>> Services()
    {
        var document = (await Tool.ReadYamlAsync(ComposeFile)).Single();
        return document.GetProperty("services").EnumerateObject()
            .Where(p => !p.Value.TryGetProperty("profiles", out _))
            .Select(p => (p.Name, p.Value)).ToList();
    }
}
