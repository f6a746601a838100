namespace TheBot.Api.Data;

/// <summary>
/// The <c>ILIKE</c> pattern for "contains what the user typed": the user's <c>%</c>, <c>_</c> and <c>\</c> are
/// matched literally (PostgreSQL's default escape character is the backslash), so a search for "50%" finds "50%"
/// and not every name with "50" in it. EF's two-argument <c>ILike</c> tells PostgreSQL there is no escape character
/// (<c>ESCAPE ''</c>), so queries pass <see cref="EscapeCharacter"/> as the third argument.
/// </summary>
public static class SearchPattern
{
    public const string EscapeCharacter = "\\";

    public static string Containing(string search)
    {
        ArgumentNullException.ThrowIfNull(search);
        var escaped = search.Trim()
            .Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
        return $"%{escaped}%";
    }
}
