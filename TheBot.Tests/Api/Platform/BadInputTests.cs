using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Platform;

/// <summary>
/// Bad input everywhere: every operation of the API's own OpenAPI document gets malformed JSON, wrong
/// types, huge bodies, unicode edge cases, and ids that are nobody's or someone else's. Nothing may
/// answer 5xx, every refusal is an RFC 9457 problem, refused requests write nothing, and another user's
/// data is never served. Each sweep collects every offender into one message (method, route, caller, status).
/// </summary>
public sealed class BadInputTests(TheBotAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Malformed_json_bodies_are_refused_with_a_problem_and_write_nothing()
    {
        var (surface, callers) = await ArrangeAsync();
        var findings = new SweepFindings("malformed JSON");
        var before = await DataFingerprint.TakeAsync(fixture, callers.Ids);

        foreach (var operation in surface.WithJsonBody)
        {
            var malformed = HostileBodies.Malformed(operation);
            foreach (var (who, client) in callers.For(operation))
            {
                foreach (var (what, content) in malformed)
                {
                    await findings.SendAsync(client, who, operation.Method, operation.RandomRoute(), content(), what, SweepFindings.Refused);
                }
            }
        }

        var after = await DataFingerprint.TakeAsync(fixture, callers.Ids);
        findings.AssertClean(minimumOperations: 15, surface.WithJsonBody.Count(), nothingWritten: DataFingerprint.Compare(before, after));
    }

    [Fact]
    public async Task Wrong_typed_properties_are_refused_with_a_problem_and_write_nothing()
    {
        var (surface, callers) = await ArrangeAsync();
        var findings = new SweepFindings("wrong types");
        var before = await DataFingerprint.TakeAsync(fixture, callers.Ids);

        foreach (var operation in surface.WithJsonBody)
        {
            var bodies = HostileBodies.WrongTyped(operation);
            foreach (var (who, client) in callers.For(operation))
            {
                foreach (var (what, json) in bodies)
                {
                    await findings.SendAsync(client, who, operation.Method, operation.RandomRoute(), HostileBodies.Json(json), what, SweepFindings.Refused);
                }
            }
        }

        var after = await DataFingerprint.TakeAsync(fixture, callers.Ids);
        findings.AssertClean(minimumOperations: 15, surface.WithJsonBody.Count(), nothingWritten: DataFingerprint.Compare(before, after));
    }

    [Fact]
    public async Task Operations_that_take_no_json_body_ignore_or_refuse_one_without_a_server_error()
    {
        var (surface, callers) = await ArrangeAsync();
        var findings = new SweepFindings("bodies where none is declared");
        var operations = surface.Operations
            .Where(o => o.JsonBody is null && !o.IsUpload && o.Method != HttpMethod.Get && o.Method != HttpMethod.Delete)
            // Signing out ends the caller's session, which is not what this sweep is about.
            .Where(o => o.Anonymous || !o.Path.StartsWith("/api/auth/", StringComparison.Ordinal))
            .ToList();

        foreach (var operation in operations)
        {
            foreach (var (who, client) in callers.For(operation))
            {
                foreach (var body in HostileBodies.Undeclared)
                {
                    await findings.SendAsync(client, who, operation.Method, operation.RandomRoute(), HostileBodies.Json(body), body,
                        who == "anonymous" ? SweepFindings.NoServerError : SweepFindings.Answered);
                }
            }
        }

        findings.AssertClean(minimumOperations: 10, operations.Count);
    }

    [Fact]
    public async Task Huge_and_deeply_nested_bodies_are_refused_with_a_problem()
    {
        var (surface, callers) = await ArrangeAsync();
        var findings = new SweepFindings("huge bodies");
        static bool TooLarge(HttpStatusCode s) => s is HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.BadRequest;

        foreach (var operation in surface.WithJsonBody)
        {
            foreach (var (who, client) in callers.For(operation))
            {
                var route = operation.RandomRoute();
                await findings.SendAsync(client, who, operation.Method, route, HostileBodies.Json(HostileBodies.Huge), "2 MB body", TooLarge, expectContinue: true);
                // Without a Content-Length the front door finds out only while forwarding: it stops reading at its limit and
                // answers 413, then closes the connection, so a client still sending may see the connection close instead
                // (counted as status 0 in the summary). Any response that does arrive is checked like the others.
                await findings.SendAsync(client, who, operation.Method, route, HostileBodies.Chunked(HostileBodies.Huge), "2 MB body, chunked (no Content-Length)",
                    TooLarge, expectContinue: true, refusalMayCloseTheConnection: true);
                await findings.SendAsync(client, who, operation.Method, route, HostileBodies.Json(HostileBodies.DeepArrays), "arrays nested 5000 deep", SweepFindings.Refused);
                await findings.SendAsync(client, who, operation.Method, route, HostileBodies.Json(HostileBodies.DeepObjects), "objects nested 5000 deep", SweepFindings.Refused);
            }
        }

        findings.AssertClean(minimumOperations: 15, surface.WithJsonBody.Count());
    }

    [Fact]
    public async Task Unicode_edge_cases_in_every_string_never_cause_a_server_error()
    {
        var (surface, callers) = await ArrangeAsync();
        var findings = new SweepFindings("unicode edge cases");
        var swept = 0;

        foreach (var operation in surface.Operations.Where(o => !o.IsUpload))
        {
            var requests = UnicodeEdgeCases.RequestsFor(operation);
            if (requests.Count == 0)
            {
                continue;
            }

            swept++;
            foreach (var (who, client) in callers.For(operation))
            {
                foreach (var (what, url, content) in requests)
                {
                    // Valid JSON with odd text may be accepted; it must never fail the server, and a refusal is a problem.
                    await findings.SendAsync(client, who, operation.Method, url, content?.Invoke(), what,
                        who == "anonymous" ? SweepFindings.NoServerError : SweepFindings.Answered, bareRefusalByTheHttpServer: UnicodeEdgeCases.HasNulInPath(url));
                }
            }
        }

        findings.AssertClean(minimumOperations: 15, swept);
    }

    [Fact]
    public async Task Ids_nobody_owns_malformed_ids_and_wrong_methods_are_answered_with_a_problem()
    {
        var (surface, callers) = await ArrangeAsync();
        var findings = new SweepFindings("route ids");

        foreach (var operation in surface.WithGuidInRoute)
        {
            var content = HostileBodies.Plausible(operation);
            foreach (var (who, client) in callers.For(operation))
            {
                await findings.SendAsync(client, who, operation.Method, operation.RandomRoute(), content?.Invoke(), "an id nobody owns", SweepFindings.Refused);
                await findings.SendAsync(client, who, operation.Method, ApiSurface.FillRoute(operation, p => p.IsGuid ? "not-a-guid" : "x"),
                    content?.Invoke(), "an id that is not a guid", s => s is HttpStatusCode.NotFound or HttpStatusCode.BadRequest);
                await findings.SendAsync(client, who, operation.Method, ApiSurface.FillRoute(operation, p => p.IsGuid ? Guid.Empty.ToString() : "x"),
                    content?.Invoke(), "the empty guid", SweepFindings.Refused);
            }
        }

        // A method no endpoint of the path answers: 405 (or 404), as a problem.
        // Anonymous callers too: routing refuses the method before anyone is asked to sign in.
        using var anonymous = fixture.Host.CreateWebClient();
        foreach (var path in surface.Operations.GroupBy(o => o.Path))
        {
            foreach (var method in new[] { HttpMethod.Get, HttpMethod.Post, HttpMethod.Put, HttpMethod.Patch, HttpMethod.Delete }.Where(m => path.All(o => o.Method != m)))
            {
                foreach (var (who, client) in new[] { ("admin", callers.Admin.Client), ("anonymous", anonymous) })
                {
                    await findings.SendAsync(client, who, method, path.First().RandomRoute(), method == HttpMethod.Get || method == HttpMethod.Delete ? null : HostileBodies.Json("{}"),
                        "a method the path does not have", s => s is HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotFound);
                }
            }
        }

        findings.AssertClean(minimumOperations: 20, surface.WithGuidInRoute.Count());
    }

    [Fact]
    public async Task Another_users_ids_never_reveal_or_change_their_data()
    {
        var (surface, outsiders) = await ArrangeAsync();
        var theirs = await ForeignData.CreateAsync(fixture);
        var findings = new SweepFindings("another user's ids");
        var before = await DataFingerprint.TakeAsync(fixture, theirs.OwnerIds);

        var swept = 0;
        foreach (var operation in surface.WithGuidInRoute)
        {
            // The admin sees everyone's data by design; every other role that may call the route is an outsider here.
            if (outsiders.Outsider(operation) is not { } outsider)
            {
                continue;
            }

            swept++;
            var (who, client) = outsider;
            var content = HostileBodies.Plausible(operation);
            foreach (var (kind, id) in theirs.Ids)
            {
                var url = ApiSurface.FillRoute(operation, p => !p.IsGuid ? "unknown-0000000000000000"
                    : theirs.ByParameter.TryGetValue(p.Name, out var specific) && p.Name != operation.RouteParameters[0].Name ? specific.ToString()
                    : id.ToString());
                await findings.SendAsync(client, who, operation.Method, url, content?.Invoke(), $"their {kind}", SweepFindings.Refused);
            }
        }

        var after = await DataFingerprint.TakeAsync(fixture, theirs.OwnerIds);
        findings.AssertClean(minimumOperations: 20, swept, nothingWritten: DataFingerprint.Compare(before, after));
    }

    [Fact]
    public async Task A_NUL_character_in_a_body_or_query_is_a_validation_problem_naming_the_field()
    {
        var admin = await fixture.People.CreateAsync("admin", "Sweep");
        var tutor = await fixture.People.CreateAsync("tutor", "Sweep");
        var name = $"Al\\u0000gebra {Guid.NewGuid():N}";

        using var subject = await admin.Client.PostAsync("/api/subjects", HostileBodies.Json($"{{\"name\":\"{name}\",\"color\":\"#336699\"}}"), Ct);
        using var nested = await tutor.Client.PostAsync("/api/tutor/students", HostileBodies.Json(
            "{\"student\":{\"fullName\":\"Nul\\u0000Student\",\"email\":\"" + $"nul-{Guid.NewGuid():N}@tests.thebot.local" + "\",\"grade\":8}," +
            "\"parent\":{\"fullName\":\"Parent\",\"email\":\"" + $"nul-{Guid.NewGuid():N}@tests.thebot.local" + "\"}}"), Ct);
        using var query = await admin.Client.GetAsync("/api/admin/users?search=a%00b", Ct);

        Assert.Contains("name", Errors(await Expect.ProblemAsync(HttpStatusCode.BadRequest, subject)));
        Assert.Contains("student.fullName", Errors(await Expect.ProblemAsync(HttpStatusCode.BadRequest, nested)));
        Assert.Contains("search", Errors(await Expect.ProblemAsync(HttpStatusCode.BadRequest, query)));
        var mine = await tutor.Client.GetFromJsonAsync<JsonElement>("/api/tutor/students", Ct);
        Assert.Equal(0, mine.GetProperty("totalCount").GetInt32());

        static IEnumerable<string> Errors(JsonElement problem) => problem.GetProperty("errors").EnumerateObject().Select(e => e.Name);
    }

    private async Task<(ApiSurface Surface, SweepCallers Callers)> ArrangeAsync()
    {
        using var anonymous = fixture.Host.CreateWebClient();
        var surface = await ApiSurface.LoadAsync(anonymous, Ct);
        return (surface, await SweepCallers.CreateAsync(fixture, surface));
    }
}
