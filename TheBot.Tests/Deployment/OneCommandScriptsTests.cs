namespace TheBot.Tests.Deployment;

/// <summary>deploy/compose-up.sh and deploy/k8s-apply.sh: with <c>--dry-run</c> they print every step and change nothing.</summary>
public sealed class OneCommandScriptsTests
{
    [Fact]
    public async Task Compose_up_in_a_dry_run_shows_every_step_with_secrets_generated_and_writes_nothing()
    {
        var before = GeneratedDeployment.Files(Path.Combine(Tool.Root, "deploy"));
        var envFile = Path.Combine(Tool.Root, "deploy", "compose", ".env");
        var hadEnv = File.Exists(envFile);

        var result = await Tool.RunAsync("bash", [Path.Combine(Tool.Root, "deploy", "compose-up.sh"), "--dry-run", "--no-build"]);

        Assert.True(result.ExitCode == 0, result.Describe());
        foreach (var step in (string[])["== 1/5", "== 2/5", "== 3/5", "== 4/5", "== 5/5", "JWT_SIGNING_KEY set", "BOOTSTRAP_ADMIN_PASSWORD set", "+ docker compose up -d --wait"])
        {
            Assert.Contains(step, result.Output, StringComparison.Ordinal);
        }

        Assert.Equal(hadEnv, File.Exists(envFile));
        Assert.Equal(before, GeneratedDeployment.Files(Path.Combine(Tool.Root, "deploy")));
    }

    [Fact]
    public async Task K8s_apply_in_a_dry_run_shows_the_site_overlay_and_the_pruning_apply_and_writes_nothing()
    {
        var before = GeneratedDeployment.Files(Path.Combine(Tool.Root, "deploy"));

        var result = await Tool.RunAsync("bash",
        [
            Path.Combine(Tool.Root, "deploy", "k8s-apply.sh"), "--dry-run", "--overlay", "prod",
            "--registry", "registry.school.example/thebot", "--host", "thebot.school.example",
        ]);

        Assert.True(result.ExitCode == 0, result.Describe());
        foreach (var expected in (string[])[
            "kubectl get apiservice v1beta1.metrics.k8s.io", "+ ../../build-images.sh --registry registry.school.example/thebot",
            "newName: registry.school.example/thebot/thebot-api", "value: thebot.school.example",
            "+ kubectl apply -k site-prod --prune -l app.kubernetes.io/part-of=thebot", "rollout status"])
        {
            Assert.Contains(expected, result.Output, StringComparison.Ordinal);
        }

        Assert.Equal(before, GeneratedDeployment.Files(Path.Combine(Tool.Root, "deploy")));
    }

    [Fact]
    public async Task K8s_apply_refuses_to_guess_a_host_or_registry()
    {
        var result = await Tool.RunAsync("bash", [Path.Combine(Tool.Root, "deploy", "k8s-apply.sh"), "--dry-run", "--overlay", "prod"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--registry and --host are required", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pin_digests_asks_for_every_infrastructure_image_and_the_dotnet_base_image()
    {
        var result = await Tool.RunAsync("bash", [Path.Combine(Tool.Root, "deploy", "pin-digests.sh"), "--dry-run"]);

        Assert.True(result.ExitCode == 0, result.Describe());
        foreach (var image in (string[])["docker.io/library/postgres:17.6", "docker.io/library/redis:8.2.1", "mcr.microsoft.com/dotnet/aspnet:10.0.15-noble-chiseled-extra"])
        {
            Assert.Contains($"imagetools inspect {image} ", result.Output, StringComparison.Ordinal);
        }
    }
}
