using Microsoft.Extensions.Logging;

namespace TheBot.AppHost.Infrastructure;

/// <summary>What the local infrastructure writes to its resources' logs in the dashboard.</summary>
internal static partial class InfrastructureLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "{Program}: {Line}")]
    public static partial void ProgramOutput(ILogger logger, string program, string line);

    [LoggerMessage(Level = LogLevel.Information, Message = "Creating a PostgreSQL cluster in {DataDirectory}")]
    public static partial void CreatingCluster(ILogger logger, string dataDirectory);

    [LoggerMessage(Level = LogLevel.Information, Message = "The postgres password parameter changed; updating the cluster's superuser password")]
    public static partial void UpdatingPassword(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created database {Database}")]
    public static partial void CreatedDatabase(ILogger logger, string database);

    [LoggerMessage(Level = LogLevel.Information, Message = "redis-server is not installed; installing Microsoft Garnet {Version} as a .NET tool")]
    public static partial void InstallingGarnet(ILogger logger, string version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Installing smtp4dev {Version} as a .NET tool (the local e-mail inbox)")]
    public static partial void InstallingSmtp4dev(ILogger logger, string version);
}
