using System.Net;
using System.Net.Http.Json;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Applications;

/// <summary>The hourly allowance of public applications, with the production limit (10 an hour from one client).</summary>
[Collection(ProductionAppFixture.Collection)]
public sealed class ApplicationThrottleTests(ProductionAppFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Applications_from_anywhere_in_one_IPv6_64_share_one_hourly_allowance()
    {
        var network = FrontDoorStandIn.NewIPv6Network();

        for (var host = 1; host <= 10; host++)
        {
            using var api = FrontDoorStandIn.ApiClientFor(app.Host, $"{network}::{host:x}");
            using var accepted = await api.PostAsJsonAsync("/api/applications", Application(), Ct);
            await Expect.StatusAsync(HttpStatusCode.Created, accepted);
        }

        using var sameNetwork = FrontDoorStandIn.ApiClientFor(app.Host, $"{network}:aaaa:bbbb:cccc:dddd");
        using var refused = await sameNetwork.PostAsJsonAsync("/api/applications", Application(), Ct);
        await Expect.ProblemAsync(HttpStatusCode.TooManyRequests, refused);
        Assert.NotNull(refused.Headers.RetryAfter);

        using var otherNetwork = FrontDoorStandIn.ApiClientFor(app.Host, $"{FrontDoorStandIn.NewIPv6Network()}::1");
        using var elsewhere = await otherNetwork.PostAsJsonAsync("/api/applications", Application(), Ct);
        await Expect.StatusAsync(HttpStatusCode.Created, elsewhere);
    }

    private static object Application() =>
        new { fullName = "Ivan Throttled", email = $"applicant-{Guid.NewGuid():N}@tests.thebot.local", desiredRole = "student" };
}
