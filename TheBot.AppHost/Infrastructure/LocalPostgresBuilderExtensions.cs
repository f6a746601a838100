using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace TheBot.AppHost.Infrastructure;

public static class LocalPostgresBuilderExtensions
{
    /// <summary>
    /// Adds PostgreSQL as a local process: a real dashboard resource with logs, state and a health
    /// check, on a port Aspire allocates, with its data under <paramref name="dataDirectory"/>.
    /// </summary>
    public static IResourceBuilder<LocalPostgresServerResource> AddLocalPostgres(
        this IDistributedApplicationBuilder builder,
        string name,
        string binDirectory,
        string dataDirectory,
        IResourceBuilder<ParameterResource> password,
        bool durable)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(password);

        if (UnixAccount.IsRoot && !UnixAccount.OthersCanTraverse(dataDirectory))
        {
            throw new InfrastructureUnavailableException(
                $"PostgreSQL runs as the '{UnixAccount.PostgresUser}' user, which cannot reach {dataDirectory}. " +
                "Point Infrastructure:DataDirectory at a folder it can reach (e.g. --Infrastructure:DataDirectory /var/tmp/thebot).");
        }

        var initializer = new PostgresClusterInitializer(binDirectory, Path.Combine(dataDirectory, "postgres"));
        string[] serverArguments =
        [
            "-D", initializer.DataDirectory,
            "-c", "listen_addresses=127.0.0.1",
            "-c", "unix_socket_directories=",
            "-c", "max_connections=300",
            .. durable ? Array.Empty<string>() : ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"],
        ];
        var (command, arguments) = UnixAccount.AsPostgresUser(Path.Combine(binDirectory, "postgres"), serverArguments);

        var server = new LocalPostgresServerResource(name, command, dataDirectory, password.Resource);

        string? connectionString = null;
        builder.Eventing.Subscribe<ConnectionStringAvailableEvent>(server, async (_, ct) =>
            connectionString = await server.ConnectionStringExpression.GetValueAsync(ct));

        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(server, async (e, ct) =>
        {
            var logger = e.Services.GetRequiredService<ResourceLoggerService>().GetLogger(server);
            var secret = await password.Resource.GetValueAsync(ct)
                ?? throw new InvalidOperationException("The postgres password parameter has no value.");
            await initializer.EnsureReadyAsync(secret, logger, ct);
        });

        // Aspire moves the children of containers through their parent's states, not those of executables:
        // the databases are marked running here, once they exist, so that their health checks start.
        builder.Eventing.Subscribe<ResourceReadyEvent>(server, async (e, ct) =>
        {
            var logger = e.Services.GetRequiredService<ResourceLoggerService>().GetLogger(server);
            var notifications = e.Services.GetRequiredService<ResourceNotificationService>();
            await using var connection = new NpgsqlConnection(connectionString + ";Database=postgres");
            await connection.OpenAsync(ct);
            foreach (var database in server.Databases)
            {
                await CreateDatabaseIfMissingAsync(connection, database.DatabaseName, logger, ct);
                await notifications.PublishUpdateAsync(database, state => state with
                {
                    State = KnownResourceStates.Running,
                    StartTimeStamp = DateTime.UtcNow,
                });
            }
        });

        var healthCheckKey = $"{name}_check";
        builder.Services.AddHealthChecks().AddNpgSql(
            _ => (connectionString ?? throw new InvalidOperationException("Connection string is unavailable")) + ";Database=postgres",
            name: healthCheckKey);

        return builder.AddResource(server)
            .WithEndpoint(name: LocalPostgresServerResource.EndpointName, scheme: "tcp", env: "PGPORT")
            .WithArgs(arguments)
            .WithIconName("DatabaseMultiple")
            .WithHealthCheck(healthCheckKey);
    }

    /// <summary>Adds a database that is created on the local server once it is ready.</summary>
    public static IResourceBuilder<LocalPostgresDatabaseResource> AddDatabase(
        this IResourceBuilder<LocalPostgresServerResource> server, string name, string? databaseName = null)
    {
        ArgumentNullException.ThrowIfNull(server);

        databaseName ??= name;
        var database = new LocalPostgresDatabaseResource(name, databaseName, server.Resource);
        server.Resource.Databases.Add(database);

        string? connectionString = null;
        server.ApplicationBuilder.Eventing.Subscribe<ConnectionStringAvailableEvent>(database, async (_, ct) =>
            connectionString = await database.ConnectionStringExpression.GetValueAsync(ct));

        var healthCheckKey = $"{name}_check";
        server.ApplicationBuilder.Services.AddHealthChecks().AddNpgSql(
            _ => connectionString ?? throw new InvalidOperationException("Connection string is unavailable"),
            name: healthCheckKey);

        return server.ApplicationBuilder.AddResource(database)
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = "PostgresDatabase",
                State = KnownResourceStates.NotStarted,
                Properties = [],
            })
            .WithIconName("Database")
            .WithHealthCheck(healthCheckKey);
    }

    private static async Task CreateDatabaseIfMissingAsync(NpgsqlConnection connection, string databaseName, ILogger logger, CancellationToken ct)
    {
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection);
        exists.Parameters.Add(new NpgsqlParameter { Value = databaseName });
        if (await exists.ExecuteScalarAsync(ct) is not null)
        {
            return;
        }

        var quoted = "\"" + databaseName.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        await using var create = new NpgsqlCommand($"CREATE DATABASE {quoted}", connection);
        await create.ExecuteNonQueryAsync(ct);
        InfrastructureLog.CreatedDatabase(logger, databaseName);
    }
}
