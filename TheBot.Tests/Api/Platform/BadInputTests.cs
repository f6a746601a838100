using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;
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
    /// <summary>Raw JSON string literals that are hard on text handling (escapes kept as the client sends them).</summary>
    private static readonly string[] UnicodeEdgeCases =
    [
        "\"\\ud800\"", // a lone high surrogate
        "\"x\\udc00y\"", // a lone low surrogate
        "\"nul\\u0000inside\"", // NUL: PostgreSQL text cannot hold it
        "\"\\u202Eevil\\u200B\\u200D\\uFEFF\\u2028\"", // right-to-left override, zero-width characters, a line separator
        "\"😀👩‍👩‍👧‍👦 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 Z\u0351\u036B\u0343\u036A\"", // 4-byte emoji, a ZWJ family, combining marks
        "\"" + new string('ж', 100_000) + "\"", // very long (200 KB of UTF-8, under the front door's body limit)
    ];

    /// <summary>The same hard cases for URLs (query strings and text route values), percent-encoded.</summary>
    private static readonly string[] UnicodeEdgeCasesInUrls =
    [
        "%ED%A0%80", // a lone surrogate as (invalid) UTF-8
        NulInUrl,
        "%E2%80%AEevil%E2%80%8B",
        Uri.EscapeDataString("😀👩‍👩‍👧‍👦"),
        Uri.EscapeDataString(new string('ж', 300)), // long, yet the request line stays under the server's 8 KB limit (beyond it: a bare 414)
    ];

    /// <summary>
    /// An encoded NUL. In a path, Kestrel (the front door's HTTP server) refuses the request target with a bare
    /// 400 before any application code runs, so no problem details can be written there; in a query it reaches the API.
    /// </summary>
    private const string NulInUrl = "nul%00inside";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Malformed_json_bodies_are_refused_with_a_problem_and_write_nothing()
    {
        var (surface, callers) = await ArrangeAsync();
        var findings = new Findings("malformed JSON");
        var before = await Fingerprint.TakeAsync(fixture, callers.Ids);

        foreach (var operation in surface.WithJsonBody)
        {
            var body = operation.JsonBody!.Value;
            var plausible = surface.Plausible(body)?.ToJsonString() ?? "{}";
            var textProperty = surface.Properties(body).Where(p => ApiSurface.SchemaType(p.Schema) == "string").Select(p => p.Name).FirstOrDefault() ?? "text";
            var malformed = new List<(string What, Func<HttpContent> Content)>
            {
                ("truncated", () => Json("{\"")),
                ("truncated after a property", () => Json(plausible.TrimEnd('}') + ",")),
                ("not JSON", () => Json("this is not JSON")),
                ("two documents", () => Json("{} {}")),
                ("a string instead of an object", () => Json("\"text\"")),
                ("a trailing comma", () => Json("{\"a\":1,}")),
                ("invalid UTF-8", () => Bytes([.. Encoding.UTF8.GetBytes($"{{\"{textProperty}\":\""), 0xFF, 0xFE, .. "\"}"u8], "application/json")),
                ("JSON sent as text/plain", () => Bytes(Encoding.UTF8.GetBytes(plausible), "text/plain")),
                ("JSON without a content type", () => Bytes(Encoding.UTF8.GetBytes(plausible), mediaType: null)),
            };
            if (ApiSurface.SchemaType(body) != "array")
            {
                malformed.Add(("[] instead of an object", () => Json("[]")));
            }

            if (operation.BodyRequired)
            {
                malformed.Add(("null", () => Json("null")));
                malformed.Add(("an empty body", () => Json(string.Empty)));
            }

            foreach (var (who, client) in callers.For(operation))
            {
                foreach (var (what, content) in malformed)
                {
                    await findings.SendAsync(client, who, operation.Method, RandomRoute(operation), content(), what, Findings.Refused);
                }
            }
        }

        var after = await Fingerprint.TakeAsync(fixture, callers.Ids);
        findings.AssertClean(minimumOperations: 15, surface.WithJsonBody.Count(), nothingWritten: Fingerprint.Compare(before, after));
    }

    [Fact]
    public async Task Wrong_typed_properties_are_refused_with_a_problem_and_write_nothing()
    {
        var (surface, callers) = await ArrangeAsync();
        var findings = new Findings("wrong types");
        var before = await Fingerprint.TakeAsync(fixture, callers.Ids);

        foreach (var operation in surface.WithJsonBody)
        {
            var body = operation.JsonBody!.Value;
            var bodies = new List<(string What, string Json)>();
            var properties = surface.Properties(body);
            if (properties.Count > 0)
            {
                // Every property wrong at once, then each one wrong with the rest plausible.
                var allWrong = new JsonObject();
                foreach (var (name, schema) in properties)
                {
                    allWrong[name] = surface.WrongTyped(schema).First();
                }

                bodies.Add(("every property wrong", allWrong.ToJsonString()));
                foreach (var (name, schema) in properties)
                {
                    foreach (var wrong in surface.WrongTyped(schema))
                    {
                        var one = surface.Plausible(body) as JsonObject ?? new JsonObject();
                        one[name] = wrong;
                        bodies.Add(($"{name} = {wrong.ToJsonString()}", one.ToJsonString()));
                    }
                }
            }
            else
            {
                bodies.AddRange(surface.WrongTyped(body).Select(w => ($"body = {w.ToJsonString()}", w.ToJsonString())));
            }

            foreach (var (who, client) in callers.For(operation))
            {
                foreach (var (what, json) in bodies)
                {
                    await findings.SendAsync(client, who, operation.Method, RandomRoute(operation), Json(json), what, Findings.Refused);
                }
            }
        }

        var after = await Fingerprint.TakeAsync(fixture, callers.Ids);
        findings.AssertClean(minimumOperations: 15, surface.WithJsonBody.Count(), nothingWritten: Fingerprint.Compare(before, after));
    }

    [Fact]
    public async Task Operations_that_take_no_json_body_ignore_or_refuse_one_without_a_server_error()
    {
        var (surface, callers) = await ArrangeAsync();
        var findings = new Findings("bodies where none is declared");
        // Some read their body themselves (a payment provider's webhook): odd documents and odd shapes at the
        // property names such notifications use must not break them.
        string[] bodies =
        [
            "{\"", "this is not JSON", "[]", "123", "null", "{\"object\":5}", "{\"object\":{\"id\":12345}}",
            "{\"object\":{\"id\":\"nul\\u0000inside\"},\"event\":{},\"type\":[]}", "{\"object\":{\"id\":\"\\ud800\"}}",
        ];
        var operations = surface.Operations
            .Where(o => o.JsonBody is null && !o.IsUpload && o.Method != HttpMethod.Get && o.Method != HttpMethod.Delete)
            // Signing out ends the caller's session, which is not what this sweep is about.
            .Where(o => o.Anonymous || !o.Path.StartsWith("/api/auth/", StringComparison.Ordinal))
            .ToList();

        foreach (var operation in operations)
        {
            foreach (var (who, client) in callers.For(operation))
            {
                foreach (var body in bodies)
                {
                    await findings.SendAsync(client, who, operation.Method, RandomRoute(operation), Json(body), body,
                        who == "anonymous" ? s => (int)s < 500 : Findings.Answered);
                }
            }
        }

        findings.AssertClean(minimumOperations: 10, operations.Count);
    }

    [Fact]
    public async Task Huge_and_deeply_nested_bodies_are_refused_with_a_problem()
    {
        var (surface, callers) = await ArrangeAsync();
        var findings = new Findings("huge bodies");
        var huge = "{\"text\":\"" + new string('a', 2 * 1024 * 1024) + "\"}";
        // Without a Content-Length the front door finds out only while forwarding: it stops reading at its limit and
        // answers 413, then closes the connection, so a client still sending may see the connection close instead
        // (counted as status 0 in the summary). Any response that does arrive is checked like the others.
        var deep = new string('[', 5_000) + new string(']', 5_000);
        var deepObject = string.Concat(Enumerable.Repeat("{\"a\":", 5_000)) + "1" + new string('}', 5_000);

        foreach (var operation in surface.WithJsonBody)
        {
            foreach (var (who, client) in callers.For(operation))
            {
                var route = RandomRoute(operation);
                await findings.SendAsync(client, who, operation.Method, route, Json(huge), "2 MB body",
                    s => s is HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.BadRequest, expectContinue: true);
                await findings.SendAsync(client, who, operation.Method, route, Chunked(huge), "2 MB body, chunked (no Content-Length)",
                    s => s is HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.BadRequest, expectContinue: true, refusalMayCloseTheConnection: true);
                await findings.SendAsync(client, who, operation.Method, route, Json(deep), "arrays nested 5000 deep", Findings.Refused);
                await findings.SendAsync(client, who, operation.Method, route, Json(deepObject), "objects nested 5000 deep", Findings.Refused);
            }
        }

        findings.AssertClean(minimumOperations: 15, surface.WithJsonBody.Count());
    }

    [Fact]
    public async Task Unicode_edge_cases_in_every_string_never_cause_a_server_error()
    {
        var (surface, callers) = await ArrangeAsync();
        var findings = new Findings("unicode edge cases");
        var swept = 0;

        foreach (var operation in surface.Operations.Where(o => !o.IsUpload))
        {
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

            foreach (var edge in UnicodeEdgeCases)
            {
                var label = edge.Length > 40 ? $"{edge[..20]}… ({edge.Length} chars)" : edge;
                if (freeText.Count > 0)
                {
                    // Every free-text property at once (the rest plausible), so the text reaches the handler and the database.
                    requests.Add(($"{string.Join(", ", freeText)} = {label}", RandomRoute(operation),
                        () => Json(WithRawStrings(surface.Plausible(body!.Value) as JsonObject ?? new JsonObject(), freeText, edge))));
                }

                foreach (var name in constrained)
                {
                    requests.Add(($"{name} = {label}", RandomRoute(operation),
                        () => Json(WithRawStrings(surface.Plausible(body!.Value) as JsonObject ?? new JsonObject(), [name], edge))));
                }
            }

            foreach (var edge in UnicodeEdgeCasesInUrls)
            {
                var plausibleBody = body is null ? null : surface.Plausible(body.Value)?.ToJsonString();
                Func<HttpContent>? content = plausibleBody is null ? null : () => Json(plausibleBody);
                if (textQuery.Count > 0)
                {
                    var query = string.Join('&', textQuery.Select(p => $"{p.Name}={edge}"));
                    requests.Add(($"query {string.Join(", ", textQuery.Select(p => p.Name))} = {edge[..Math.Min(edge.Length, 30)]}",
                        RandomRoute(operation) + "?" + query, content));
                }

                if (textRoute.Count > 0)
                {
                    requests.Add(($"route {string.Join(", ", textRoute.Select(p => p.Name))} = {edge[..Math.Min(edge.Length, 30)]}",
                        ApiSurface.FillRoute(operation, p => p.IsGuid ? Guid.NewGuid().ToString() : edge), content));
                }
            }

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
                    // (Anonymous operations answer odd credentials or tokens with 401.)
                    var pathHasNul = url.Split('?')[0].Contains(NulInUrl, StringComparison.Ordinal);
                    await findings.SendAsync(client, who, operation.Method, url, content?.Invoke(), what,
                        who == "anonymous" ? s => (int)s < 500 : Findings.Answered, bareRefusalByTheHttpServer: pathHasNul);
                }
            }
        }

        findings.AssertClean(minimumOperations: 15, swept);
    }

    [Fact]
    public async Task Ids_nobody_owns_malformed_ids_and_wrong_methods_are_answered_with_a_problem()
    {
        var (surface, callers) = await ArrangeAsync();
        var findings = new Findings("route ids");

        foreach (var operation in surface.WithGuidInRoute)
        {
            var content = PlausibleBody(operation);
            foreach (var (who, client) in callers.For(operation))
            {
                await findings.SendAsync(client, who, operation.Method, RandomRoute(operation), content?.Invoke(), "an id nobody owns", Findings.Refused);
                await findings.SendAsync(client, who, operation.Method, ApiSurface.FillRoute(operation, p => p.IsGuid ? "not-a-guid" : "x"),
                    content?.Invoke(), "an id that is not a guid", s => s is HttpStatusCode.NotFound or HttpStatusCode.BadRequest);
                await findings.SendAsync(client, who, operation.Method, ApiSurface.FillRoute(operation, p => p.IsGuid ? Guid.Empty.ToString() : "x"),
                    content?.Invoke(), "the empty guid", Findings.Refused);
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
                    await findings.SendAsync(client, who, method, RandomRoute(path.First()), method == HttpMethod.Get || method == HttpMethod.Delete ? null : Json("{}"),
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
        var theirs = await ForeignDataAsync();
        var findings = new Findings("another user's ids");
        var before = await Fingerprint.TakeAsync(fixture, theirs.OwnerIds);

        var swept = 0;
        foreach (var operation in surface.WithGuidInRoute)
        {
            // The admin sees everyone's data by design; every other role that may call the route is an outsider here.
            var outsider = outsiders.Outsider(operation);
            if (outsider is null)
            {
                continue;
            }

            swept++;
            var content = PlausibleBody(operation);
            foreach (var (kind, id) in theirs.Ids)
            {
                var url = ApiSurface.FillRoute(operation, p => !p.IsGuid ? "unknown-0000000000000000"
                    : theirs.ByParameter.TryGetValue(p.Name, out var specific) && p.Name != operation.RouteParameters[0].Name ? specific.ToString()
                    : id.ToString());
                await findings.SendAsync(outsider.Value.Client, outsider.Value.Who, operation.Method, url, content?.Invoke(), $"their {kind}",
                    s => (int)s is >= 400 and < 500 && s != HttpStatusCode.Unauthorized);
            }
        }

        var after = await Fingerprint.TakeAsync(fixture, theirs.OwnerIds);
        findings.AssertClean(minimumOperations: 20, swept, nothingWritten: Fingerprint.Compare(before, after));
    }

    [Fact]
    public async Task A_NUL_character_in_a_body_or_query_is_a_validation_problem_naming_the_field()
    {
        var admin = await fixture.People.CreateAsync("admin", "Sweep");
        var tutor = await fixture.People.CreateAsync("tutor", "Sweep");
        var name = $"Al\\u0000gebra {Guid.NewGuid():N}";

        using var subject = await admin.Client.PostAsync("/api/subjects", Json($"{{\"name\":\"{name}\",\"color\":\"#336699\"}}"), Ct);
        using var nested = await tutor.Client.PostAsync("/api/tutor/students", Json(
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

    private async Task<(ApiSurface Surface, Callers Callers)> ArrangeAsync()
    {
        using var anonymous = fixture.Host.CreateWebClient();
        var surface = await ApiSurface.LoadAsync(anonymous, Ct);
        return (surface, await Callers.CreateAsync(fixture, surface));
    }

    /// <summary>Someone else's classroom with a lesson, a material, an assignment, a chat, an invoice, a report, a notification and a session.</summary>
    private async Task<ForeignData> ForeignDataAsync()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var ids = new List<(string Kind, Guid Id)>
        {
            ("enrollment", c.EnrollmentId), ("student", c.Student.Id), ("teacher", c.Teacher.Id), ("parent", c.Parent.Id), ("tutor", c.Tutor.Id),
        };

        var startsAt = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddDays(20).AddHours(10);
        ids.Add(("lesson", await CreatedIdAsync(c.Teacher, "/api/lessons",
            new { studentId = c.Student.Id, subjectId = c.SubjectId, startsAt, endsAt = startsAt.AddHours(1) })));
        ids.Add(("material", await CreatedIdAsync(c.Teacher, "/api/materials",
            new { subjectId = c.SubjectId, title = "Their chapter", kind = "document", difficulty = 3, studentIds = new[] { c.Student.Id } })));
        ids.Add(("assignment", await CreatedIdAsync(c.Teacher, "/api/assignments",
            new { subjectId = c.SubjectId, title = "Their homework", description = "p. 1", kind = "homework", dueAt = startsAt, maxScore = 10, publish = true })));
        ids.Add(("progress report", await CreatedIdAsync(c.Teacher, "/api/progress/reports",
            new { studentId = c.Student.Id, title = "Their report", body = "Fine." })));
        var invoice = await fixture.Billing.CreateInvoiceAsync(c.Tutor, c.Student.Id, c.Parent.Id);
        ids.Add(("invoice", invoice.GetProperty("id").GetGuid()));
        var room = await Chatting.StartRoomAsync(c.Teacher, c.Student.Id);
        var message = (await Chatting.PostAsync(c.Teacher, room, "Their message")).GetProperty("id").GetGuid();
        ids.Add(("chat room", room));
        ids.Add(("chat message", message));

        var notifications = await c.Student.Client.GetFromJsonAsync<JsonElement>("/api/notifications", Ct);
        var notification = notifications.GetProperty("items").EnumerateArray().First().GetProperty("id").GetGuid();
        ids.Add(("notification", notification));
        var sessions = await c.Student.Client.GetFromJsonAsync<JsonElement>("/api/auth/sessions", Ct);
        var sessionList = sessions.ValueKind == JsonValueKind.Array ? sessions : sessions.GetProperty("items");
        ids.Add(("session", sessionList.EnumerateArray().First().GetProperty("id").GetGuid()));

        return new ForeignData(
            ids,
            new Dictionary<string, Guid>(StringComparer.Ordinal) { ["messageId"] = message },
            [c.Student.Id, c.Teacher.Id, c.Parent.Id, c.Tutor.Id]);
    }

    private static async Task<Guid> CreatedIdAsync(SignedIn caller, string url, object body)
    {
        using var response = await caller.Client.PostAsJsonAsync(url, body, Ct);
        return await Expect.CreatedAsync(response);
    }

    private static Func<HttpContent>? PlausibleBody(ApiOperation operation)
    {
        if (operation.JsonBody is not { } body)
        {
            return null;
        }

        var json = operation.Surface.Plausible(body)?.ToJsonString() ?? "{}";
        return () => Json(json);
    }

    private static string RandomRoute(ApiOperation operation) => ApiSurface.FillRoute(operation, ApiSurface.PlausibleRouteText);

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

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static ByteArrayContent Bytes(byte[] bytes, string? mediaType)
    {
        var content = new ByteArrayContent(bytes);
        if (mediaType is not null)
        {
            content.Headers.ContentType = new MediaTypeHeaderValue(mediaType) { CharSet = "utf-8" };
        }

        return content;
    }

    private static StreamContent Chunked(string json)
    {
        // A stream of unknown length is sent chunked, without Content-Length.
        var content = new StreamContent(new UnknownLengthStream(Encoding.UTF8.GetBytes(json)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    /// <summary>One signed-in person per role (fresh, this test's own), plus fresh ones for each /api/auth operation, which may end sessions.</summary>
    private sealed class Callers
    {
        private static readonly string[] Roles = ["admin", "student", "teacher", "tutor", "parent"];
        private readonly Dictionary<string, SignedIn> _byRole;
        private readonly Dictionary<(string Operation, string Role), SignedIn> _dedicated;
        private readonly HttpClient _anonymous;

        private Callers(Dictionary<string, SignedIn> byRole, Dictionary<(string, string), SignedIn> dedicated, HttpClient anonymous)
        {
            _byRole = byRole;
            _dedicated = dedicated;
            _anonymous = anonymous;
        }

        public SignedIn Admin => _byRole["admin"];

        public IReadOnlyList<Guid> Ids => [.. _byRole.Values.Concat(_dedicated.Values).Select(s => s.Id)];

        public static async Task<Callers> CreateAsync(TheBotAppFixture fixture, ApiSurface surface)
        {
            var byRole = new Dictionary<string, SignedIn>(StringComparer.Ordinal);
            foreach (var role in Roles)
            {
                byRole[role] = await fixture.People.CreateAsync(role, "Sweep");
            }

            var dedicated = new Dictionary<(string, string), SignedIn>();
            foreach (var operation in surface.Operations.Where(SessionSensitive))
            {
                foreach (var role in RolesFor(operation).Append(OutsiderRole(operation)).OfType<string>().Distinct())
                {
                    dedicated[(operation.Name, role)] = await fixture.People.CreateAsync(role, "Sweep");
                }
            }

            return new Callers(byRole, dedicated, fixture.Host.CreateWebClient());
        }

        /// <summary>The admin (who may call most routes) and a student where they may call it, else the first role that may.</summary>
        public IEnumerable<(string Who, HttpClient Client)> For(ApiOperation operation)
        {
            if (operation.Anonymous)
            {
                yield return ("anonymous", _anonymous);
                yield break;
            }

            foreach (var role in RolesFor(operation))
            {
                var caller = SessionSensitive(operation) ? _dedicated[(operation.Name, role)] : _byRole[role];
                yield return (role, caller.Client);
            }
        }

        /// <summary>A caller who may call the route but is not the admin (who sees everyone's data by design).</summary>
        public (string Who, HttpClient Client)? Outsider(ApiOperation operation)
        {
            if (operation.Anonymous)
            {
                return ("anonymous", _anonymous);
            }

            if (OutsiderRole(operation) is not { } role)
            {
                return null;
            }

            var caller = SessionSensitive(operation) ? _dedicated[(operation.Name, role)] : _byRole[role];
            return (role, caller.Client);
        }

        private static string? OutsiderRole(ApiOperation operation) => Roles.Skip(1).FirstOrDefault(operation.Access.Contains);

        private static bool SessionSensitive(ApiOperation operation) =>
            !operation.Anonymous && operation.Path.StartsWith("/api/auth/", StringComparison.Ordinal);

        private static List<string> RolesFor(ApiOperation operation)
        {
            var roles = new[] { "admin", "student" }.Where(operation.Access.Contains).ToList();
            if (roles.Count == 0)
            {
                roles.AddRange(Roles.Where(operation.Access.Contains).Take(1));
            }

            return roles.Count == 0 ? ["admin"] : roles;
        }
    }

    /// <summary>What one sweep saw: every response that was a 5xx, not what the kind of input calls for, or a 4xx without problem details.</summary>
    private sealed class Findings(string sweep)
    {
        private readonly List<string> _failures = [];
        private readonly Dictionary<int, int> _statuses = [];
        private int _requests;

        public static bool Refused(HttpStatusCode status) => (int)status is >= 400 and < 500 && status != HttpStatusCode.Unauthorized;

        public static bool Answered(HttpStatusCode status) => (int)status < 500 && status != HttpStatusCode.Unauthorized;

        public async Task SendAsync(
            HttpClient client, string who, HttpMethod method, string url, HttpContent? content, string what, Func<HttpStatusCode, bool> acceptable,
            bool bareRefusalByTheHttpServer = false, bool expectContinue = false, bool refusalMayCloseTheConnection = false)
        {
            using var request = new HttpRequestMessage(method, url) { Content = content };
            request.Headers.ExpectContinue = expectContinue;
            HttpResponseMessage sent;
            try
            {
                sent = await client.SendAsync(request, Ct);
            }
            catch (HttpRequestException e) when (e.InnerException is IOException)
            {
                _requests++;
                if (refusalMayCloseTheConnection)
                {
                    _statuses[0] = _statuses.GetValueOrDefault(0) + 1;
                    return;
                }

                _failures.Add($"{method} {Shown(url)} as {who} with {what}: the connection broke ({e.Message} {e.InnerException.Message})");
                return;
            }

            using var response = sent;
            _requests++;
            var status = (int)response.StatusCode;
            _statuses[status] = _statuses.GetValueOrDefault(status) + 1;
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            string? problem = null;
            if (status >= 500)
            {
                problem = "a server error";
            }
            else if (!acceptable(response.StatusCode))
            {
                problem = "not the answer this input calls for";
            }
            else if (bareRefusalByTheHttpServer && response.StatusCode == HttpStatusCode.BadRequest && response.Content.Headers.ContentLength == 0)
            {
                // Refused by Kestrel itself (see NulInUrl).
            }
            else if (status >= 400 && mediaType != "application/problem+json")
            {
                problem = $"a {status} without problem details ({mediaType ?? "no content type"})";
            }

            if (problem is not null)
            {
                var body = await response.Content.ReadAsStringAsync(Ct);
                _failures.Add($"{method} {Shown(url)} as {who} with {what}: {status} — {problem}: {(body.Length > 300 ? body[..300] + "…" : body)}");
            }
        }

        private static string Shown(string url) => url.Length > 100 ? url[..100] + "…" : url;

        public void AssertClean(int minimumOperations, int operations, string? nothingWritten = null)
        {
            var summary = $"{sweep}: {_requests} requests to {operations} operations; statuses {string.Join(", ", _statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))}";
            TestContext.Current.TestOutputHelper?.WriteLine(summary);
            Assert.True(operations >= minimumOperations, $"{summary}: only {operations} operations were swept; is the OpenAPI document complete?");
            var failures = nothingWritten is null ? _failures : [.. _failures, nothingWritten];
            Assert.True(failures.Count == 0, $"{summary}{Environment.NewLine}{failures.Count} offenders:{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
        }
    }

    /// <summary>
    /// The rows that mention given users (any uuid column holds one of their ids), table by table, with their
    /// contents. The users are the test's own, so other tests running alongside do not disturb it; notifications
    /// are left out (an admin's broadcast to everyone in another test reaches these users too).
    /// </summary>
    private static class Fingerprint
    {
        private static readonly HashSet<string> Excluded = new(StringComparer.Ordinal) { "notifications", "__EFMigrationsHistory" };

        public static async Task<Dictionary<string, string>> TakeAsync(TheBotAppFixture fixture, IReadOnlyList<Guid> userIds)
        {
            await using var connection = new NpgsqlConnection(await fixture.Host.GetConnectionStringAsync("thebot"));
            await connection.OpenAsync(Ct);
            var columns = new List<(string Table, string Column)>();
            await using (var command = new NpgsqlCommand(
                "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND data_type = 'uuid' ORDER BY table_name, column_name",
                connection))
            await using (var reader = await command.ExecuteReaderAsync(Ct))
            {
                while (await reader.ReadAsync(Ct))
                {
                    columns.Add((reader.GetString(0), reader.GetString(1)));
                }
            }

            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var table in columns.GroupBy(c => c.Table).Where(t => !Excluded.Contains(t.Key)))
            {
                var where = string.Join(" OR ", table.Select(c => $"t.\"{c.Column}\" = ANY(@ids)"));
                await using var command = new NpgsqlCommand(
                    $"SELECT count(*) || ':' || coalesce(md5(string_agg((to_jsonb(t) - 'last_seen_at')::text, ',' ORDER BY (to_jsonb(t) - 'last_seen_at')::text)), '') FROM \"{table.Key}\" t WHERE {where}",
                    connection);
                command.Parameters.AddWithValue("ids", userIds.ToArray());
                result[table.Key] = (string)(await command.ExecuteScalarAsync(Ct))!;
            }

            return result;
        }

        /// <summary>Null when nothing changed, else which tables did.</summary>
        public static string? Compare(Dictionary<string, string> before, Dictionary<string, string> after)
        {
            var changed = after.Where(a => before.GetValueOrDefault(a.Key) != a.Value).Select(a => $"{a.Key} ({before.GetValueOrDefault(a.Key)} → {a.Value})").ToList();
            return changed.Count == 0 ? null : "refused requests wrote to: " + string.Join(", ", changed);
        }
    }

    private sealed record ForeignData(IReadOnlyList<(string Kind, Guid Id)> Ids, IReadOnlyDictionary<string, Guid> ByParameter, IReadOnlyList<Guid> OwnerIds);

    /// <summary>A readable stream that does not tell its length, so HttpClient sends it chunked.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
