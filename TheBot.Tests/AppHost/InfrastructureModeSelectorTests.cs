using System.Diagnostics;
using TheBot.AppHost.Infrastructure;

namespace TheBot.Tests.AppHost;

public sealed class InfrastructureModeSelectorTests
{
    [Theory]
    [InlineData(true, true, InfrastructureMode.Containers)]
    [InlineData(true, false, InfrastructureMode.Containers)]
    [InlineData(false, true, InfrastructureMode.Local)]
    public void Auto_prefers_containers_then_local_processes(bool containerRuntime, bool postgresBinaries, InfrastructureMode expected)
    {
        var probe = new FakeProbe(containerRuntime, postgresBinaries);

        Assert.Equal(expected, InfrastructureModeSelector.Resolve(InfrastructureMode.Auto, probe));
    }

    [Fact]
    public void Auto_without_containers_or_postgres_names_the_three_ways_out()
    {
        var probe = new FakeProbe(containerRuntime: false, postgresBinaries: false);

        var error = Assert.Throws<InfrastructureUnavailableException>(() => InfrastructureModeSelector.Resolve(InfrastructureMode.Auto, probe));

        Assert.Contains("no container runtime answered (docker: daemon not running)", error.Message, StringComparison.Ordinal);
        Assert.Contains("no PostgreSQL server binaries were found", error.Message, StringComparison.Ordinal);
        Assert.Contains("dotnet run --project TheBot.AppHost -- --infra containers", error.Message, StringComparison.Ordinal);
        Assert.Contains("dotnet run --project TheBot.AppHost -- --infra local", error.Message, StringComparison.Ordinal);
        Assert.Contains("dotnet run --project TheBot.AppHost -- --infra external --ConnectionStrings:thebot", error.Message, StringComparison.Ordinal);
        Assert.Contains(InfrastructureModeSelector.PostgresInstallHint, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Explicit_modes_are_checked_and_never_silently_replaced()
    {
        var nothing = new FakeProbe(containerRuntime: false, postgresBinaries: false);

        Assert.Throws<InfrastructureUnavailableException>(() => InfrastructureModeSelector.Resolve(InfrastructureMode.Containers, nothing));
        Assert.Throws<InfrastructureUnavailableException>(() => InfrastructureModeSelector.Resolve(InfrastructureMode.Local, nothing));
        Assert.Equal(InfrastructureMode.External, InfrastructureModeSelector.Resolve(InfrastructureMode.External, nothing));
        Assert.Equal(InfrastructureMode.Local, InfrastructureModeSelector.Resolve(InfrastructureMode.Local, new FakeProbe(containerRuntime: true, postgresBinaries: true)));
    }

    [Theory]
    [InlineData(null, InfrastructureMode.Auto)]
    [InlineData("", InfrastructureMode.Auto)]
    [InlineData("containers", InfrastructureMode.Containers)]
    [InlineData("LOCAL", InfrastructureMode.Local)]
    [InlineData(" external ", InfrastructureMode.External)]
    public void Modes_parse_case_insensitively(string? text, InfrastructureMode expected) =>
        Assert.Equal(expected, InfrastructureOptions.ParseMode(text));

    [Fact]
    public void An_unknown_mode_is_refused_with_the_valid_ones()
    {
        var error = Assert.Throws<InfrastructureUnavailableException>(() => InfrastructureOptions.ParseMode("kubernetes"));

        Assert.Contains("--infra containers", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_AppHost_exits_with_the_explanation_when_the_asked_mode_cannot_work()
    {
        var appHost = AppHostAssembly.Path;
        var startInfo = new ProcessStartInfo("dotnet", [appHost, "--infra", "containers"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            Environment = { ["ASPIRE_CONTAINER_RUNTIME"] = "thebot-no-such-runtime" },
        };

        using var process = Process.Start(startInfo)!;
        var error = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)), "the AppHost did not exit");

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("'thebot-no-such-runtime' is not on PATH", error, StringComparison.Ordinal);
        Assert.Contains("--infra local", error, StringComparison.Ordinal);
    }

    private sealed class FakeProbe(bool containerRuntime, bool postgresBinaries) : IInfrastructureProbe
    {
        public bool ContainerRuntimeAnswers(out string detail)
        {
            detail = containerRuntime ? "docker 28.2.2" : "docker: daemon not running";
            return containerRuntime;
        }

        public string? FindPostgresBinaries() => postgresBinaries ? "/usr/lib/postgresql/15/bin" : null;

        public string? FindRedisServer() => null;
    }
}
