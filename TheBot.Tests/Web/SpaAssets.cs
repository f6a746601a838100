using System.Text.RegularExpressions;

namespace TheBot.Tests.Web;

/// <summary>The SPA files index.html refers to, as a browser would discover them.</summary>
internal static partial class SpaAssets
{
    public static async Task<string> IndexHtmlAsync(HttpClient client, CancellationToken ct)
    {
        using var response = await client.GetAsync("/", ct);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync(ct);
    }

    /// <summary>The entry script, e.g. /assets/index-C9nAUekr.js (Vite's content hash in the name).</summary>
    public static async Task<string> EntryScriptAsync(HttpClient client, CancellationToken ct)
    {
        var match = EntryScript().Match(await IndexHtmlAsync(client, ct));
        Assert.True(match.Success, "index.html has no hashed entry script under /assets/.");
        return match.Groups["path"].Value;
    }

    public static async Task<string> StylesheetAsync(HttpClient client, CancellationToken ct)
    {
        var match = Stylesheet().Match(await IndexHtmlAsync(client, ct));
        Assert.True(match.Success, "index.html has no hashed stylesheet under /assets/.");
        return match.Groups["path"].Value;
    }

    public static bool LooksLikeTheSpa(string body) => body.Contains("<div id=\"root\">", StringComparison.Ordinal);

    [GeneratedRegex("""<script type="module"[^>]* src="(?<path>/assets/[^"]+-[A-Za-z0-9_-]{8}\.js)""")]
    private static partial Regex EntryScript();

    [GeneratedRegex("""<link rel="stylesheet"[^>]* href="(?<path>/assets/[^"]+-[A-Za-z0-9_-]{8}\.css)""")]
    private static partial Regex Stylesheet();
}
