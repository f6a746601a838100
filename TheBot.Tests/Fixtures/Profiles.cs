using System.Net;
using System.Net.Http.Json;

namespace TheBot.Tests.Fixtures;

/// <summary>Changes to a signed-in person's own profile, through PATCH /api/auth/me.</summary>
public static class Profiles
{
    /// <summary>Sets the person's time zone: the one their reminders, dashboards and every page's times use.</summary>
    public static async Task SetTimeZoneAsync(this SignedIn person, string timeZone)
    {
        using var response = await person.Client.PatchAsJsonAsync("/api/auth/me", new { timeZone }, TestContext.Current.CancellationToken);
        await Expect.StatusAsync(HttpStatusCode.OK, response);
    }
}
