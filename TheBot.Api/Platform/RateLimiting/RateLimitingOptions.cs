using System.ComponentModel.DataAnnotations;

namespace TheBot.Api.Platform.RateLimiting;

/// <summary>The <c>RateLimiting</c> section. Defaults suit a school; the benchmark configuration lifts them.</summary>
public sealed class RateLimitingOptions
{
    public const string SectionName = "RateLimiting";

    /// <summary>Sign-in attempts per minute for one (client network, email) pair.</summary>
    [Range(1, 1_000_000)]
    public int SignInPerEmailPerMinute { get; set; } = 5;

    /// <summary>Sign-in attempts per minute from one client network: an IPv4 address or an IPv6 /64 (a whole school may share one).</summary>
    [Range(1, 1_000_000)]
    public int SignInPerIpPerMinute { get; set; } = 100;

    /// <summary>Public sign-up applications per hour from one client network (IPv4 address or IPv6 /64).</summary>
    [Range(1, 1_000_000)]
    public int ApplicationsPerIpPerHour { get; set; } = 10;

    /// <summary>Sustained API requests per second for one user (anonymous callers: per client network, IPv4 address or IPv6 /64).</summary>
    [Range(1, 1_000_000)]
    public int RequestsPerUserPerSecond { get; set; } = 50;

    /// <summary>Burst allowance on top of the sustained rate.</summary>
    [Range(1, 10_000_000)]
    public int RequestBurstPerUser { get; set; } = 500;
}
