using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using TheBot.Api.Features.Lessons;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Lessons;

/// <summary>
/// The iCalendar feed read back the way a strict RFC 5545 parser would: physical lines end with CRLF and
/// hold at most 75 octets of whole UTF-8 characters; unfolded, every event has exactly its own properties
/// and the text comes back as it was written.
/// </summary>
public sealed class CalendarFeedTests(TheBotAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] EventProperties = ["UID", "DTSTAMP", "LAST-MODIFIED", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION", "STATUS"];

    /// <summary>Line breaks of every kind, the TEXT separators, a backslash and long text of 2- and 4-byte characters.</summary>
    private static readonly string HostileTopic =
        "Урок\rSTATUS:CANCELLED\nX-INJECTED:1\r\nEND:VEVENT\r\nBEGIN:VEVENT;a,b\\c\\n " + string.Concat(Enumerable.Repeat("дробь😀", 15));

    [Fact]
    public async Task A_lesson_topic_with_line_breaks_and_separators_stays_inside_its_summary()
    {
        var c = await fixture.Learning.CreateClassroomAsync();
        var start = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddDays(5).AddHours(9);
        await fixture.Learning.BookLessonAsync(c, start, topic: HostileTopic);

        using var token = await c.Student.Client.PostAsync("/api/calendar/token", null, Ct);
        await Expect.StatusAsync(HttpStatusCode.OK, token);
        var url = new Uri((await token.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("url").GetString()!);
        using var anonymous = fixture.Host.CreateWebClient();
        var feed = await anonymous.GetByteArrayAsync(url.PathAndQuery, Ct);

        var events = ParseEvents(feed);

        var lesson = Assert.Single(events);
        Assert.Equal(EventProperties.Order(), lesson.Keys.Order());
        var subject = lesson["SUMMARY"][..lesson["SUMMARY"].IndexOf(':', StringComparison.Ordinal)];
        Assert.Equal($"{subject}: {HostileTopic.Trim().Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n')}", lesson["SUMMARY"]);
        Assert.Equal("TENTATIVE", lesson["STATUS"]);
    }

    [Fact]
    public void Text_is_escaped_and_lines_are_folded_at_75_octets_without_splitting_a_character()
    {
        var now = DateTimeOffset.UtcNow;
        CalendarLesson[] lessons =
        [
            new(Guid.CreateVersion7(), now, now.AddHours(1), LessonStatus.Confirmed, HostileTopic, null, "Алгебра; 8,9", "Анна\rПетрова", "Ваня\nИванов", now),
            new(Guid.CreateVersion7(), now, now.AddHours(1), LessonStatus.Cancelled, "bell\u0007 and escape\u001B[31m and tab\tkept", null,
                "Physics", "T", "S", now),
        ];

        var events = ParseEvents(Encoding.UTF8.GetBytes(ICalendar.Write(lessons, now)));

        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal(EventProperties.Order(), e.Keys.Order()));
        Assert.Equal("Алгебра; 8,9: " + HostileTopic.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'), events[0]["SUMMARY"]);
        Assert.Equal("Teacher: Анна\nПетрова\nStudent: Ваня\nИванов", events[0]["DESCRIPTION"]);
        Assert.Equal("CONFIRMED", events[0]["STATUS"]);
        // Control characters other than tab are not TEXT (RFC 5545 3.3.11): they are dropped.
        Assert.Equal("Physics: bell and escape[31m and tab\tkept", events[1]["SUMMARY"]);
        Assert.Equal("CANCELLED", events[1]["STATUS"]);
    }

    [Fact]
    public void A_meeting_link_never_carries_a_line_break_into_the_feed()
    {
        var now = DateTimeOffset.UtcNow;
        CalendarLesson[] lessons =
        [
            new(Guid.CreateVersion7(), now, now.AddHours(1), LessonStatus.Pending, null, "https://meet.example/room\r\nX-INJECTED:1", "Math", "T", "S", now),
        ];

        var events = ParseEvents(Encoding.UTF8.GetBytes(ICalendar.Write(lessons, now)));

        var lesson = Assert.Single(events);
        Assert.Equal(EventProperties.Append("URL").Order(), lesson.Keys.Order());
        Assert.DoesNotContain('\n', lesson["URL"]);
        Assert.StartsWith("https://meet.example/room", lesson["URL"], StringComparison.Ordinal);
    }

    /// <summary>
    /// A strict reading: every physical line ends with CRLF and no CR or LF appears elsewhere, each is at most
    /// 75 octets of valid UTF-8 on its own (a fold never splits a character); unfolded, the events' properties
    /// (one value each) with TEXT values unescaped.
    /// </summary>
    private static List<Dictionary<string, string>> ParseEvents(byte[] feed)
    {
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        var physical = new List<string>();
        var start = 0;
        for (var i = 0; i < feed.Length; i++)
        {
            if (feed[i] == (byte)'\n' || feed[i] == (byte)'\r')
            {
                Assert.True(feed[i] == (byte)'\r' && i + 1 < feed.Length && feed[i + 1] == (byte)'\n',
                    $"A lone {(feed[i] == '\r' ? "CR" : "LF")} at octet {i}: {strict.GetString(feed, start, i - start)}");
                Assert.True(i - start <= 75, $"A line of {i - start} octets: {strict.GetString(feed, start, i - start)}");
                physical.Add(strict.GetString(feed, start, i - start));
                i++;
                start = i + 1;
            }
        }

        Assert.Equal(feed.Length, start);
        var lines = new List<string>();
        foreach (var line in physical)
        {
            if (line.StartsWith(' ') || line.StartsWith('\t'))
            {
                lines[^1] += line[1..];
            }
            else
            {
                lines.Add(line);
            }
        }

        Assert.Equal("BEGIN:VCALENDAR", lines[0]);
        Assert.Equal("END:VCALENDAR", lines[^1]);
        var events = new List<Dictionary<string, string>>();
        Dictionary<string, string>? current = null;
        foreach (var line in lines)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            Assert.True(colon > 0, $"Not a content line: {line}");
            var (name, value) = (line[..colon], line[(colon + 1)..]);
            if (line == "BEGIN:VEVENT")
            {
                Assert.Null(current);
                current = [];
            }
            else if (line == "END:VEVENT")
            {
                events.Add(Assert.IsType<Dictionary<string, string>>(current));
                current = null;
            }
            else if (current is not null)
            {
                Assert.True(current.TryAdd(name, name is "SUMMARY" or "DESCRIPTION" ? Unescape(value) : value), $"{name} twice in one event");
            }
        }

        Assert.Null(current);
        return events;
    }

    private static string Unescape(string value)
    {
        var text = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != '\\')
            {
                Assert.True(value[i] is not (';' or ','), $"An unescaped '{value[i]}' in TEXT: {value}");
                text.Append(value[i]);
                continue;
            }

            Assert.True(i + 1 < value.Length, $"A dangling backslash: {value}");
            text.Append(value[++i] switch
            {
                'n' or 'N' => '\n',
                '\\' => '\\',
                ';' => ';',
                ',' => ',',
                var other => throw new Xunit.Sdk.XunitException($"'\\{other}' is not a TEXT escape: {value}"),
            });
        }

        return text.ToString();
    }
}
