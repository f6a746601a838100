using Aspire.Hosting.ApplicationModel;

namespace TheBot.AppHost.Deployment;

/// <summary>
/// How a deployed container runs: as this non-root user and group, with a read-only root filesystem
/// where only the scratch directories (in memory, emptied on restart) and its volumes are writable.
/// </summary>
public sealed record HardeningAnnotation(int UserId, int GroupId, IReadOnlyList<string> ScratchDirectories) : IResourceAnnotation;
