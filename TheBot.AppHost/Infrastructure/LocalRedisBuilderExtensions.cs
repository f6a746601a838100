using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TheBot.AppHost.Infrastructure;

public static class LocalRedisBuilderExtensions
{
    /// <summary>The Garnet version run when redis-server is not installed (a NuGet .NET tool).</summary>
    public const string GarnetVersion = "2.2.8";

    /// <summary>
    /// Adds a Redis-protocol server as a local process: <c>redis-server</c> when given its path,
    /// otherwise Microsoft Garnet installed on first use as a .NET tool. Password and persistence
    /// settings go into a config file readable only by the current user, never on the command line.
    /// </summary>
    public static IResourceBuilder<LocalRedisResource> AddLocalRedis(
        this IDistributedApplicationBuilder builder,
        string name,
        string? redisServerPath,
        string dataDirectory,
        IResourceBuilder<ParameterResource> password,
        bool durable)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(password);

        var useGarnet = redisServerPath is null;
        var root = Path.Combine(dataDirectory, useGarnet ? "garnet" : "redis");
        var configFile = Path.Combine(root, useGarnet ? "garnet.conf" : "redis.conf");
        var toolDirectory = Path.Combine(dataDirectory, "tools", $"garnet-server-{GarnetVersion}");
        var command = useGarnet ? Path.Combine(toolDirectory, "garnet-server") : redisServerPath!;

        var resource = new LocalRedisResource(name, command, dataDirectory, password.Resource);

        string? connectionString = null;
        builder.Eventing.Subscribe<ConnectionStringAvailableEvent>(resource, async (_, ct) =>
            connectionString = await resource.ConnectionStringExpression.GetValueAsync(ct));

        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(resource, async (e, ct) =>
        {
            var logger = e.Services.GetRequiredService<ResourceLoggerService>().GetLogger(resource);
            var secret = await password.Resource.GetValueAsync(ct)
                ?? throw new InvalidOperationException("The redis password parameter has no value.");

            Directory.CreateDirectory(Path.Combine(root, "data"));
            var config = useGarnet ? GarnetConfig(root, secret, durable) : RedisConfig(root, secret, durable);
            await File.WriteAllTextAsync(configFile, config, ct);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(configFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            if (useGarnet && !File.Exists(command))
            {
                InfrastructureLog.InstallingGarnet(logger, GarnetVersion);
                await ProcessRunner.RunAsync(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet",
                    ["tool", "install", "garnet-server", "--version", GarnetVersion, "--tool-path", toolDirectory],
                    logger, ct);
            }
        });

        var healthCheckKey = $"{name}_check";
        builder.Services.AddHealthChecks().AddRedis(
            _ => connectionString ?? throw new InvalidOperationException("Connection string is unavailable"),
            name: healthCheckKey);

        var endpoint = resource.PrimaryEndpoint;
        return builder.AddResource(resource)
            .WithEndpoint(name: LocalRedisResource.EndpointName, scheme: "tcp")
            .WithArgs(context =>
            {
                if (useGarnet)
                {
                    context.Args.Add("--config-import-path");
                    context.Args.Add(configFile);
                    context.Args.Add("--bind");
                    context.Args.Add("127.0.0.1");
                }
                else
                {
                    context.Args.Add(configFile);
                }

                context.Args.Add("--port");
                context.Args.Add(endpoint.Property(EndpointProperty.TargetPort));
            })
            .WithIconName("Memory")
            .WithHealthCheck(healthCheckKey);
    }

    private static string RedisConfig(string root, string password, bool durable) => string.Join('\n',
    [
        "bind 127.0.0.1",
        "protected-mode yes",
        $"requirepass \"{password.Replace("\"", "\\\"", StringComparison.Ordinal)}\"",
        $"dir \"{Path.Combine(root, "data")}\"",
        $"appendonly {(durable ? "yes" : "no")}",
        "save \"\"",
        "maxmemory 256mb",
        "maxmemory-policy allkeys-lru",
        "",
    ]);

    private static string GarnetConfig(string root, string password, bool durable) => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["AuthenticationMode"] = "Password",
        ["Password"] = password,
        ["EnableAOF"] = durable,
        ["Recover"] = durable,
        ["CheckpointDir"] = Path.Combine(root, "data"),
        ["DeviceType"] = "RandomAccess",
        ["EnableLua"] = true,
        ["QuietMode"] = true,
    });
}
