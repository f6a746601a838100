using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace TheBot.Api.Platform.RateLimiting;

/// <summary>
/// Sign-in attempts: a school-sized ceiling per client network (an IPv4 address or an IPv6 /64, see
/// <see cref="TheBot.ServiceDefaults.Networking.ClientNetwork"/>), and a growing delay per (client network,
/// email) after a few attempts (<see cref="FailureBackoff"/>). There is no account lockout: failures from one
/// network never slow down the account's owner on another. Keys depend on the email as typed, not on whether an
/// account has it, so throttling answers the same for every email.
/// </summary>
public sealed class SignInThrottle(RedisWindowCounter counter, FailureBackoff backoff, IOptionsMonitor<RateLimitingOptions> options)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    /// <summary>Counts an attempt; returns how long to wait when it must not go ahead, else null.</summary>
    public async Task<TimeSpan?> TryAttemptAsync(string clientNetwork, string email)
    {
        var limits = options.CurrentValue;
        if (await counter.HitAsync($"signin:net:{clientNetwork}", limits.SignInPerIpPerMinute, Window) is { } wait)
        {
            return wait;
        }

        return await backoff.TryAttemptAsync(AccountKey(clientNetwork, email), limits.PasswordAttempts());
    }

    /// <summary>The password was right: this network starts afresh on this account.</summary>
    public Task SucceededAsync(string clientNetwork, string email) => backoff.ResetAsync(AccountKey(clientNetwork, email));

    private static string AccountKey(string clientNetwork, string email) =>
        $"signin:{clientNetwork}:{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToUpperInvariant())), 0, 12)}";
}
