namespace TheBot.AppHost.Infrastructure;

/// <summary>What the machine offers; looked up lazily, only for the modes that need it.</summary>
public interface IInfrastructureProbe
{
    /// <summary>Whether a container runtime (Docker or Podman) answers; <paramref name="detail"/> says why not.</summary>
    bool ContainerRuntimeAnswers(out string detail);

    /// <summary>The directory holding <c>postgres</c> and <c>initdb</c>, or null when there is none.</summary>
    string? FindPostgresBinaries();

    /// <summary>The full path of <c>redis-server</c>, or null when it is not on PATH.</summary>
    string? FindRedisServer();
}
