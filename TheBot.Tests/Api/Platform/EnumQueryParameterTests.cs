using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Platform;

/// <summary>
/// A list's enum filter and the enum its items carry are the same enum: every value the items' schema can
/// hold is accepted by the filter's pattern (a hand-written pattern once left out <c>missed</c>).
/// </summary>
public sealed class EnumQueryParameterTests(TheBotAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_enum_query_parameter_accepts_each_name_of_its_enum()
    {
        using var client = fixture.Host.CreateWebClient();
        var document = await client.GetFromJsonAsync<JsonElement>("/api/openapi/v1.json", Ct);

        var checkedParameters = new List<string>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            if (!path.Value.TryGetProperty("get", out var operation) || !operation.TryGetProperty("parameters", out var parameters))
            {
                continue;
            }

            foreach (var parameter in parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query"))
            {
                var name = parameter.GetProperty("name").GetString()!;
                var schema = Resolve(document, parameter.GetProperty("schema"));
                if (!schema.TryGetProperty("pattern", out var pattern) || !pattern.GetString()!.StartsWith("^(?i)(", StringComparison.Ordinal))
                {
                    continue;
                }

                var where = $"GET {path.Name} ?{name}";
                var item = ListedItem(document, operation) ?? throw new Xunit.Sdk.XunitException($"{where}: the response lists no items");
                // Query parameters bear the C# property's name (Status), item properties the JSON one (status).
                var property = item.GetProperty("properties").EnumerateObject().FirstOrDefault(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
                Assert.True(property.Value.ValueKind == JsonValueKind.Object, $"{where}: the listed items have no {name}");
                var values = EnumValues(document, property.Value);
                Assert.True(values.Count > 0, $"{where}: the items' {name} is not an enum");
                foreach (var value in values)
                {
                    Assert.True(Regex.IsMatch(value, pattern.GetString()!), $"{where} refuses {value}, a value of the items' {name}");
                }

                Assert.False(Regex.IsMatch("unknown", pattern.GetString()!), $"{where} accepts anything");
                checkedParameters.Add(where);
            }
        }

        // Lessons, assignments, submissions, invoices, enrollments, applications, users: a sweep that found
        // none would pass for the wrong reason.
        Assert.True(checkedParameters.Count >= 7, "Enum filters found: " + string.Join(", ", checkedParameters));
    }

    private static JsonElement? ListedItem(JsonElement document, JsonElement operation)
    {
        if (!operation.GetProperty("responses").TryGetProperty("200", out var ok)
            || !ok.TryGetProperty("content", out var content)
            || !content.TryGetProperty("application/json", out var json))
        {
            return null;
        }

        var schema = Resolve(document, json.GetProperty("schema"));
        if (schema.TryGetProperty("properties", out var properties) && properties.TryGetProperty("items", out var items))
        {
            schema = Resolve(document, items);
        }

        return schema.TryGetProperty("items", out var item) ? Resolve(document, item) : null;
    }

    private static List<string> EnumValues(JsonElement document, JsonElement schema)
    {
        schema = Resolve(document, schema);
        if (schema.TryGetProperty("enum", out var values))
        {
            return values.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToList();
        }

        // A nullable enum is one of: the enum, or null.
        return schema.TryGetProperty("oneOf", out var branches) || schema.TryGetProperty("anyOf", out branches)
            ? branches.EnumerateArray().SelectMany(b => EnumValues(document, b)).ToList()
            : [];
    }

    private static JsonElement Resolve(JsonElement document, JsonElement schema)
    {
        while (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Split('/')[^1];
            schema = document.GetProperty("components").GetProperty("schemas").GetProperty(name);
        }

        return schema;
    }
}
