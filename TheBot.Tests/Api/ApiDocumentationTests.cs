using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api;

public sealed class ApiDocumentationTests(TheBotAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_OpenAPI_document_describes_every_operation_with_summary_tags_errors_and_bearer_auth()
    {
        using var client = fixture.Host.CreateWebClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/api/openapi/v1.json", Ct);

        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("scheme").GetString());
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var where = $"{operation.Name.ToUpperInvariant()} {path.Name}";
                Assert.False(string.IsNullOrWhiteSpace(operation.Value.GetProperty("summary").GetString()), where + " has no summary");
                Assert.True(operation.Value.GetProperty("tags").GetArrayLength() > 0, where + " has no tag");
                Assert.True(operation.Value.TryGetProperty("operationId", out _), where + " has no name");
                var responses = operation.Value.GetProperty("responses");
                Assert.True(responses.EnumerateObject().Any(r => r.Name.StartsWith('4')), where + " documents no error response");
                var anonymous = operation.Value.GetProperty("x-access").EnumerateArray().Any(a => a.GetString() == "anonymous");
                Assert.Equal(!anonymous, operation.Value.TryGetProperty("security", out _));
                Assert.True(anonymous || responses.TryGetProperty("401", out _), where + " does not document 401");
            }
        }
    }

    [Fact]
    public async Task The_document_the_build_writes_for_the_SPA_is_the_one_the_API_serves()
    {
        using var client = fixture.Host.CreateWebClient();
        var served = (await client.GetFromJsonAsync<JsonObject>("/api/openapi/v1.json", Ct))!;
        var path = Path.Combine(RepositoryRoot.Find(), "TheBot.Web", "ClientApp", "openapi", "v1.json");
        Assert.True(File.Exists(path), $"Build TheBot.Web first: it copies the document TheBot.Api's build writes to {path}.");
        var built = JsonNode.Parse(await File.ReadAllTextAsync(path, Ct))!.AsObject();

        // The served document also names the server it was fetched from; the build's names none.
        served.Remove("servers");
        built.Remove("servers");
        Assert.True(JsonNode.DeepEquals(served, built), "The SPA's types are generated from a document that differs from the one the API serves.");
    }

    [Fact]
    public async Task The_interactive_reference_is_served_through_the_front_door()
    {
        using var client = fixture.Host.CreateWebClient();

        using var response = await client.GetAsync("/api/docs/", Ct);

        await Expect.StatusAsync(HttpStatusCode.OK, response);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("<title>TheBot API</title>", html, StringComparison.Ordinal);
        Assert.Contains("openapi/v1.json", html, StringComparison.Ordinal);
    }
}
