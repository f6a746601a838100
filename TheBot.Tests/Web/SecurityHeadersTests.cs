using System.Net;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Web;

/// <summary>Every kind of response the front door sends carries the same browser security headers.</summary>
public sealed class SecurityHeadersTests(TheBotAppFixture fixture)
{
    public static TheoryData<string> Responses => new()
    {
        "html",
        "client-route",
        "asset",
        "api",
        "api-404",
        "missing-asset-404",
        "blocked-404",
    };

    [Theory]
    [MemberData(nameof(Responses))]
    public async Task Security_headers_are_on_every_response(string kind)
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = fixture.Host.CreateWebClient();
        var path = kind switch
        {
            "html" => "/",
            "client-route" => "/dashboard",
            "asset" => await SpaAssets.EntryScriptAsync(client, ct),
            "api" => "/api/system/health",
            "api-404" => "/api/no-such-endpoint",
            "missing-asset-404" => "/assets/missing-DEADBEEF.js",
            "blocked-404" => "/.env",
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        using var response = await client.GetAsync(path, ct);

        Assert.Equal(kind.EndsWith("404", StringComparison.Ordinal) ? HttpStatusCode.NotFound : HttpStatusCode.OK, response.StatusCode);
        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Contains($"connect-src 'self' ws://{client.BaseAddress!.Authority}", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        // Lessons embed YouTube's privacy-enhanced player and Vimeo's, and frame nothing else.
        Assert.Contains("frame-src https://www.youtube-nocookie.com https://player.vimeo.com;", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("base-uri 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Equal("same-origin", Header(response, "Cross-Origin-Opener-Policy"));
        Assert.Equal("same-origin", Header(response, "Cross-Origin-Resource-Policy"));
        var permissions = Header(response, "Permissions-Policy");
        foreach (var feature in (string[])["camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"])
        {
            Assert.Contains(feature, permissions, StringComparison.Ordinal);
        }
        // Plain HTTP: HSTS would be ignored by browsers and is not sent (RFC 6797 §7.2).
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        Assert.False(response.Headers.Contains("Server"), "The Server header gives away what runs behind the door.");
        Assert.Single(response.Headers.GetValues("X-Frame-Options"));
    }

    [Fact]
    public async Task Proxied_api_answers_are_not_cacheable_unless_the_api_says_so()
    {
        using var client = fixture.Host.CreateWebClient();

        using var response = await client.GetAsync("/api/system/health", TestContext.Current.CancellationToken);

        Assert.True(response.Headers.CacheControl?.NoStore, "API answers are personal: Cache-Control: no-store.");
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{response.RequestMessage?.RequestUri?.AbsolutePath} has no {name} header.");
}
