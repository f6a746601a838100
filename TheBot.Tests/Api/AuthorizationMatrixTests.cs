using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api;

/// <summary>
/// Every endpoint the API publishes × {anonymous, each role}. The matrix comes from the OpenAPI
/// document, which api builds from its endpoint data source: an endpoint added later without an
/// explicit access declaration (<c>x-access</c>) fails here, and so does one that lets in a role it
/// does not declare, or keeps out one it does.
/// </summary>
public sealed class AuthorizationMatrixTests(TheBotAppFixture fixture)
{
    private static readonly string[] Roles = ["student", "teacher", "tutor", "parent", "admin"];

    /// <summary>Operations that end the caller's sessions; they get a caller of their own.</summary>
    private static readonly HashSet<string> SessionEnding = new(StringComparer.Ordinal) { "Logout", "LogoutAll" };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_endpoint_answers_each_caller_as_its_declared_access_says()
    {
        using var anonymous = fixture.Host.CreateWebClient();
        var document = await anonymous.GetFromJsonAsync<JsonElement>("/api/openapi/v1.json", Ct);
        var callers = new Dictionary<string, SignedIn>();
        foreach (var role in Roles)
        {
            callers[role] = await fixture.People.CreateAsync(role);
        }

        var failures = new List<string>();
        var checkedOperations = 0;
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var method = new HttpMethod(operation.Name.ToUpperInvariant());
                var name = operation.Value.TryGetProperty("operationId", out var id) ? id.GetString()! : $"{method} {path.Name}";
                if (!operation.Value.TryGetProperty("x-access", out var access))
                {
                    failures.Add($"{method} {path.Name}: no declared access (use AllowAnyone, RequireSignedIn or RequireRoles)");
                    continue;
                }

                checkedOperations++;
                var allowed = access.EnumerateArray().Select(a => a.GetString()!).ToHashSet(StringComparer.Ordinal);
                var url = FillRoute(path.Name);

                var anonymousStatus = await SendAsync(anonymous, method, url, token: null);
                Check(failures, name, "anonymous", anonymousStatus, allowed.Contains("anonymous") ? Expectation.Open : Expectation.Unauthenticated);

                foreach (var role in Roles)
                {
                    var caller = SessionEnding.Contains(name) ? await fixture.People.CreateAsync(role) : callers[role];
                    var status = await SendAsync(caller.Client, method, url, caller.AccessToken);
                    var expected = allowed.Contains("anonymous") ? Expectation.Open : allowed.Contains(role) ? Expectation.Allowed : Expectation.Forbidden;
                    Check(failures, name, role, status, expected);
                }
            }
        }

        Assert.True(checkedOperations >= 20, $"only {checkedOperations} operations were found in the OpenAPI document");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, HttpMethod method, string url, string? token)
    {
        using var request = new HttpRequestMessage(method, url);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (method == HttpMethod.Post || method == HttpMethod.Put || method == HttpMethod.Patch)
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request, Ct);
        return response.StatusCode;
    }

    private static void Check(List<string> failures, string operation, string caller, HttpStatusCode status, Expectation expected)
    {
        var ok = expected switch
        {
            Expectation.Unauthenticated => status == HttpStatusCode.Unauthorized,
            Expectation.Forbidden => status == HttpStatusCode.Forbidden,
            // Open endpoints may still say 401 for their own reasons (refresh without a session cookie).
            Expectation.Open => status is not HttpStatusCode.Forbidden && (int)status < 500,
            _ => status is not HttpStatusCode.Unauthorized and not HttpStatusCode.Forbidden && (int)status < 500,
        };
        if (!ok)
        {
            failures.Add($"{operation} as {caller}: expected {expected}, got {(int)status} {status}");
        }
    }

    /// <summary>Route parameters get values nobody owns, so that allowed callers see 404 or 400, never another's data.</summary>
    private static string FillRoute(string template) =>
        System.Text.RegularExpressions.Regex.Replace(template, "{([^}]+)}", match =>
            match.Groups[1].Value.Contains("token", StringComparison.OrdinalIgnoreCase)
                ? "unknown-token-0000000000000000"
                : Guid.NewGuid().ToString());

    private enum Expectation
    {
        Open,
        Allowed,
        Unauthenticated,
        Forbidden,
    }
}
