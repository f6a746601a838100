using System.Net;
using System.Net.Sockets;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Deployment;

/// <summary>The <c>--health-check</c> mode container health checks run, exercised on the real service binaries.</summary>
public sealed class HealthCheckCommandTests(TheBotAppFixture app)
{
    public static TheoryData<string> Projects => ["TheBot.Api", "TheBot.Realtime", "TheBot.Web"];

    [Theory]
    [MemberData(nameof(Projects))]
    public async Task The_binary_exits_0_when_the_service_on_its_port_is_alive_without_starting_itself(string project)
    {
        // Pointed at the running web front door: its /alive answers, and the probe must not need the service's own settings.
        var result = await Probe(project, app.Host.WebEndpoint.Port);

        Assert.True(result.ExitCode == 0, result.Describe());
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public async Task The_binary_exits_1_when_nothing_answers_on_its_port(string project)
    {
        var result = await Probe(project, FreePort());

        Assert.True(result.ExitCode == 1, result.Describe());
    }

    private static Task<Tool.Result> Probe(string project, int port)
    {
        // Same configuration and framework folder as this test assembly: bin/<Configuration>/<TFM>/.
        var build = new DirectoryInfo(AppContext.BaseDirectory);
        var binary = Path.Combine(Tool.Root, project, "bin", build.Parent!.Name, build.Name, $"{project}.dll");
        Assert.True(File.Exists(binary), $"{binary} is not built");
        return Tool.RunAsync("dotnet", [binary, "--health-check", "/alive"], environment: new Dictionary<string, string>
        {
            ["HTTP_PORTS"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        });
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
