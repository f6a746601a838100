using System.Globalization;
using System.Text.Json;

namespace TheBot.Api.Features.Audit;

/// <summary>One field's value before and after a change, as text (null: no value; a created thing has no before, a deleted one no after).</summary>
public sealed record AuditFieldChange(string Field, string? Before, string? After)
{
    /// <summary>What a secret (a password hash) shows instead of its value.</summary>
    public const string Hidden = "(hidden)";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>A change of <paramref name="field"/> with its values written as the API writes them (enums by wire name, dates ISO 8601).</summary>
    public static AuditFieldChange Of(string field, object? before, object? after) => new(field, Format(before), Format(after));

    public static string Format(IReadOnlyList<AuditFieldChange> changes) => JsonSerializer.Serialize(changes, Json);

    public static IReadOnlyList<AuditFieldChange> Parse(string json) =>
        JsonSerializer.Deserialize<List<AuditFieldChange>>(json, Json) ?? [];

    public static string? Format(object? value) => value switch
    {
        null => null,
        string s => s,
        bool b => b ? "true" : "false",
        DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Enum e => JsonNamingPolicy.CamelCase.ConvertName(e.ToString()),
        decimal m => m.ToString("0.00##########", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>The camelCase name of a property, as the API's JSON names it.</summary>
    public static string FieldName(string property) => JsonNamingPolicy.CamelCase.ConvertName(property);
}
