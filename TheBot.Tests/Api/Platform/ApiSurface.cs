using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace TheBot.Tests.Api.Platform;

/// <summary>
/// The API's operations as its own OpenAPI document describes them: method, route, who may call it, its
/// route and query parameters and its JSON body schema. Sweeps are built from this, so an endpoint added
/// later is swept without anyone editing a test.
/// </summary>
public sealed partial class ApiSurface
{
    private readonly JsonElement _document;

    private ApiSurface(JsonElement document, IReadOnlyList<ApiOperation> operations)
    {
        _document = document;
        Operations = operations;
    }

    public IReadOnlyList<ApiOperation> Operations { get; }

    public IEnumerable<ApiOperation> WithJsonBody => Operations.Where(o => o.JsonBody is not null);

    public IEnumerable<ApiOperation> WithGuidInRoute => Operations.Where(o => o.RouteParameters.Any(p => p.IsGuid));

    public static async Task<ApiSurface> LoadAsync(HttpClient anonymous, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(anonymous);
        var document = await anonymous.GetFromJsonAsync<JsonElement>("/api/openapi/v1.json", ct);
        var operations = new List<ApiOperation>();
        var surface = new ApiSurface(document, operations);
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                if (operation.Name is "parameters" or "summary" or "description" or "servers")
                {
                    continue;
                }

                var access = operation.Value.TryGetProperty("x-access", out var a)
                    ? a.EnumerateArray().Select(r => r.GetString()!).ToHashSet(StringComparer.Ordinal)
                    : [];
                var parameters = operation.Value.TryGetProperty("parameters", out var p) ? p.EnumerateArray().ToList() : [];
                var route = parameters.Where(x => x.GetProperty("in").GetString() == "path")
                    .Select(x => new ApiParameter(x.GetProperty("name").GetString()!, surface.Resolve(x.GetProperty("schema"))))
                    .ToList();
                var query = parameters.Where(x => x.GetProperty("in").GetString() == "query")
                    .Select(x => new ApiParameter(x.GetProperty("name").GetString()!, surface.Resolve(x.GetProperty("schema"))))
                    .ToList();

                JsonElement? jsonBody = null;
                var upload = false;
                var bodyRequired = false;
                if (operation.Value.TryGetProperty("requestBody", out var body) && body.TryGetProperty("content", out var content))
                {
                    if (content.TryGetProperty("application/json", out var json) && json.TryGetProperty("schema", out var schema))
                    {
                        jsonBody = surface.Resolve(schema);
                    }

                    upload = content.TryGetProperty("multipart/form-data", out _);
                    bodyRequired = body.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.True;
                }

                operations.Add(new ApiOperation(
                    new HttpMethod(operation.Name.ToUpperInvariant()),
                    path.Name,
                    operation.Value.TryGetProperty("operationId", out var id) ? id.GetString()! : $"{operation.Name} {path.Name}",
                    access,
                    route,
                    query,
                    jsonBody,
                    bodyRequired,
                    upload,
                    surface));
            }
        }

        return surface;
    }

    /// <summary>Follows <c>$ref</c> and picks the non-null branch of a nullable <c>oneOf</c>/<c>anyOf</c>.</summary>
    public JsonElement Resolve(JsonElement schema)
    {
        for (var depth = 0; depth < 20; depth++)
        {
            if (schema.TryGetProperty("$ref", out var reference))
            {
                var name = reference.GetString()!["#/components/schemas/".Length..];
                schema = _document.GetProperty("components").GetProperty("schemas").GetProperty(name);
                continue;
            }

            JsonElement branches = default;
            if (schema.TryGetProperty("oneOf", out var oneOf) || schema.TryGetProperty("anyOf", out oneOf) || schema.TryGetProperty("allOf", out oneOf))
            {
                branches = oneOf;
            }

            if (branches.ValueKind == JsonValueKind.Array)
            {
                var nonNull = branches.EnumerateArray().FirstOrDefault(b => SchemaType(b) != "null");
                if (nonNull.ValueKind == JsonValueKind.Object)
                {
                    schema = nonNull;
                    continue;
                }
            }

            return schema;
        }

        return schema;
    }

    /// <summary>The schema's main type: <c>["null","string"]</c> → string, <c>["integer","string"]</c> (numbers read from strings) → integer.</summary>
    public static string? SchemaType(JsonElement schema)
    {
        if (!schema.TryGetProperty("type", out var type))
        {
            return schema.TryGetProperty("properties", out _) ? "object" : null;
        }

        if (type.ValueKind == JsonValueKind.String)
        {
            return type.GetString();
        }

        var types = type.EnumerateArray().Select(t => t.GetString()!).Where(t => t != "null").ToList();
        return types.FirstOrDefault(t => t is "integer" or "number") ?? types.FirstOrDefault() ?? "null";
    }

    public static string? Format(JsonElement schema) => schema.TryGetProperty("format", out var f) ? f.GetString() : null;

    public static bool IsGuid(JsonElement schema) => SchemaType(schema) == "string" && Format(schema) == "uuid";

    /// <summary>A string whose value the API constrains (format, enum, pattern) or that names a well-known shape.</summary>
    public static bool IsConstrainedString(string name, JsonElement schema) =>
        SchemaType(schema) == "string"
        && (Format(schema) is not null || schema.TryGetProperty("enum", out _) || schema.TryGetProperty("pattern", out _) || Hint(name) is not null);

    /// <summary>A value the API would take for a property of this name (for shapes a schema cannot say).</summary>
    public static string? Hint(string name) => name.ToUpperInvariant() switch
    {
        var n when n.Contains("EMAIL", StringComparison.Ordinal) => $"sweep-{Guid.NewGuid():N}@tests.thebot.local",
        var n when n.Contains("PASSWORD", StringComparison.Ordinal) => "Sweep-Password-9",
        "COLOR" => "#336699",
        var n when n.StartsWith("QUIETHOURS", StringComparison.Ordinal) => "22:00",
        "TIMEZONE" => "Europe/Moscow",
        "PHONE" => "+79990001122",
        _ => null,
    };

    /// <summary>A value that fits the schema: the required properties of an object, each with a plausible value.</summary>
    public JsonNode? Plausible(JsonElement schema, string name = "", int depth = 0)
    {
        schema = Resolve(schema);
        if (depth > 8)
        {
            return null;
        }

        if (schema.TryGetProperty("enum", out var values))
        {
            var first = values.EnumerateArray().FirstOrDefault(v => v.ValueKind != JsonValueKind.Null);
            return first.ValueKind == JsonValueKind.Undefined ? null : JsonNode.Parse(first.GetRawText());
        }

        switch (SchemaType(schema))
        {
            case "object":
                var result = new JsonObject();
                var required = schema.TryGetProperty("required", out var r)
                    ? r.EnumerateArray().Select(x => x.GetString()!).ToHashSet(StringComparer.Ordinal)
                    : [];
                if (schema.TryGetProperty("properties", out var properties))
                {
                    foreach (var property in properties.EnumerateObject().Where(p => required.Contains(p.Name)))
                    {
                        result[property.Name] = Plausible(property.Value, property.Name, depth + 1);
                    }
                }

                return result;
            case "array":
                return schema.TryGetProperty("items", out var items) ? new JsonArray(Plausible(items, name, depth + 1)) : new JsonArray();
            case "integer":
            case "number":
                var minimum = schema.TryGetProperty("minimum", out var min) && min.ValueKind == JsonValueKind.Number ? min.GetDecimal() : 1m;
                return JsonValue.Create(Math.Max(1m, minimum));
            case "boolean":
                return JsonValue.Create(false);
            case "string":
                return JsonValue.Create(PlausibleString(name, schema));
            default:
                return null;
        }
    }

    private static string PlausibleString(string name, JsonElement schema)
    {
        var inAMonth = DateTimeOffset.UtcNow.Date.AddDays(30).AddHours(10);
        return Format(schema) switch
        {
            "uuid" => Guid.NewGuid().ToString(),
            "date-time" => new DateTimeOffset(inAMonth, TimeSpan.Zero).ToString("O", CultureInfo.InvariantCulture),
            "date" => inAMonth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "time" => "10:00:00",
            "email" => Hint("email")!,
            "uri" => "https://example.com/sweep",
            _ => Hint(name) ?? FirstAlternative(schema) ?? "Sweep text",
        };
    }

    /// <summary>For a pattern of alternatives like <c>^(ru|en)$</c>, the first one.</summary>
    private static string? FirstAlternative(JsonElement schema) =>
        schema.TryGetProperty("pattern", out var pattern) && Alternatives().Match(pattern.GetString() ?? string.Empty) is { Success: true } match
            ? match.Groups[1].Value
            : null;

    [GeneratedRegex(@"^\^(?:\(\?i\))?\(([A-Za-z0-9_-]+)\|[A-Za-z0-9_|-]+\)\$$")]
    private static partial Regex Alternatives();

    /// <summary>A JSON value of the wrong kind for the schema: text for numbers, ids and dates, an object for text, a number for a flag.</summary>
    public IEnumerable<JsonNode> WrongTyped(JsonElement schema)
    {
        schema = Resolve(schema);
        switch (SchemaType(schema))
        {
            case "string" when Format(schema) is "uuid":
                yield return JsonValue.Create("not-a-guid");
                yield return JsonValue.Create(12345);
                break;
            case "string" when Format(schema) is "date-time" or "date" or "time":
                yield return JsonValue.Create("not-a-date");
                yield return JsonValue.Create(true);
                break;
            case "string" when schema.TryGetProperty("enum", out _):
                yield return JsonValue.Create("no-such-value");
                yield return JsonValue.Create(42);
                break;
            case "string":
                yield return new JsonObject { ["unexpected"] = true };
                yield return JsonValue.Create(12345);
                break;
            case "integer":
            case "number":
                yield return JsonValue.Create("not-a-number");
                yield return new JsonArray(1, 2);
                break;
            case "boolean":
                yield return JsonValue.Create(1);
                yield return JsonValue.Create("yes");
                break;
            case "array":
                yield return JsonValue.Create("not-a-list");
                yield return new JsonObject();
                break;
            default:
                yield return JsonValue.Create(42);
                yield return new JsonArray();
                break;
        }
    }

    /// <summary>The object's properties (after <c>$ref</c>), with their resolved schemas.</summary>
    public IReadOnlyList<(string Name, JsonElement Schema)> Properties(JsonElement schema)
    {
        schema = Resolve(schema);
        return schema.TryGetProperty("properties", out var properties)
            ? [.. properties.EnumerateObject().Select(p => (p.Name, Resolve(p.Value)))]
            : [];
    }

    /// <summary>The route with each parameter replaced by the value <paramref name="fill"/> picks.</summary>
    public static string FillRoute(ApiOperation operation, Func<ApiParameter, string> fill)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(fill);
        return RouteParameter().Replace(operation.Path, match =>
        {
            var parameter = operation.RouteParameters.SingleOrDefault(p => p.Name == match.Groups[1].Value)
                ?? new ApiParameter(match.Groups[1].Value, default);
            return fill(parameter);
        });
    }

    /// <summary>A value for a route parameter that is not a guid (a token, a job name, a provider), nobody's.</summary>
    public static string PlausibleRouteText(ApiParameter parameter) =>
        parameter.Schema.ValueKind == JsonValueKind.Object && IsGuid(parameter.Schema) ? Guid.NewGuid().ToString() : "unknown-0000000000000000";

    [GeneratedRegex("{([^}:]+)(:[^}]*)?}")]
    private static partial Regex RouteParameter();
}

public sealed record ApiParameter(string Name, JsonElement Schema)
{
    public bool IsGuid => Schema.ValueKind == JsonValueKind.Object && ApiSurface.IsGuid(Schema);
}

public sealed record ApiOperation(
    HttpMethod Method,
    string Path,
    string Name,
    IReadOnlySet<string> Access,
    IReadOnlyList<ApiParameter> RouteParameters,
    IReadOnlyList<ApiParameter> QueryParameters,
    JsonElement? JsonBody,
    bool BodyRequired,
    bool IsUpload,
    ApiSurface Surface)
{
    public bool Anonymous => Access.Contains("anonymous");

    /// <summary>The route with a fresh id (or nobody's text) for each parameter.</summary>
    public string RandomRoute() => ApiSurface.FillRoute(this, ApiSurface.PlausibleRouteText);

    public override string ToString() => $"{Method} {Path}";
}
