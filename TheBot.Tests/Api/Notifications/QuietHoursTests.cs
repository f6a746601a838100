using TheBot.Api.Features.Notifications;

namespace TheBot.Tests.Api.Notifications;

public sealed class QuietHoursTests
{
    [Theory]
    [InlineData("22:00", "07:00", "2026-01-10T20:30:00Z", true)]   // 23:30 in Moscow
    [InlineData("22:00", "07:00", "2026-01-10T03:00:00Z", true)]   // 06:00 in Moscow
    [InlineData("22:00", "07:00", "2026-01-10T05:00:00Z", false)]  // 08:00 in Moscow
    [InlineData("13:00", "14:00", "2026-01-10T10:30:00Z", true)]   // 13:30 in Moscow
    [InlineData("13:00", "14:00", "2026-01-10T11:30:00Z", false)]
    public void Quiet_hours_are_in_the_users_time_zone_and_may_wrap_midnight(string start, string end, string utc, bool quiet) =>
        Assert.Equal(quiet, QuietHours.Contains(TimeOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture),
            TimeOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), "Europe/Moscow",
            DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture)));
}
