using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace TheBot.Api.Platform.Warmup;

/// <summary>
/// One request through Kestrel and the middleware (forwarded headers, authentication, authorization, problem
/// details): <c>GET /api/lessons</c> without a token, answered 401 — nothing is read or written.
/// </summary>
public sealed class HttpPipelineWarmup(IServer server, IHostApplicationLifetime lifetime) : IWarmupStep
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        // Kestrel listens once the host has started.
        if (!lifetime.ApplicationStarted.IsCancellationRequested)
        {
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
            await using (cancellationToken.Register(() => started.TrySetCanceled(cancellationToken)))
            {
                await started.Task;
            }
        }

        if (LocalAddress(server) is not { } address)
        {
            return;
        }

        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        using var response = await client.GetAsync(new Uri("/api/lessons", UriKind.Relative), cancellationToken);
    }

    /// <summary>The first address Kestrel listens on, a wildcard host (<c>+</c>, <c>*</c>, <c>0.0.0.0</c>, <c>[::]</c>) as loopback; plain HTTP first.</summary>
    internal static Uri? LocalAddress(IServer server)
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var chosen = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses.FirstOrDefault();
        if (chosen is null)
        {
            return null;
        }

        var local = chosen.Replace("://+", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://*", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal);
        return Uri.TryCreate(local, UriKind.Absolute, out var uri) ? uri : null;
    }
}
