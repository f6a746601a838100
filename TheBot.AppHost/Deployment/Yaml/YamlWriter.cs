using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace TheBot.AppHost.Deployment.Yaml;

/// <summary>
/// Writes <see cref="YamlMap"/>, <see cref="YamlSeq"/> and scalars as block-style YAML, byte for byte the
/// same for the same input. Strings are quoted unless they are unmistakably plain.
/// </summary>
public static partial class YamlWriter
{
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "true", "false", "yes", "no", "y", "n", "on", "off", "null", "~",
    };

    public static string Write(YamlMap document)
    {
        var text = new StringBuilder();
        WriteMap(text, document, indent: 0, firstLinePrefix: null);
        return text.ToString();
    }

    public static string Write(YamlSeq document)
    {
        var text = new StringBuilder();
        WriteSeq(text, document, indent: 0);
        return text.ToString();
    }

    /// <summary>Several documents in one file, separated by <c>---</c>.</summary>
    public static string WriteAll(IEnumerable<YamlMap> documents) =>
        string.Join("---\n", documents.Select(Write));

    private static void WriteMap(StringBuilder text, YamlMap map, int indent, string? firstLinePrefix)
    {
        var first = true;
        foreach (var (key, value) in map)
        {
            var prefix = first && firstLinePrefix is not null ? firstLinePrefix : new string(' ', indent);
            first = false;
            text.Append(prefix).Append(Key(key)).Append(':');
            WriteValueAfterKey(text, value, indent);
        }
    }

    private static void WriteValueAfterKey(StringBuilder text, object value, int indent)
    {
        switch (value)
        {
            case YamlMap { Count: 0 }:
                text.Append(" {}\n");
                break;
            case YamlMap nested:
                text.Append('\n');
                WriteMap(text, nested, indent + 2, firstLinePrefix: null);
                break;
            case YamlSeq { Count: 0 }:
                text.Append(" []\n");
                break;
            case YamlSeq sequence:
                text.Append('\n');
                WriteSeq(text, sequence, indent + 2);
                break;
            default:
                text.Append(' ').Append(Scalar(value)).Append('\n');
                break;
        }
    }

    private static void WriteSeq(StringBuilder text, YamlSeq sequence, int indent)
    {
        var dash = new string(' ', indent) + "- ";
        foreach (var item in sequence)
        {
            switch (item)
            {
                case YamlMap { Count: > 0 } map:
                    WriteMap(text, map, indent + 2, firstLinePrefix: dash);
                    break;
                case YamlMap or YamlSeq { Count: 0 }:
                    text.Append(dash).Append(item is YamlMap ? "{}" : "[]").Append('\n');
                    break;
                case YamlSeq nested:
                    text.Append(new string(' ', indent)).Append("-\n");
                    WriteSeq(text, nested, indent + 2);
                    break;
                default:
                    text.Append(dash).Append(Scalar(item)).Append('\n');
                    break;
            }
        }
    }

    private static string Key(string key) => PlainKey().IsMatch(key) && !Reserved.Contains(key) ? key : Quote(key);

    public static string Scalar(object value) => value switch
    {
        bool b => b ? "true" : "false",
        int or long => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        double d => d.ToString("0.###", CultureInfo.InvariantCulture),
        string s => IsPlain(s) ? s : Quote(s),
        _ => throw new InvalidOperationException($"Cannot write a {value.GetType().Name} as a YAML scalar."),
    };

    private static bool IsPlain(string s) => PlainScalar().IsMatch(s) && !Reserved.Contains(s);

    private static string Quote(string s)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in s)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                '\r' => "\\r",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return quoted.Append('"').ToString();
    }

    // Starts with a letter or '/', no ': ', no ' #', nothing YAML gives a meaning to.
    [GeneratedRegex("^[A-Za-z/][A-Za-z0-9_./@+=-]*(:[A-Za-z0-9_./@+=-]+)*$")]
    private static partial Regex PlainScalar();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_./-]*$")]
    private static partial Regex PlainKey();
}
