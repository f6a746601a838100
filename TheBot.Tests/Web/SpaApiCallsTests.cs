using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Web;

/// <summary>
/// The SPA's request and response types are generated from the API's OpenAPI document, but its calls name routes
/// as strings; this checks them against the same document: every call it makes (method and route, template
/// segments as parameters) is an operation the API has. An endpoint renamed or moved on one side fails here
/// rather than in a user's browser.
/// </summary>
public sealed partial class SpaApiCallsTests(TheBotAppFixture fixture)
{
    [Fact]
    public async Task Every_API_call_in_the_SPA_is_an_operation_of_the_OpenAPI_document()
    {
        using var client = fixture.Host.CreateWebClient();
        var document = await client.GetFromJsonAsync<JsonElement>("/api/openapi/v1.json", TestContext.Current.CancellationToken);
        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (Method: op.Name.ToUpperInvariant(), Segments: path.Name.Trim('/').Split('/'))))
            .ToList();

        var calls = SpaCalls().ToList();
        Assert.True(calls.Count >= 80, $"Only {calls.Count} API calls were found in the SPA's sources: has the client's shape changed?");
        var unknown = calls
            .Where(call => !operations.Any(op => op.Method == call.Method && Matches(call.Segments, op.Segments)))
            .Select(call => $"{call.Method} /{string.Join('/', call.Segments)} ({call.File})")
            .ToList();
        Assert.True(unknown.Count == 0, "The SPA calls operations the API does not have:\n" + string.Join('\n', unknown));
    }

    /// <summary>Calls like <c>api.post&lt;T&gt;(`/api/x/${id}/y${queryString(...)}`, …)</c> in the SPA's sources (tests excluded).</summary>
    private static IEnumerable<(string Method, string[] Segments, string File)> SpaCalls()
    {
        var src = Path.Combine(RepositoryRoot.Find(), "TheBot.Web", "ClientApp", "src");
        foreach (var file in Directory.EnumerateFiles(src, "*.ts*", SearchOption.AllDirectories).Where(f => !f.Contains(".test.", StringComparison.Ordinal)))
        {
            foreach (Match call in ApiCall().Matches(File.ReadAllText(file)))
            {
                var method = call.Groups["method"].Value switch
                {
                    "download" => "GET",
                    var verb => verb.ToUpperInvariant(),
                };
                // Drop the query string (a literal '?…' or a trailing ${queryString(…)}), then treat each ${…} segment as a parameter.
                var path = QueryPart().Replace(call.Groups["path"].Value, "");
                var segments = path.Trim('/').Split('/').Select(s => s.Contains("${", StringComparison.Ordinal) ? "{}" : s).ToArray();
                yield return (method, segments, Path.GetRelativePath(src, file));
            }
        }
    }

    private static bool Matches(string[] spa, string[] api) =>
        spa.Length == api.Length
        && spa.Zip(api).All(p => p.First == "{}" || p.First == p.Second || (p.Second.StartsWith('{') && p.Second.EndsWith('}')));

    [GeneratedRegex(@"api\.(?<method>get|post|put|patch|delete|download)(?:<[^(]*?>)?\(\s*[`'](?<path>/api/[^`']*)[`']")]
    private static partial Regex ApiCall();

    [GeneratedRegex(@"(\$\{queryString\(.*|\?.*)$")]
    private static partial Regex QueryPart();
}
