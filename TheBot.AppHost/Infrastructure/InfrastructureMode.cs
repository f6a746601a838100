namespace TheBot.AppHost.Infrastructure;

/// <summary>How the AppHost provides PostgreSQL and Redis.</summary>
public enum InfrastructureMode
{
    /// <summary>Containers when a container runtime answers, otherwise local processes.</summary>
    Auto,

    /// <summary>Aspire's PostgreSQL and Redis container resources (Docker or Podman).</summary>
    Containers,

    /// <summary>PostgreSQL and Redis (or Garnet) as local processes managed by the AppHost.</summary>
    Local,

    /// <summary>Servers that already exist, given as connection strings.</summary>
    External,
}

/// <summary>Which Redis-protocol server local mode runs.</summary>
public enum LocalRedisServer
{
    /// <summary><c>redis-server</c> when it is on PATH, otherwise Garnet.</summary>
    Auto,

    /// <summary><c>redis-server</c> from PATH.</summary>
    Redis,

    /// <summary>Microsoft Garnet (the <c>garnet-server</c> .NET tool), which needs nothing installed.</summary>
    Garnet,
}
