using System.ComponentModel.DataAnnotations;

namespace TheBot.Api.Features.Auth;

/// <summary>
/// How long a signed-in device stays signed in (configuration section <c>Auth</c>, checked at startup).
/// Each refresh extends the session by the sliding lifetime, but never past the absolute lifetime counted
/// from sign-in: a stolen refresh cookie that is kept fresh still dies then.
/// </summary>
public sealed class SessionLifetimeOptions : IValidatableObject
{
    public const string SectionName = "Auth";

    /// <summary>A device not used for this long must sign in again.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00")]
    public TimeSpan SessionSlidingLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>Every device signs in again this long after it signed in, however often it was used.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00")]
    public TimeSpan SessionAbsoluteLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>When a session that started at <paramref name="createdAt"/> and is used at <paramref name="now"/> expires.</summary>
    public DateTimeOffset ExpiryFor(DateTimeOffset createdAt, DateTimeOffset now)
    {
        var sliding = now + SessionSlidingLifetime;
        var absolute = createdAt + SessionAbsoluteLifetime;
        return sliding < absolute ? sliding : absolute;
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SessionAbsoluteLifetime < SessionSlidingLifetime)
        {
            yield return new ValidationResult(
                "Auth:SessionAbsoluteLifetime must be at least Auth:SessionSlidingLifetime.",
                [nameof(SessionAbsoluteLifetime), nameof(SessionSlidingLifetime)]);
        }
    }
}
