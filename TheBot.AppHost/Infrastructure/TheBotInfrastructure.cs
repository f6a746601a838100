using Aspire.Hosting.ApplicationModel;
using TheBot.AppHost.Deployment;

namespace TheBot.AppHost.Infrastructure;

/// <summary>The PostgreSQL database and Redis server the services use, whichever mode provides them.</summary>
public sealed record TheBotInfrastructure(
    InfrastructureMode Mode,
    IResourceBuilder<IResourceWithConnectionString> Database,
    IResourceBuilder<IResourceWithConnectionString> Redis)
{
    /// <summary>Where uploaded files are kept when run (every api replica shares it); deployments use a volume.</summary>
    public string FilesDirectory { get; init; } = string.Empty;

    /// <summary>Where local servers and tools keep their data when run.</summary>
    public string DataDirectory { get; init; } = string.Empty;
}

public static class TheBotInfrastructureExtensions
{
    public const string DatabaseName = "thebot";
    public const string PostgresImageTag = "17.6";
    public const string RedisImageTag = "8.2.1";

    /// <summary>
    /// Connections one api replica may open (<c>Maximum Pool Size</c>; jobs and migrations share it) and what the
    /// PostgreSQL container accepts: replicas × pool + headroom ≤ max_connections (docs/deployment.md).
    /// </summary>
    public const int ApiPoolSize = 20;

    public const int PostgresMaxConnections = 100;

    /// <summary>The <c>postgres</c> and <c>redis</c> accounts of the official images.</summary>
    private const int ImageUserId = 999;

    /// <summary>
    /// Adds <c>postgres</c> (database <c>thebot</c>) and <c>redis</c> in the mode the configuration asks
    /// for (<c>--infra</c> or <c>Infrastructure:Mode</c>); publishing always describes containers.
    /// </summary>
    public static TheBotInfrastructure AddTheBotInfrastructure(this IDistributedApplicationBuilder builder, IInfrastructureProbe? probe = null)
    {
        ArgumentNullException.ThrowIfNull(builder);

        var options = InfrastructureOptions.FromConfiguration(builder.Configuration, builder.AppHostDirectory);
        probe ??= new MachineInfrastructureProbe(
            builder.Configuration["ASPIRE_CONTAINER_RUNTIME"] ?? builder.Configuration["DcpPublisher:ContainerRuntime"]);

        var mode = builder.ExecutionContext.IsPublishMode
            ? InfrastructureMode.Containers
            : InfrastructureModeSelector.Resolve(options.Mode, probe);

        var infrastructure = mode switch
        {
            InfrastructureMode.External => AddExternal(builder),
            InfrastructureMode.Local => AddLocal(builder, options, probe),
            _ => AddContainers(builder),
        };
        return infrastructure with { FilesDirectory = Path.Combine(options.DataDirectory, "files"), DataDirectory = options.DataDirectory };
    }

    private static TheBotInfrastructure AddContainers(IDistributedApplicationBuilder builder)
    {
        var postgres = builder.AddPostgres("postgres", password: Secrets.PostgresPassword(builder))
            .WithImageTag(PostgresImageTag)
            .WithDataVolume("thebot-postgres-data")
            .WithEnvironment(PostgresDataInSubdirectory)
            .WithArgs("-c", $"max_connections={PostgresMaxConnections}")
            .WithResourceLimits(cpus: 2, memoryMiB: 2048)
            .WithHardening(ImageUserId, "/var/run/postgresql")
            .WithExecProbe("pg_isready", "--host=127.0.0.1", "--username=postgres", $"--dbname={DatabaseName}");
        var database = postgres.AddDatabase(DatabaseName);

        var redis = builder.AddRedis("redis", password: Secrets.RedisPassword(builder))
            .WithImageTag(RedisImageTag)
            .WithDataVolume("thebot-redis-data")
            .WithArgs(AppendRedisServerArguments("--appendonly", "yes", "--maxmemory", "384mb", "--maxmemory-policy", "allkeys-lru"))
            .WithResourceLimits(cpus: 1, memoryMiB: 512)
            .WithHardening(ImageUserId)
            .WithManagedServerPorts(6380)
            .WithExecProbe("sh", "-c", "REDISCLI_AUTH=\"$REDIS_PASSWORD\" redis-cli ping | grep -q PONG");

        return new TheBotInfrastructure(InfrastructureMode.Containers, database, redis);
    }

    private static TheBotInfrastructure AddLocal(IDistributedApplicationBuilder builder, InfrastructureOptions options, IInfrastructureProbe probe)
    {
        var binDirectory = probe.FindPostgresBinaries()!;
        var postgres = builder.AddLocalPostgres("postgres", binDirectory, options.DataDirectory, Secrets.PostgresPassword(builder), options.Durable)
            .WithResourceLimits(cpus: 2, memoryMiB: 2048);
        var database = postgres.AddDatabase(DatabaseName);

        var redisServer = options.Redis switch
        {
            LocalRedisServer.Garnet => null,
            LocalRedisServer.Redis => probe.FindRedisServer() ?? throw new InfrastructureUnavailableException(
                "Infrastructure:Redis=redis was asked for, but redis-server is not on PATH (Debian: sudo apt-get install -y redis-server). Leave it out to fall back to Garnet."),
            _ => probe.FindRedisServer(),
        };
        var redis = builder.AddLocalRedis("redis", redisServer, options.DataDirectory, Secrets.RedisPassword(builder), options.Durable)
            .WithResourceLimits(cpus: 1, memoryMiB: 512);

        return new TheBotInfrastructure(InfrastructureMode.Local, database, redis);
    }

    private static TheBotInfrastructure AddExternal(IDistributedApplicationBuilder builder) => new(
        InfrastructureMode.External,
        builder.AddConnectionString(DatabaseName),
        builder.AddConnectionString("redis"));

    /// <summary>
    /// Deployed data volumes may be filesystem roots with a <c>lost+found</c> that initdb refuses, so the
    /// cluster lives one level down. Run mode keeps the layout existing development volumes have.
    /// </summary>
    private static void PostgresDataInSubdirectory(EnvironmentCallbackContext context)
    {
        if (context.ExecutionContext.IsPublishMode)
        {
            context.EnvironmentVariables["PGDATA"] = "/var/lib/postgresql/data/pgdata";
        }
    }

    /// <summary>
    /// Appends to redis-server's command line in both modes: in run mode Aspire passes the arguments one
    /// by one, in publish mode as a single <c>sh -c</c> string.
    /// </summary>
    private static Action<CommandLineArgsCallbackContext> AppendRedisServerArguments(params string[] arguments) => context =>
    {
        var shellIndex = context.Args.IndexOf("-c");
        if (shellIndex >= 0 && shellIndex + 1 < context.Args.Count && context.Args[shellIndex + 1] is string commandLine)
        {
            context.Args[shellIndex + 1] = $"{commandLine} {string.Join(' ', arguments)}";
            return;
        }

        foreach (var argument in arguments)
        {
            context.Args.Add(argument);
        }
    };
}
