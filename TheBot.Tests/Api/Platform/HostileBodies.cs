using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace TheBot.Tests.Api.Platform;

/// <summary>The request bodies a sweep sends: broken JSON, wrong types, huge and deeply nested documents, and the plain bodies they vary.</summary>
internal static class HostileBodies
{
    /// <summary>2 MB of text: over the front door's body limit.</summary>
    public static readonly string Huge = "{\"text\":\"" + new string('a', 2 * 1024 * 1024) + "\"}";

    public static readonly string DeepArrays = new string('[', 5_000) + new string(']', 5_000);

    public static readonly string DeepObjects = string.Concat(Enumerable.Repeat("{\"a\":", 5_000)) + "1" + new string('}', 5_000);

    /// <summary>
    /// For operations that declare no JSON body. Some read their body themselves (a payment provider's webhook):
    /// odd documents and odd shapes at the property names such notifications use must not break them.
    /// </summary>
    public static readonly string[] Undeclared =
    [
        "{\"", "this is not JSON", "[]", "123", "null", "{\"object\":5}", "{\"object\":{\"id\":12345}}",
        "{\"object\":{\"id\":\"nul\\u0000inside\"},\"event\":{},\"type\":[]}", "{\"object\":{\"id\":\"\\ud800\"}}",
    ];

    /// <summary>Broken JSON and JSON sent the wrong way, each as a fresh content per request.</summary>
    public static List<(string What, Func<HttpContent> Content)> Malformed(ApiOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var body = operation.JsonBody!.Value;
        var plausible = operation.Surface.Plausible(body)?.ToJsonString() ?? "{}";
        var textProperty = operation.Surface.Properties(body).Where(p => ApiSurface.SchemaType(p.Schema) == "string").Select(p => p.Name).FirstOrDefault() ?? "text";
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

        return malformed;
    }

    /// <summary>Every property wrong at once, then each one wrong with the rest plausible (or the whole body wrong where it has no properties).</summary>
    public static List<(string What, string Json)> WrongTyped(ApiOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var surface = operation.Surface;
        var body = operation.JsonBody!.Value;
        var properties = surface.Properties(body);
        if (properties.Count == 0)
        {
            return [.. surface.WrongTyped(body).Select(w => ($"body = {w.ToJsonString()}", w.ToJsonString()))];
        }

        var allWrong = new JsonObject();
        foreach (var (name, schema) in properties)
        {
            allWrong[name] = surface.WrongTyped(schema).First();
        }

        var bodies = new List<(string What, string Json)> { ("every property wrong", allWrong.ToJsonString()) };
        foreach (var (name, schema) in properties)
        {
            foreach (var wrong in surface.WrongTyped(schema))
            {
                var one = surface.Plausible(body) as JsonObject ?? new JsonObject();
                one[name] = wrong;
                bodies.Add(($"{name} = {wrong.ToJsonString()}", one.ToJsonString()));
            }
        }

        return bodies;
    }

    /// <summary>A body that fits the operation's schema (a fresh content per request), or null where it takes no JSON body.</summary>
    public static Func<HttpContent>? Plausible(ApiOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        if (operation.JsonBody is not { } body)
        {
            return null;
        }

        var json = operation.Surface.Plausible(body)?.ToJsonString() ?? "{}";
        return () => Json(json);
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>The JSON streamed without a Content-Length, so HttpClient sends it chunked.</summary>
    public static StreamContent Chunked(string json)
    {
        var content = new StreamContent(new UnknownLengthStream(Encoding.UTF8.GetBytes(json)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private static ByteArrayContent Bytes(byte[] bytes, string? mediaType)
    {
        var content = new ByteArrayContent(bytes);
        if (mediaType is not null)
        {
            content.Headers.ContentType = new MediaTypeHeaderValue(mediaType) { CharSet = "utf-8" };
        }

        return content;
    }

    /// <summary>A readable stream that does not tell its length.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
