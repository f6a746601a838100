using System.Text.Json.Nodes;

namespace TheBot.Tests.Api.Platform;

/// <summary>Text that is hard on text handling, put into every string an operation takes: body properties, query and route values.</summary>
internal static class UnicodeEdgeCases
{
    /// <summary>
    /// An encoded NUL. In a path, Kestrel (the front door's HTTP server) refuses the request target with a bare
    /// 400 before any application code runs, so no problem details can be written there; in a query it reaches the API.
    /// </summary>
    public const string NulInUrl = "nul%00inside";

    /// <summary>Raw JSON string literals (escapes kept as the client sends them).</summary>
    private static readonly string[] InJson =
    [
        "\"\\ud800\"", // a lone high surrogate
        "\"x\\udc00y\"", // a lone low surrogate
        "\"nul\\u0000inside\"", // NUL: PostgreSQL text cannot hold it
        "\"\\u202Eevil\\u200B\\u200D\\uFEFF\\u2028\"", // right-to-left override, zero-width characters, a line separator
        "\"😀👩‍👩‍👧‍👦 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 Z\u0351\u036B\u0343\u036A\"", // 4-byte emoji, a ZWJ family, combining marks
        "\"" + new string('ж', 100_000) + "\"", // very long (200 KB of UTF-8, under the front door's body limit)
    ];

    /// <summary>The same hard cases for URLs (query strings and text route values), percent-encoded.</summary>
    private static readonly string[] InUrls =
    [
        "%ED%A0%80", // a lone surrogate as (invalid) UTF-8
        NulInUrl,
        "%E2%80%AEevil%E2%80%8B",
        Uri.EscapeDataString("😀👩‍👩‍👧‍👦"),
        Uri.EscapeDataString(new string('ж', 300)), // long, yet the request line stays under the server's 8 KB limit (beyond it: a bare 414)
    ];

    /// <summary>Whether Kestrel refuses the URL before the app sees it (see <see cref="NulInUrl"/>).</summary>
    public static bool HasNulInPath(string url) => url.Split('?')[0].Contains(NulInUrl, StringComparison.Ordinal);

    /// <summary>
    /// The operation's requests with edge cases: all its free-text properties at once (the rest plausible, so the text
    /// reaches the handler and the database), each constrained string alone, its text query parameters and text route values.
    /// </summary>
    public static List<(string What, string Url, Func<HttpContent>? Content)> RequestsFor(ApiOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var surface = operation.Surface;
        var requests = new List<(string What, string Url, Func<HttpContent>? Content)>();
        var body = operation.JsonBody;
        List<string> freeText = body is null ? [] : surface.Properties(body.Value)
            .Where(p => ApiSurface.SchemaType(p.Schema) == "string" && !ApiSurface.IsConstrainedString(p.Name, p.Schema))
            .Select(p => p.Name)
            .ToList();
        List<string> constrained = body is null ? [] : surface.Properties(body.Value)
            .Where(p => ApiSurface.IsConstrainedString(p.Name, p.Schema) && !ApiSurface.IsGuid(p.Schema))
            .Select(p => p.Name)
            .ToList();
        var textQuery = operation.QueryParameters.Where(p => ApiSurface.SchemaType(p.Schema) == "string" && !ApiSurface.IsGuid(p.Schema)).ToList();
        var textRoute = operation.RouteParameters.Where(p => !p.IsGuid).ToList();

        foreach (var edge in InJson)
        {
            var label = edge.Length > 40 ? $"{edge[..20]}… ({edge.Length} chars)" : edge;
            if (freeText.Count > 0)
            {
                requests.Add(($"{string.Join(", ", freeText)} = {label}", operation.RandomRoute(),
                    () => HostileBodies.Json(WithRawStrings(surface.Plausible(body!.Value) as JsonObject ?? new JsonObject(), freeText, edge))));
            }

            foreach (var name in constrained)
            {
                requests.Add(($"{name} = {label}", operation.RandomRoute(),
                    () => HostileBodies.Json(WithRawStrings(surface.Plausible(body!.Value) as JsonObject ?? new JsonObject(), [name], edge))));
            }
        }

        foreach (var edge in InUrls)
        {
            var plausibleBody = body is null ? null : surface.Plausible(body.Value)?.ToJsonString();
            Func<HttpContent>? content = plausibleBody is null ? null : () => HostileBodies.Json(plausibleBody);
            var shown = edge[..Math.Min(edge.Length, 30)];
            if (textQuery.Count > 0)
            {
                var query = string.Join('&', textQuery.Select(p => $"{p.Name}={edge}"));
                requests.Add(($"query {string.Join(", ", textQuery.Select(p => p.Name))} = {shown}", operation.RandomRoute() + "?" + query, content));
            }

            if (textRoute.Count > 0)
            {
                requests.Add(($"route {string.Join(", ", textRoute.Select(p => p.Name))} = {shown}",
                    ApiSurface.FillRoute(operation, p => p.IsGuid ? Guid.NewGuid().ToString() : edge), content));
            }
        }

        return requests;
    }

    /// <summary>The object with the named properties set to a raw JSON string literal (escapes and all, as a client may send them).</summary>
    private static string WithRawStrings(JsonObject body, IReadOnlyList<string> names, string rawLiteral)
    {
        const string Placeholder = "\"__SWEEP_EDGE_CASE__\"";
        foreach (var name in names)
        {
            body[name] = "__SWEEP_EDGE_CASE__";
        }

        return body.ToJsonString().Replace(Placeholder, rawLiteral, StringComparison.Ordinal);
    }
}
