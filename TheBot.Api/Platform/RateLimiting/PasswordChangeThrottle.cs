using System.Globalization;
using Microsoft.Extensions.Options;

namespace TheBot.Api.Platform.RateLimiting;

/// <summary>
/// Current passwords given to change a password, counted per user (<see cref="FailureBackoff"/>): a stolen access
/// token allows a few guesses, then each further one waits longer. Only the right current password resets it.
/// </summary>
public sealed class PasswordChangeThrottle(FailureBackoff backoff, IOptionsMonitor<RateLimitingOptions> options)
{
    /// <summary>Counts an attempt; returns how long to wait when it must not go ahead, else null.</summary>
    public Task<TimeSpan?> TryAttemptAsync(Guid userId) => backoff.TryAttemptAsync(Key(userId), options.CurrentValue.PasswordAttempts());

    public Task SucceededAsync(Guid userId) => backoff.ResetAsync(Key(userId));

    private static string Key(Guid userId) => string.Create(CultureInfo.InvariantCulture, $"password-change:{userId:N}");
}
