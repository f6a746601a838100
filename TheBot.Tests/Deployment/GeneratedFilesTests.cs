namespace TheBot.Tests.Deployment;

public sealed class GeneratedFilesTests
{
    [Theory]
    [InlineData("compose", "publish-compose")]
    [InlineData("k8s", "publish-kubernetes")]
    public async Task The_committed_deployment_files_are_what_the_AppHost_generates(string folder, string step)
    {
        var generated = Path.Combine((await GeneratedDeployment.GetAsync()).Root, "deploy", folder);
        var committed = Path.Combine(Tool.Root, "deploy", folder);
        var regenerate = $"Regenerate: dotnet run --project TheBot.AppHost -- --operation publish --step {step} --output-path ../deploy/{folder}";

        Assert.True(GeneratedDeployment.Files(generated).SetEquals(GeneratedDeployment.Files(committed)),
            $"deploy/{folder} does not hold exactly the generated files. {regenerate}");
        foreach (var file in GeneratedDeployment.Files(generated))
        {
            var expected = await File.ReadAllBytesAsync(Path.Combine(committed, file), TestContext.Current.CancellationToken);
            var actual = await File.ReadAllBytesAsync(Path.Combine(generated, file), TestContext.Current.CancellationToken);
            Assert.True(expected.AsSpan().SequenceEqual(actual), $"deploy/{folder}/{file} is stale. {regenerate}");
        }
    }

    [Fact]
    public async Task No_secret_value_or_machine_path_appears_in_any_generated_file()
    {
        var deployment = await GeneratedDeployment.GetAsync();
        var files = Directory.EnumerateFiles(Path.Combine(deployment.Root, "deploy"), "*", SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(files);

        foreach (var file in files)
        {
            var text = await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken);
            foreach (var secret in deployment.Secrets)
            {
                Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            }

            Assert.DoesNotContain(deployment.Root, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Tool.Root, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Every_secret_is_a_required_variable_with_an_empty_example()
    {
        var compose = await File.ReadAllTextAsync(Path.Combine(Tool.Root, "deploy", "compose", "docker-compose.yaml"), TestContext.Current.CancellationToken);
        var example = await File.ReadAllLinesAsync(Path.Combine(Tool.Root, "deploy", "compose", ".env.example"), TestContext.Current.CancellationToken);

        // The servers' passwords are interpolated (Compose refuses to start without them); every secret is a file
        // deploy/compose-secrets.sh writes from the variable of the same name, and refuses while a required one is empty.
        foreach (var variable in (string[])["POSTGRES_PASSWORD", "REDIS_PASSWORD"])
        {
            Assert.Contains($"${{{variable}:?", compose, StringComparison.Ordinal);
        }

        var secretsSection = example.SkipWhile(l => !l.StartsWith("## Secrets", StringComparison.Ordinal)).Skip(1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal)).ToList();
        foreach (var variable in (string[])["POSTGRES_PASSWORD", "REDIS_PASSWORD", "JWT_SIGNING_KEY"])
        {
            Assert.Contains($"{variable}=", secretsSection);
            Assert.Contains($"file: \"./secrets/{variable.ToLowerInvariant().Replace('_', '-')}\"", compose, StringComparison.Ordinal);
        }

        // Every variable the compose file reads is listed in .env.example, right under its comment.
        var variables = System.Text.RegularExpressions.Regex.Matches(compose, @"\$\{([A-Z0-9_]+)[:}]").Select(m => m.Groups[1].Value).Distinct();
        foreach (var variable in variables)
        {
            var line = Array.FindIndex(example, l => l.StartsWith(variable + "=", StringComparison.Ordinal));
            Assert.True(line > 0 && example[line - 1].StartsWith('#'), $"{variable} is not documented in .env.example");
        }
    }

    [Fact]
    public async Task The_image_build_script_publishes_every_service_as_a_container()
    {
        var result = await Tool.RunAsync("bash", [Path.Combine(Tool.Root, "deploy", "build-images.sh"), "--dry-run", "--archive", "/tmp/thebot-images"]);

        Assert.True(result.ExitCode == 0, result.Describe());
        foreach (var project in (string[])["TheBot.Api", "TheBot.Realtime", "TheBot.Web"])
        {
            Assert.Contains($"+ dotnet publish {project} -c Release /t:PublishContainer", result.Output, StringComparison.Ordinal);
        }
    }
}
