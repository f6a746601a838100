using System.Net;
using System.Text.Json;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Web;

/// <summary>
/// The edge limit answers 429 with Retry-After and problem details. The per-address limit is generous
/// (the whole suite shares one address), so this uses the low-limit probe rule that appsettings.Development.json
/// adds on its own path (2 requests a minute), which no other test touches.
/// </summary>
public sealed class EdgeRateLimitTests(TheBotAppFixture fixture)
{
    private const string ProbePath = "/_frontdoor/rate-limit-probe";

    [Fact]
    public async Task Too_many_requests_get_429_with_Retry_After_as_problem_details()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = fixture.Host.CreateWebClient();

        HttpResponseMessage? refused = null;
        for (var attempt = 0; attempt < 5 && refused is null; attempt++)
        {
            var response = await client.GetAsync(ProbePath, ct);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = response;
            }
            else
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                response.Dispose();
            }
        }

        Assert.NotNull(refused);
        using (refused)
        {
            var retryAfter = refused.Headers.RetryAfter?.Delta;
            Assert.NotNull(retryAfter);
            Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync(ct));
            Assert.Equal(429, problem.RootElement.GetProperty("status").GetInt32());
            Assert.Equal("Too Many Requests", problem.RootElement.GetProperty("title").GetString());
            Assert.Equal("DENY", refused.Headers.GetValues("X-Frame-Options").Single());
        }

        // The stricter rule covers its own path only: the same address is still served elsewhere.
        using var elsewhere = await client.GetAsync("/sign-in", ct);
        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
    }
}
