using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using TheBot.ServiceDefaults.Networking;

namespace TheBot.Web.FrontDoor;

/// <summary>
/// Edge rate limiting per client address (<see cref="EdgeRateLimitOptions"/>). A refused request gets 429
/// with Retry-After and problem details. Endpoints marked <c>DisableRateLimiting</c> (the probes) and the
/// configured exempt paths are never limited.
/// </summary>
internal static class EdgeRateLimiting
{
    public static IServiceCollection AddEdgeRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>()
            .Configure<IOptions<EdgeRateLimitOptions>>((limiter, edge) =>
            {
                limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                limiter.OnRejected = RejectAsync;
                limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(PerClient(edge.Value), PerRule(edge.Value));
            });
        return services;
    }

    private static PartitionedRateLimiter<HttpContext> PerClient(EdgeRateLimitOptions options) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
            !options.Enabled || IsExempt(options, context.Request.Path)
                ? RateLimitPartition.GetNoLimiter(string.Empty)
                : RateLimitPartition.GetTokenBucketLimiter(ClientNetwork.Of(context.Connection.RemoteIpAddress), _ =>
                    new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = options.TokenLimit,
                        TokensPerPeriod = options.TokensPerPeriod,
                        ReplenishmentPeriod = options.ReplenishmentPeriod,
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    }));

    private static PartitionedRateLimiter<HttpContext> PerRule(EdgeRateLimitOptions options) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            if (!options.Enabled || IsExempt(options, context.Request.Path))
            {
                return RateLimitPartition.GetNoLimiter(string.Empty);
            }
            for (var index = 0; index < options.Rules.Count; index++)
            {
                var rule = options.Rules[index];
                if (rule.Matches(context.Request))
                {
                    var key = string.Create(CultureInfo.InvariantCulture, $"{index}|{ClientNetwork.Of(context.Connection.RemoteIpAddress)}");
                    return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = rule.PermitLimit,
                        Window = rule.Window,
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    });
                }
            }
            return RateLimitPartition.GetNoLimiter(string.Empty);
        });

    private static bool IsExempt(EdgeRateLimitOptions options, PathString path) =>
        options.ExemptPaths.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await FrontDoorProblems.WriteAsync(context, StatusCodes.Status429TooManyRequests, "Too Many Requests",
            string.Create(CultureInfo.InvariantCulture, $"Too many requests from this address. Try again in {seconds} s."));
    }
}
