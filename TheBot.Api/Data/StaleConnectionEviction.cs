using System.Data.Common;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace TheBot.Api.Data;

/// <summary>
/// When PostgreSQL restarts, every idle connection in the pool is dead, and Npgsql only finds out when one
/// is next used: each request or job tick would meet one more of them and fail. The first command that
/// fails because the server went away clears the pool instead, so the next ones open fresh connections.
/// </summary>
public sealed class StaleConnectionEviction : DbCommandInterceptor
{
    public static StaleConnectionEviction Instance { get; } = new();

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Evict(command, eventData.Exception);
    }

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Evict(command, eventData.Exception);
        return Task.CompletedTask;
    }

    /// <summary>The server shut down, crashed or restarted under the connection, or the socket broke.</summary>
    public static bool IsConnectionLost(Exception exception) => exception switch
    {
        PostgresException { SqlState: PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow } => true,
        PostgresException => false,
        NpgsqlException { InnerException: IOException or SocketException or EndOfStreamException } => true,
        _ => false,
    };

    private static void Evict(DbCommand command, Exception exception)
    {
        if (IsConnectionLost(exception) && command?.Connection is NpgsqlConnection connection)
        {
            NpgsqlConnection.ClearPool(connection);
        }
    }
}
