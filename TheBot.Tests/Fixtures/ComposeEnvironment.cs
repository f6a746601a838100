using System.Text.Json;
using System.Text.RegularExpressions;

namespace TheBot.Tests.Fixtures;

/// <summary>
/// The settings the committed <c>deploy/compose/docker-compose.yaml</c> gives each service, as the service
/// would see them with an operator's <c>.env</c> that sets only the required secrets: <c>${VAR:-default}</c>
/// becomes its default. Left out is what the test host wires itself (connection strings, service discovery,
/// ports, telemetry export, file locations) and what only the operator can supply: required variables
/// (<c>${VAR:?…}</c>) and optional ones that are empty until the operator fills them (<c>${VAR:-}</c>, e.g. the first
/// admin's email), which the test host gives from its own parameters.
/// Reads the file as TheBot.AppHost's YamlWriter writes it; fails loudly if that shape ever changes.
/// </summary>
public static partial class ComposeEnvironment
{
    private static readonly string[] WiredByTheTestHost = ["ConnectionStrings__", "services__", "OTEL_", "HTTP_PORTS", "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS"];

    public static string ComposeFile => Path.Combine(RepositoryRoot.Find(), "deploy", "compose", "docker-compose.yaml");

    /// <summary>Every <c>environment</c> entry of every service, exactly as written (before interpolation).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> ReadRaw(string? composeFile = null)
    {
        var services = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        string? service = null;
        Dictionary<string, string>? environment = null;
        var inServices = false;
        foreach (var line in File.ReadLines(composeFile ?? ComposeFile))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (!line.StartsWith(' '))
            {
                inServices = line == "services:";
                environment = null;
                continue;
            }

            if (!inServices)
            {
                continue;
            }

            if (ServiceLine().Match(line) is { Success: true } serviceMatch)
            {
                service = serviceMatch.Groups[1].Value;
                environment = null;
            }
            else if (line == "    environment:" && service is not null)
            {
                environment = [];
                services[service] = environment;
            }
            else if (environment is not null && VariableLine().Match(line) is { Success: true } variable)
            {
                environment[Scalar(variable.Groups[1].Value)] = Scalar(variable.Groups[2].Value);
            }
            else
            {
                environment = null;
            }
        }

        return services;
    }

    /// <summary>The settings of one service that the test host should give it to run as the compose file says.</summary>
    public static IReadOnlyDictionary<string, string> SettingsOf(string service, string? composeFile = null)
    {
        if (!ReadRaw(composeFile).TryGetValue(service, out var raw) || !raw.ContainsKey("OTEL_SERVICE_NAME"))
        {
            throw new InvalidOperationException($"{composeFile ?? ComposeFile} has no environment for '{service}' in the shape TheBot.AppHost writes.");
        }

        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in raw)
        {
            if (WiredByTheTestHost.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal))
                || Interpolate(value) is not { } resolved
                || resolved.Length == 0
                || resolved.StartsWith('/'))
            {
                continue;
            }

            settings[name] = resolved;
        }

        return settings;
    }

    /// <summary>Compose's interpolation with no variable set: defaults apply, a required variable makes the value unknown (null).</summary>
    public static string? Interpolate(string value)
    {
        var unknown = false;
        var result = Reference().Replace(value, match =>
        {
            if (match.Value == "$$")
            {
                return "$";
            }

            if (match.Groups["op"].Value is ":-" or "-")
            {
                return match.Groups["arg"].Value;
            }

            unknown = true;
            return string.Empty;
        });
        return unknown ? null : result;
    }

    private static string Scalar(string text) =>
        text.StartsWith('"') ? JsonSerializer.Deserialize<string>(text)! : text;

    [GeneratedRegex("^  ([A-Za-z0-9_.-]+):$")]
    private static partial Regex ServiceLine();

    [GeneratedRegex("^      (\"(?:[^\"\\\\]|\\\\.)*\"|[^\" ][^:]*): (.+)$")]
    private static partial Regex VariableLine();

    [GeneratedRegex(@"\$\$|\$\{(?<name>[A-Za-z0-9_]+)(?:(?<op>:-|-|:\?|\?)(?<arg>[^}]*))?\}")]
    private static partial Regex Reference();
}
