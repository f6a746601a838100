namespace TheBot.Tests.Deployment;

/// <summary>
/// Issue #15: docs/deployment.md works as written. Each section's commands run in order (see
/// <see cref="DeploymentGuide"/>); the checks behind the stand-ins make them fail wherever the guide and the
/// generated files disagree, and the last tests show that they do.
/// </summary>
public sealed class DeploymentGuideTests
{
    public static TheoryData<string> Sections =>
    [
        "Regenerating",
        "1. Build the images",
        "2. Docker Compose",
        "3. Kubernetes",
        "5. Backups and restore",
        "8. Telemetry",
    ];

    [Theory]
    [MemberData(nameof(Sections))]
    public async Task Every_command_of_the_section_runs_against_the_generated_files(string section)
    {
        var guide = await DeploymentGuide.CopyAsync();
        if (section.StartsWith("5.", StringComparison.Ordinal) || section.StartsWith("8.", StringComparison.Ordinal))
        {
            // Backups and the dashboard work on the installation section 2 made.
            var compose = await guide.RunAsync(guide["2. Docker Compose"]);
            Assert.True(compose.ExitCode == 0, compose.Describe());
        }

        var result = await guide.RunAsync(guide[section]);

        Assert.True(result.ExitCode == 0, $"docs/deployment.md, section '{section}':\n{result.Describe()}");
    }

    [Fact]
    public async Task The_guide_creates_the_site_overlay_it_applies_and_never_applies_the_prod_placeholders()
    {
        var guide = await DeploymentGuide.CopyAsync();
        var kubernetes = guide["3. Kubernetes"].Script;

        Assert.DoesNotContain("kubectl apply -k deploy/k8s/overlays/prod", kubernetes, StringComparison.Ordinal);
        var created = kubernetes.IndexOf("cat > deploy/k8s/overlays/site/kustomization.yaml", StringComparison.Ordinal);
        var applied = kubernetes.IndexOf("kubectl apply -k deploy/k8s/overlays/site", StringComparison.Ordinal);
        Assert.True(created >= 0 && applied > created, "the site overlay must be written before it is applied");
    }

    [Fact]
    public async Task The_guide_names_what_a_cluster_and_a_build_machine_need()
    {
        var text = await File.ReadAllTextAsync(Path.Combine(Tool.Root, "docs", "deployment.md"), TestContext.Current.CancellationToken);

        foreach (var prerequisite in (string[])["metrics-server", "imagePullSecrets", ".NET SDK 10", "Node.js 20.19"])
        {
            Assert.Contains(prerequisite, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_check_fails_when_the_guide_leaves_a_required_Compose_variable_unset()
    {
        var guide = await DeploymentGuide.CopyAsync(text => text.Replace(
            "s/^JWT_SIGNING_KEY=$/JWT_SIGNING_KEY=$(openssl rand -hex 32)/; ", "", StringComparison.Ordinal));

        var result = await guide.RunAsync(guide["2. Docker Compose"]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("JWT_SIGNING_KEY is empty in .env: it is required", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_check_fails_when_the_guide_leaves_a_required_secret_key_empty()
    {
        var guide = await DeploymentGuide.CopyAsync(text => text.Replace(
            "s/^jwt-signing-key=$/jwt-signing-key=$(openssl rand -hex 32)/; \\", "\\", StringComparison.Ordinal));

        var result = await guide.RunAsync(guide["3. Kubernetes"]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("needs the key jwt-signing-key of the Secret", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_check_fails_when_a_managed_server_listens_on_a_port_the_network_policies_block()
    {
        var guide = await DeploymentGuide.CopyAsync(text => text.Replace("cache.school.example:6380", "cache.school.example:7000", StringComparison.Ordinal));

        var result = await guide.RunAsync(guide["3. Kubernetes"]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("no network policy lets it reach cache.school.example:7000", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_check_fails_when_a_backup_gives_PostgreSQL_no_password()
    {
        var guide = await DeploymentGuide.CopyAsync(text => text.Replace(
            "sh -c 'PGPASSWORD=\"$POSTGRES_PASSWORD\" pg_dump -h 127.0.0.1", "sh -c 'pg_dump", StringComparison.Ordinal));
        var compose = await guide.RunAsync(guide["2. Docker Compose"]);
        Assert.True(compose.ExitCode == 0, compose.Describe());

        var result = await guide.RunAsync(guide["5. Backups and restore"]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("gives PostgreSQL no password", result.Error, StringComparison.Ordinal);
    }
}
