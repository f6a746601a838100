using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace TheBot.Api.Platform.RateLimiting;

/// <summary>Sign-in attempts: a few per (client IP, email) and a school-sized ceiling per IP.</summary>
public sealed class SignInThrottle(RedisWindowCounter counter, IOptionsMonitor<RateLimitingOptions> options)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public async Task<TimeSpan?> TryAttemptAsync(string clientIp, string email)
    {
        var limits = options.CurrentValue;
        var emailKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToUpperInvariant())), 0, 12);
        var perIp = await counter.HitAsync($"signin:ip:{clientIp}", limits.SignInPerIpPerMinute, Window);
        var perEmail = await counter.HitAsync($"signin:ip-email:{clientIp}:{emailKey}", limits.SignInPerEmailPerMinute, Window);
        return perIp ?? perEmail;
    }
}
