using Microsoft.Extensions.Options;
using TheBot.Api.Features.Auth;

namespace TheBot.Tests.Api.Auth;

public sealed class SessionLifetimeOptionsTests
{
    [Fact]
    public void An_absolute_lifetime_shorter_than_the_sliding_one_is_refused_at_startup()
    {
        var options = new SessionLifetimeOptions { SessionSlidingLifetime = TimeSpan.FromDays(30), SessionAbsoluteLifetime = TimeSpan.FromDays(7) };

        var result = new DataAnnotationValidateOptions<SessionLifetimeOptions>(Options.DefaultName).Validate(Options.DefaultName, options);

        Assert.True(result.Failed);
        Assert.Contains("Auth:SessionAbsoluteLifetime", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void By_default_a_session_slides_two_weeks_at_a_time_and_ends_thirty_days_after_sign_in()
    {
        var options = new SessionLifetimeOptions();
        var signedIn = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

        Assert.False(new DataAnnotationValidateOptions<SessionLifetimeOptions>(Options.DefaultName).Validate(Options.DefaultName, options).Failed);
        Assert.Equal(signedIn.AddDays(14), options.ExpiryFor(signedIn, signedIn));
        Assert.Equal(signedIn.AddDays(30), options.ExpiryFor(signedIn, signedIn.AddDays(20)));
    }
}
