using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace TheBot.Api.Platform.Storage;

/// <summary>
/// Readiness: api can write under <c>Storage:Root</c>. A volume owned by another user (a mount point the image
/// lacks, docs/deployment.md) would otherwise fail only the first upload, with a 500 and no hint why.
/// </summary>
public sealed class StorageRootHealthCheck(IOptions<StorageOptions> options) : IHealthCheck
{
    public const string Name = "storage";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var root = options.Value.Root;
        var probe = Path.Combine(root, $".write-check-{Guid.CreateVersion7():N}");
        try
        {
            Directory.CreateDirectory(root);
            await File.WriteAllBytesAsync(probe, [], cancellationToken);
            File.Delete(probe);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new HealthCheckResult(
                context.Registration.FailureStatus,
                $"api cannot write its file store Storage:Root={root} ({ex.Message}): uploads fail until the directory (volume) belongs to the user api runs as (uid {Environment.GetEnvironmentVariable("APP_UID") ?? "of the process"}).",
                ex);
        }
    }
}
