using System.Net;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Web;

/// <summary>What nginx used to hide stays hidden: a 404 even where the SPA fallback would have answered.</summary>
public sealed class BlockedPathTests(TheBotAppFixture fixture)
{
    [Theory]
    [InlineData("/.env")]
    [InlineData("/.git/config")]
    [InlineData("/.git/HEAD")]
    [InlineData("/.vscode/settings")]
    [InlineData("/assets/x.js.map")]
    [InlineData("/index.html.bak")]
    [InlineData("/index.html~")]
    [InlineData("/index.html.orig")]
    [InlineData("/.index.html.swp")]
    [InlineData("/node_modules/x")]
    [InlineData("/node_modules/react/package")]
    [InlineData("/%2Eenv")]
    [InlineData("/assets/../.env")]
    public async Task Hidden_and_leftover_files_are_never_served(string path)
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = fixture.Host.CreateWebClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(SpaAssets.LooksLikeTheSpa(await response.Content.ReadAsStringAsync(ct)), $"{path} was answered by the app.");
    }

    [Fact]
    public async Task The_real_source_map_of_the_entry_script_is_not_served()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = fixture.Host.CreateWebClient();
        var script = await SpaAssets.EntryScriptAsync(client, ct);

        using var map = await client.GetAsync(script + ".map", ct);

        Assert.Equal(HttpStatusCode.NotFound, map.StatusCode);
    }
}
