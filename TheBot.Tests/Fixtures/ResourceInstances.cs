using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TheBot.Tests.Fixtures;

/// <summary>The instances of a replicated resource, which resource commands (stop, start, restart) address one by one.</summary>
public static class ResourceInstances
{
    public static async Task<List<string>> IdsAsync(TestAppHost host, string resourceName, int count, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(host);
        var notifications = host.App.Services.GetRequiredService<ResourceNotificationService>();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        var ids = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var update in notifications.WatchAsync(timeout.Token))
        {
            if (update.Resource.Name == resourceName && ids.Add(update.ResourceId) && ids.Count == count)
            {
                break;
            }
        }

        return [.. ids.Order(StringComparer.Ordinal)];
    }

    /// <summary>The exit code of an instance that was stopped (waits until the orchestrator reports it).</summary>
    public static async Task<int> ExitCodeAsync(TestAppHost host, string instanceId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(host);
        var notifications = host.App.Services.GetRequiredService<ResourceNotificationService>();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(1));
        await foreach (var update in notifications.WatchAsync(timeout.Token))
        {
            if (update.ResourceId == instanceId && update.Snapshot.ExitCode is { } exitCode)
            {
                return exitCode;
            }
        }

        throw new OperationCanceledException(ct);
    }

    /// <summary>Waits until each of these instances is running and healthy again (after a restart, say).</summary>
    public static async Task WaitUntilHealthyAsync(TestAppHost host, IReadOnlyCollection<string> instanceIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(instanceIds);
        var notifications = host.App.Services.GetRequiredService<ResourceNotificationService>();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        var healthy = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var update in notifications.WatchAsync(timeout.Token))
        {
            if (!instanceIds.Contains(update.ResourceId))
            {
                continue;
            }

            if (update.Snapshot.State?.Text == KnownResourceStates.Running && update.Snapshot.HealthStatus == HealthStatus.Healthy)
            {
                healthy.Add(update.ResourceId);
            }
            else
            {
                healthy.Remove(update.ResourceId);
            }

            if (healthy.Count == instanceIds.Count)
            {
                return;
            }
        }
    }
}
