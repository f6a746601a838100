using System.Net;
using System.Net.Http.Headers;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Web;

/// <summary>index.html is always revalidated; Vite's hashed assets are cached for a year; both have ETags.</summary>
public sealed class StaticAssetCachingTests(TheBotAppFixture fixture)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/index.html")]
    [InlineData("/sign-in")]
    public async Task The_page_is_revalidated_on_every_visit(string path)
    {
        using var client = fixture.Host.CreateWebClient();

        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoCache, $"{path}: Cache-Control {response.Headers.CacheControl}");
        Assert.Null(response.Headers.CacheControl?.MaxAge);
        Assert.NotNull(response.Headers.ETag);
    }

    [Fact]
    public async Task Hashed_assets_are_immutable_for_a_year_and_revalidate_with_their_ETag()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = fixture.Host.CreateWebClient();
        foreach (var asset in new[] { await SpaAssets.EntryScriptAsync(client, ct), await SpaAssets.StylesheetAsync(client, ct) })
        {
            using var response = await client.GetAsync(asset, ct);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
            var etag = response.Headers.ETag;
            Assert.NotNull(etag);

            using var revalidation = new HttpRequestMessage(HttpMethod.Get, asset);
            revalidation.Headers.IfNoneMatch.Add(etag);
            using var notModified = await client.SendAsync(revalidation, ct);
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
            Assert.Equal("public, max-age=31536000, immutable", notModified.Headers.CacheControl?.ToString());
        }
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Assets_are_served_precompressed(string encoding)
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = fixture.Host.CreateWebClient();
        var asset = await SpaAssets.EntryScriptAsync(client, ct);
        using var identity = await client.GetAsync(asset, ct);
        var identityLength = (await identity.Content.ReadAsByteArrayAsync(ct)).Length;

        using var request = new HttpRequestMessage(HttpMethod.Get, asset);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        using var response = await client.SendAsync(request, ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        // Precompressed at build (a known length), not compressed on the fly (chunked).
        Assert.NotNull(response.Content.Headers.ContentLength);
        Assert.True(response.Content.Headers.ContentLength < identityLength / 2, $"{encoding}: {response.Content.Headers.ContentLength} vs {identityLength}");
    }

    [Fact]
    public async Task Proxied_json_is_compressed()
    {
        using var client = fixture.Host.CreateWebClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/system/health");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }
}
