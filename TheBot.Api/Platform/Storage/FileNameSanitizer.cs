using System.Text;

namespace TheBot.Api.Platform.Storage;

/// <summary>
/// Turns an uploader's file name into one safe to store and to offer in Content-Disposition: no path,
/// no control or reserved characters, bounded length, and an extension that matches the detected type.
/// </summary>
public static class FileNameSanitizer
{
    public const int MaxLength = 150;

    private static readonly HashSet<string> ReservedNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    private static readonly Dictionary<string, string[]> ExtensionAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        [".jpg"] = [".jpeg", ".jpe"],
        [".txt"] = [".md", ".csv", ".tsv", ".log", ".json"],
        [".mp4"] = [".m4v"],
    };

    public static string Sanitize(string? fileName, DetectedFileType type)
    {
        ArgumentNullException.ThrowIfNull(type);

        var name = (fileName ?? string.Empty).Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];

        var cleaned = new StringBuilder(name.Length);
        var lastWasSpace = false;
        foreach (var c in name.Normalize(NormalizationForm.FormC))
        {
            if (char.IsControl(c) || c is '<' or '>' or ':' or '"' or '|' or '?' or '*' || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.Format)
            {
                continue;
            }

            var isSpace = char.IsWhiteSpace(c);
            if (isSpace && lastWasSpace)
            {
                continue;
            }

            cleaned.Append(isSpace ? ' ' : c);
            lastWasSpace = isSpace;
        }

        name = cleaned.ToString().Trim().Trim('.').Trim();
        var extension = Path.GetExtension(name);
        var stem = Path.GetFileNameWithoutExtension(name).Trim();
        if (!Matches(extension, type.Extension))
        {
            // "report.html" that is really text becomes "report.html.txt": the name cannot lie about the type.
            stem = name;
            extension = type.Extension;
        }

        if (stem.Length == 0 || ReservedNames.Contains(stem))
        {
            stem = stem.Length == 0 ? "file" : "_" + stem;
        }

        var room = MaxLength - extension.Length;
        if (stem.Length > room)
        {
            stem = stem[..room].TrimEnd();
            if (char.IsHighSurrogate(stem[^1]))
            {
                stem = stem[..^1];
            }
        }

        return stem + extension.ToLowerInvariant();
    }

    private static bool Matches(string extension, string canonical) =>
        extension.Equals(canonical, StringComparison.OrdinalIgnoreCase)
        || (ExtensionAliases.TryGetValue(canonical, out var aliases) && aliases.Contains(extension, StringComparer.OrdinalIgnoreCase));
}
