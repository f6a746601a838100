using System.Collections.Frozen;
using System.Text.Json;

namespace TheBot.Api.Platform.Validation;

/// <summary>
/// Enum members as the API writes them: camelCase names, as the JSON converter does (<c>LessonStatus.Missed</c>
/// is <c>missed</c>, <c>MaterialKind.VideoLink</c> is <c>videoLink</c>). Validation, query parsing, messages and
/// live events take the names from here, so a new member is accepted everywhere the moment it is declared.
/// </summary>
public static class WireName
{
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum =>
        Names<TEnum>.ByValue.TryGetValue(value, out var name) ? name : throw new ArgumentOutOfRangeException(nameof(value), value, "Not a member.");

    /// <summary>Every member's wire name, in declaration order.</summary>
    public static IReadOnlyList<string> All<TEnum>() where TEnum : struct, Enum => Names<TEnum>.InOrder;

    /// <summary>The member with this name (any letter case); numbers are not names.</summary>
    public static TEnum? Parse<TEnum>(string? name) where TEnum : struct, Enum =>
        name is not null && Names<TEnum>.ByName.TryGetValue(name, out var value) ? value : null;

    private static class Names<TEnum> where TEnum : struct, Enum
    {
        public static readonly string[] InOrder = [.. Enum.GetValues<TEnum>().Select(v => JsonNamingPolicy.CamelCase.ConvertName(v.ToString()))];

        public static readonly FrozenDictionary<TEnum, string> ByValue =
            Enum.GetValues<TEnum>().Zip(InOrder).ToFrozenDictionary(p => p.First, p => p.Second);

        public static readonly FrozenDictionary<string, TEnum> ByName =
            Enum.GetValues<TEnum>().Zip(InOrder).ToFrozenDictionary(p => p.Second, p => p.First, StringComparer.OrdinalIgnoreCase);
    }
}
