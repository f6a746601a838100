using System.Net;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Web;

/// <summary>Client routes get the app; unknown API paths and missing files get real 404s.</summary>
public sealed class SpaFallbackTests(TheBotAppFixture fixture)
{
    [Theory]
    [InlineData("/dashboard")]
    [InlineData("/sign-in")]
    [InlineData("/applications/0f8fad5b-d9cb-469f-a165-70867728950e")]
    [InlineData("/some/deep/client/route")]
    public async Task Client_routes_fall_back_to_the_app(string path)
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = fixture.Host.CreateWebClient();

        using var response = await client.GetAsync(path, ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.True(SpaAssets.LooksLikeTheSpa(await response.Content.ReadAsStringAsync(ct)));
    }

    [Theory]
    [InlineData("/api/no-such-endpoint")]
    [InlineData("/api/dashboard/whatever/else")]
    public async Task Unknown_api_paths_are_404_problem_details(string path)
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = fixture.Host.CreateWebClient();

        using var response = await client.GetAsync(path, ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(SpaAssets.LooksLikeTheSpa(await response.Content.ReadAsStringAsync(ct)));
    }

    [Theory]
    [InlineData("/assets/missing-DEADBEEF.js")]
    [InlineData("/assets/missing.css")]
    [InlineData("/favicon.ico")]
    [InlineData("/robots.txt")]
    public async Task Missing_files_are_404_not_the_app(string path)
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = fixture.Host.CreateWebClient();

        using var response = await client.GetAsync(path, ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(SpaAssets.LooksLikeTheSpa(await response.Content.ReadAsStringAsync(ct)));
    }

    [Fact]
    public async Task Client_routes_only_answer_reads()
    {
        using var client = fixture.Host.CreateWebClient();

        using var response = await client.PostAsync("/dashboard", new StringContent("x"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }
}
