using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace TheBot.Api.Platform.RateLimiting;

/// <summary>
/// Sign-in attempts: a few per (client network, email) and a school-sized ceiling per client network (an IPv4
/// address or an IPv6 /64, see <see cref="TheBot.ServiceDefaults.Networking.ClientNetwork"/>).
/// </summary>
public sealed class SignInThrottle(RedisWindowCounter counter, IOptionsMonitor<RateLimitingOptions> options)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public async Task<TimeSpan?> TryAttemptAsync(string clientNetwork, string email)
    {
        var limits = options.CurrentValue;
        var emailKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToUpperInvariant())), 0, 12);
        var perIp = await counter.HitAsync($"signin:net:{clientNetwork}", limits.SignInPerIpPerMinute, Window);
        var perEmail = await counter.HitAsync($"signin:net-email:{clientNetwork}:{emailKey}", limits.SignInPerEmailPerMinute, Window);
        return perIp ?? perEmail;
    }
}
