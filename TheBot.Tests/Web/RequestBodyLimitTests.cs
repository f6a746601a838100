using System.Net;
using System.Net.Http.Headers;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Web;

/// <summary>Bodies are small everywhere (1 MiB) but on the configured upload routes (51 MiB: a 50 MB file and its form).</summary>
public sealed class RequestBodyLimitTests(TheBotAppFixture fixture)
{
    private const int TwoMegabytes = 2 * 1024 * 1024;

    [Fact]
    public async Task A_big_body_to_a_normal_route_is_refused_with_413_problem_details()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = fixture.Host.CreateWebClient();

        using var response = await client.PostAsync("/api/applications", Body(TwoMegabytes), ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"status\":413", await response.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_small_body_to_a_normal_route_passes_the_door()
    {
        using var client = fixture.Host.CreateWebClient();

        using var response = await client.PostAsync("/api/system/health", Body(16 * 1024), TestContext.Current.CancellationToken);

        Assert.NotEqual(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/materials/7d0c1f4e-0000-4000-8000-000000000001/files")]
    [InlineData("/api/assignments/7d0c1f4e-0000-4000-8000-000000000002/submissions/upload")]
    [InlineData("/api/chat/rooms/7d0c1f4e-0000-4000-8000-000000000003/attachments")]
    public async Task A_big_body_to_an_upload_route_passes_the_door(string uploadRoute)
    {
        using var client = fixture.Host.CreateWebClient();

        using var response = await client.PostAsync(uploadRoute, Body(TwoMegabytes), TestContext.Current.CancellationToken);

        // Whatever api answers (it may not have the route yet, or want a token), the door let the body through.
        Assert.NotEqual(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    private static ByteArrayContent Body(int size)
    {
        var content = new ByteArrayContent(new byte[size]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return content;
    }
}
