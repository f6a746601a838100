using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

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
}
