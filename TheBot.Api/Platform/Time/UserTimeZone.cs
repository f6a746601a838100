namespace TheBot.Api.Platform.Time;

/// <summary>
/// One rule for times: what a person reads (reminders, "today" on dashboards, quiet hours) is in their
/// profile's time zone, the zone the SPA shows every time in. An unknown zone reads as UTC.
/// </summary>
public static class UserTimeZone
{
    public static TimeZoneInfo Find(string? id) =>
        id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>The calendar day an instant falls on in the zone.</summary>
    public static DateOnly DayOf(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>The instant the zone's day containing <paramref name="now"/> began (its local midnight).</summary>
    public static DateTimeOffset StartOfDay(DateTimeOffset now, TimeZoneInfo zone) => StartOf(DayOf(now, zone), zone);

    /// <summary>The instant the zone's <paramref name="day"/> begins (its local midnight).</summary>
    public static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        // A midnight skipped by a DST change (a few zones move at 00:00) starts the day an hour later.
        while (zone.IsInvalidTime(midnight))
        {
            midnight = midnight.AddHours(1);
        }

        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight)).ToUniversalTime();
    }
}
