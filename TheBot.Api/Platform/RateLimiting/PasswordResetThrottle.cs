using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace TheBot.Api.Platform.RateLimiting;

/// <summary>
/// "Forgot password" requests, limited like sign-in: the same ceiling per client network (IPv4 address or IPv6 /64)
/// per minute, and a growing delay per address after a few requests (<see cref="FailureBackoff"/>, forgotten after a
/// day), so nobody can flood a mailbox with reset e-mails. Keys depend on the address as typed, not on whether an
/// account has it, so the answers are the same for every address.
/// </summary>
public sealed class PasswordResetThrottle(RedisWindowCounter counter, FailureBackoff backoff, IOptionsMonitor<RateLimitingOptions> options)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    /// <summary>Counts a request; returns how long to wait when it must not go ahead, else null.</summary>
    public async Task<TimeSpan?> TryRequestAsync(string clientNetwork, string email)
    {
        var limits = options.CurrentValue;
        if (await counter.HitAsync($"password-reset:net:{clientNetwork}", limits.SignInPerIpPerMinute, Window) is { } wait)
        {
            return wait;
        }

        var address = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToUpperInvariant())), 0, 12);
        return await backoff.TryAttemptAsync($"password-reset:{address}", limits.PasswordAttempts());
    }
}
