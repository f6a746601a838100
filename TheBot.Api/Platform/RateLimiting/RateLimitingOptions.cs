using System.ComponentModel.DataAnnotations;

namespace TheBot.Api.Platform.RateLimiting;

/// <summary>The <c>RateLimiting</c> section. Defaults suit a school; the benchmark configuration lifts them.</summary>
public sealed class RateLimitingOptions
{
    public const string SectionName = "RateLimiting";

    /// <summary>
    /// Password attempts that go ahead at once: sign-ins for one account from one client network, or current
    /// passwords given by one user to change it. The last of them and every later one make the next wait.
    /// </summary>
    [Range(1, 1_000)]
    public int PasswordAttemptsBeforeDelay { get; set; } = 5;

    /// <summary>The first wait, in seconds; it doubles with each further attempt.</summary>
    [Range(1, 3_600)]
    public int PasswordAttemptFirstDelaySeconds { get; set; } = 30;

    /// <summary>The longest wait, in minutes.</summary>
    [Range(1, 1_440)]
    public int PasswordAttemptMaxDelayMinutes { get; set; } = 15;

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

    /// <summary>The password-attempt settings as a policy; attempts not repeated for a day are forgotten.</summary>
    public BackoffPolicy PasswordAttempts() => new(
        PasswordAttemptsBeforeDelay,
        TimeSpan.FromSeconds(PasswordAttemptFirstDelaySeconds),
        TimeSpan.FromMinutes(PasswordAttemptMaxDelayMinutes),
        TimeSpan.FromDays(1));
}
