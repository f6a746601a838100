using Microsoft.Extensions.Configuration;

namespace TheBot.AppHost.Infrastructure;

/// <summary>
/// The <c>Infrastructure</c> configuration section, plus the <c>--infra</c> command-line shortcut.
/// </summary>
public sealed record InfrastructureOptions
{
    public InfrastructureMode Mode { get; init; } = InfrastructureMode.Auto;

    public LocalRedisServer Redis { get; init; } = LocalRedisServer.Auto;

    /// <summary>Where local mode keeps PostgreSQL and Redis data (git-ignored <c>.data</c> by default).</summary>
    public required string DataDirectory { get; init; }

    /// <summary>
    /// False for throwaway data (tests): skips fsync so that a test run does not wait on the disk.
    /// </summary>
    public bool Durable { get; init; } = true;

    public static InfrastructureOptions FromConfiguration(IConfiguration configuration, string appHostDirectory)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        var section = configuration.GetSection("Infrastructure");
        var dataDirectory = section["DataDirectory"];

        return new InfrastructureOptions
        {
            Mode = ParseMode(configuration["infra"] ?? section["Mode"]),
            Redis = ParseRedis(section["Redis"]),
            DataDirectory = Path.GetFullPath(string.IsNullOrWhiteSpace(dataDirectory)
                ? Path.Combine(appHostDirectory, ".data")
                : dataDirectory),
            Durable = !bool.TryParse(section["Durable"], out var durable) || durable,
        };
    }

    public static InfrastructureMode ParseMode(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        null or "" or "AUTO" => InfrastructureMode.Auto,
        "CONTAINERS" or "CONTAINER" => InfrastructureMode.Containers,
        "LOCAL" => InfrastructureMode.Local,
        "EXTERNAL" => InfrastructureMode.External,
        _ => throw new InfrastructureUnavailableException(
            $"Unknown infrastructure mode '{value}'. Use --infra containers, --infra local or --infra external (or leave it out for auto)."),
    };

    public static LocalRedisServer ParseRedis(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        null or "" or "AUTO" => LocalRedisServer.Auto,
        "REDIS" or "REDIS-SERVER" => LocalRedisServer.Redis,
        "GARNET" => LocalRedisServer.Garnet,
        _ => throw new InfrastructureUnavailableException(
            $"Unknown Infrastructure:Redis value '{value}'. Use auto, redis or garnet."),
    };
}
