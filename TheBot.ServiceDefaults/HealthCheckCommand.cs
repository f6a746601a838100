using System.Globalization;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// <c>&lt;service&gt; --health-check [path]</c>: asks the service running in the same container for its
/// liveness endpoint and exits 0 when it answers with success, 1 otherwise. Chiseled images have no shell
/// and no curl, so container health checks run the service's own binary in this mode.
/// </summary>
public static class HealthCheckCommand
{
    public const string Switch = "--health-check";

    private const int DefaultPort = 8080;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    /// <summary>Call first in Program.cs: when the switch is given, probes and exits before anything else starts.</summary>
    public static void ExitIfRequested(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args is [Switch, ..])
        {
            var path = args.Length > 1 ? args[1] : ServiceDefaultsExtensions.AlivenessEndpointPath;
            Environment.Exit(Probe(LocalUri(path, Environment.GetEnvironmentVariable)));
        }
    }

    public static int Probe(Uri uri)
    {
        using var client = new HttpClient { Timeout = Timeout };
        try
        {
            using var response = client.Send(new HttpRequestMessage(HttpMethod.Get, uri));
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return 1;
        }
    }

    /// <summary>The service's own endpoint: the first port of <c>HTTP_PORTS</c>, <c>ASPNETCORE_HTTP_PORTS</c> or <c>ASPNETCORE_URLS</c>.</summary>
    public static Uri LocalUri(string path, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var port = FirstPort(environment("HTTP_PORTS"))
            ?? FirstPort(environment("ASPNETCORE_HTTP_PORTS"))
            ?? FirstUrlPort(environment("ASPNETCORE_URLS"))
            ?? DefaultPort;
        return new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}{path}");
    }

    private static int? FirstPort(string? ports) =>
        ports?.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is [var first, ..]
        && int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var port) ? port : null;

    private static int? FirstUrlPort(string? urls)
    {
        var http = urls?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault(u => u.StartsWith("http://", StringComparison.OrdinalIgnoreCase));
        var colon = http?.LastIndexOf(':') ?? -1;
        return colon > "http://".Length
            && int.TryParse(http![(colon + 1)..].TrimEnd('/'), NumberStyles.None, CultureInfo.InvariantCulture, out var port) ? port : null;
    }
}
