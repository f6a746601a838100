using System.Net;
using System.Net.Http.Json;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.SystemHealth;

/// <summary>The platform starts and serves in the Production environment, the way operators run it.</summary>
[Collection(ProductionAppFixture.Collection)]
public sealed class ProductionStartTests(ProductionAppFixture app)
{
    [Fact]
    public async Task In_Production_the_bootstrap_admin_signs_in_through_the_front_door_and_no_demo_people_exist()
    {
        var admin = await app.People.AdminAsync();
        using var me = await admin.Client.GetAsync("/api/auth/me", TestContext.Current.CancellationToken);
        await Expect.StatusAsync(HttpStatusCode.OK, me);

        using var client = app.Host.CreateWebClient();
        using var demo = await client.PostAsJsonAsync(
            "/api/auth/login", new { email = "teacher@thebot.local", password = "Pass123$" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, demo.StatusCode);

        using var page = await client.GetAsync("/", TestContext.Current.CancellationToken);
        await Expect.StatusAsync(HttpStatusCode.OK, page);
        Assert.Contains("<div id=\"root\"", await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
