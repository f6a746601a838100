using System.Globalization;
using System.Text;

namespace TheBot.AppHost.Deployment.Model;

/// <summary>A <see cref="Aspire.Hosting.ApplicationModel.ReferenceExpression"/> format split into literal text and <c>{n}</c> placeholders.</summary>
public sealed record FormatSegments(string? Literal, int? ProviderIndex)
{
    public static IReadOnlyList<FormatSegments> Parse(string format)
    {
        ArgumentNullException.ThrowIfNull(format);
        var segments = new List<FormatSegments>();
        var literal = new StringBuilder();
        for (var i = 0; i < format.Length; i++)
        {
            var c = format[i];
            if ((c == '{' || c == '}') && i + 1 < format.Length && format[i + 1] == c)
            {
                literal.Append(c);
                i++;
            }
            else if (c == '{')
            {
                var end = format.IndexOf('}', i);
                var placeholder = format[(i + 1)..end];
                var colon = placeholder.IndexOf(':', StringComparison.Ordinal);
                var index = int.Parse(colon < 0 ? placeholder : placeholder[..colon], CultureInfo.InvariantCulture);
                Flush();
                segments.Add(new FormatSegments(null, index));
                i = end;
            }
            else
            {
                literal.Append(c);
            }
        }

        Flush();
        return segments;

        void Flush()
        {
            if (literal.Length > 0)
            {
                segments.Add(new FormatSegments(literal.ToString(), null));
                literal.Clear();
            }
        }
    }
}
