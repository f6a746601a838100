using System.ComponentModel.DataAnnotations;

namespace TheBot.Api.Features.Auth;

/// <summary>The <c>PasswordReset</c> section: how long an e-mailed reset link works (checked at startup).</summary>
public sealed class PasswordResetOptions
{
    public const string SectionName = "PasswordReset";

    /// <summary>A reset link not used within this long is refused (410).</summary>
    [Range(typeof(TimeSpan), "00:05:00", "1.00:00:00", ErrorMessage = "PasswordReset:LinkLifetime must be between 5 minutes and a day.")]
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromMinutes(30);
}
