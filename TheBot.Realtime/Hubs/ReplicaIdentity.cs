using System.Security.Cryptography;

namespace TheBot.Realtime.Hubs;

/// <summary>
/// The name this replica gives clients (the <c>connected</c> event, <c>GetConnectionInfo</c>): random per
/// process, so that clients can tell replicas apart without learning host names or process ids. The
/// startup log line maps it to both.
/// </summary>
public static partial class ReplicaIdentity
{
    public static string Id { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));

    public static void Announce(ILogger logger) => LogIdentity(logger, Id, Environment.MachineName, Environment.ProcessId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Realtime replica {Replica} is host {Host}, process {ProcessId}")]
    private static partial void LogIdentity(ILogger logger, string replica, string host, int processId);
}
