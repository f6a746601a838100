using System.Globalization;
using System.Text;

namespace TheBot.Api.Features.Lessons;

public sealed record CalendarLesson(
    Guid Id, DateTimeOffset StartsAt, DateTimeOffset EndsAt, LessonStatus Status, string? Topic, string? MeetingLink,
    string Subject, string Teacher, string Student, DateTimeOffset UpdatedAt);

/// <summary>Hand-written RFC 5545: CRLF line ends, escaped text, lines folded at 75 octets.</summary>
public static class ICalendar
{
    public static string Write(IEnumerable<CalendarLesson> lessons, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(lessons);
        var text = new StringBuilder();
        Line(text, "BEGIN:VCALENDAR");
        Line(text, "VERSION:2.0");
        Line(text, "PRODID:-//TheBot//Lessons//EN");
        Line(text, "CALSCALE:GREGORIAN");
        Line(text, "METHOD:PUBLISH");
        Line(text, "X-WR-CALNAME:TheBot");
        foreach (var lesson in lessons)
        {
            Line(text, "BEGIN:VEVENT");
            Line(text, $"UID:{lesson.Id}@thebot");
            Line(text, $"DTSTAMP:{Utc(now)}");
            Line(text, $"LAST-MODIFIED:{Utc(lesson.UpdatedAt)}");
            Line(text, $"DTSTART:{Utc(lesson.StartsAt)}");
            Line(text, $"DTEND:{Utc(lesson.EndsAt)}");
            Line(text, "SUMMARY:" + Escape(lesson.Topic is null ? lesson.Subject : $"{lesson.Subject}: {lesson.Topic}"));
            Line(text, "DESCRIPTION:" + Escape($"Teacher: {lesson.Teacher}\nStudent: {lesson.Student}" + (lesson.MeetingLink is null ? "" : $"\n{lesson.MeetingLink}")));
            if (lesson.MeetingLink is not null)
            {
                Line(text, "URL:" + UriValue(lesson.MeetingLink));
            }

            Line(text, "STATUS:" + lesson.Status switch
            {
                LessonStatus.Cancelled => "CANCELLED",
                LessonStatus.Pending => "TENTATIVE",
                _ => "CONFIRMED",
            });
            Line(text, "END:VEVENT");
        }

        Line(text, "END:VCALENDAR");
        return text.ToString();
    }

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// A TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma escaped; every line break — CRLF, a lone
    /// CR or a lone LF — becomes the two characters <c>\n</c>; other control characters (but tab) are not TEXT
    /// and are dropped. A lone CR left in place would end the content line for many parsers, and what follows
    /// would be read as a property of the event.
    /// </summary>
    private static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = new StringBuilder(value.Length + 8);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '\\' or ';' or ',':
                    text.Append('\\').Append(c);
                    break;
                case '\r':
                    text.Append("\\n");
                    if (i + 1 < value.Length && value[i + 1] == '\n')
                    {
                        i++;
                    }

                    break;
                case '\n':
                    text.Append("\\n");
                    break;
                case '\t':
                    text.Append(c);
                    break;
                default:
                    if (!char.IsControl(c))
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        return text.ToString();
    }

    /// <summary>A URI value has no escapes: anything that is not a visible ASCII character is percent-encoded.</summary>
    private static string UriValue(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (b is > 0x20 and < 0x7F)
            {
                text.Append((char)b);
            }
            else
            {
                text.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }

    /// <summary>Appends a content line, folded so that no physical line exceeds 75 octets of UTF-8.</summary>
    private static void Line(StringBuilder text, string line)
    {
        var octets = 0;
        var first = true;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > (first ? 75 : 74))
            {
                text.Append("\r\n ");
                octets = 0;
                first = false;
            }

            text.Append(rune.ToString());
            octets += size;
        }

        text.Append("\r\n");
    }
}
