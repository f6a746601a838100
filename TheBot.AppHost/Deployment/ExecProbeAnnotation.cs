using Aspire.Hosting.ApplicationModel;

namespace TheBot.AppHost.Deployment;

/// <summary>
/// A command run inside a deployed container (no shell unless the command starts one); exit code 0 means healthy.
/// Used for servers that do not speak HTTP, such as PostgreSQL and Redis.
/// </summary>
public sealed record ExecProbeAnnotation(IReadOnlyList<string> Command) : IResourceAnnotation;
