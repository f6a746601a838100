using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using TheBot.Api.Platform.Auth;
using TheBot.ServiceDefaults.Authentication;

namespace TheBot.Api.Platform.RateLimiting;

/// <summary>A per-user ceiling on the whole API (per client network — IPv4 address or IPv6 /64 — for anonymous callers): 429 + Retry-After.</summary>
public static class ApiRateLimiting
{
    public static IServiceCollection AddApiRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitingOptions>()
            .Bind(configuration.GetSection(RateLimitingOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => o.PasswordAttemptFirstDelaySeconds <= o.PasswordAttemptMaxDelayMinutes * 60, "The first password-attempt delay must not exceed the longest.")
            .ValidateOnStart();
        services.AddSingleton<RedisWindowCounter>();
        services.AddSingleton<FailureBackoff>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<PasswordChangeThrottle>();
        services.AddSingleton<PasswordResetThrottle>();

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                var limits = http.RequestServices.GetRequiredService<IOptionsMonitor<RateLimitingOptions>>().CurrentValue;
                var key = http.User.FindFirst(TheBotClaims.UserId)?.Value is { } userId
                    ? "u:" + userId
                    : "ip:" + http.GetClientNetwork();
                return RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = limits.RequestBurstPerUser,
                    TokensPerPeriod = limits.RequestsPerUserPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            options.OnRejected = async (context, cancellationToken) =>
            {
                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                    ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
                    : 1;
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many requests",
                        Detail = "Slow down; try again after the time in Retry-After.",
                    },
                });
            };
        });

        return services;
    }
}
