using System.Reflection;
using System.Text.RegularExpressions;
using TheBot.Realtime.Contracts;

namespace TheBot.Tests.Realtime;

/// <summary>
/// docs/realtime.md's table of server → client events is the contract the SPA is checked against
/// (ClientApp/scripts/serverEvents.test.ts); here the table is checked against the event names the
/// servers use, the constants of every <c>*EventNames</c> class in TheBot.Realtime.Contracts.
/// </summary>
public sealed partial class RealtimeEventsDocumentTests
{
    [Fact]
    public void The_documented_events_are_exactly_the_ones_the_servers_send()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "docs", "realtime.md"));
        var section = doc.Split("## Events: server → client methods")[1].Split("\n## ")[0];
        var documented = TableMethod().Matches(section).Select(m => m.Groups["name"].Value).Order(StringComparer.Ordinal).ToList();

        var sent = typeof(ChatEventNames).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: true, IsSealed: true } && t.Name.EndsWith("EventNames", StringComparison.Ordinal))
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(sent.Count > 10, "the contracts' event names were not found");
        Assert.Equal(sent, documented);
    }

    [Fact]
    public void The_documented_notification_types_are_exactly_the_known_ones()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "docs", "realtime.md"));
        var list = doc.Split("Notification `type`s (`NotificationTypes`):")[1].Split("`priority`:")[0];
        var documented = CodeName().Matches(list).Select(m => m.Groups["name"].Value).Order(StringComparer.Ordinal).ToList();

        var known = typeof(NotificationTypes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(known, documented);
    }

    [GeneratedRegex(@"`(?<name>[A-Za-z]+)`")]
    private static partial Regex CodeName();

    [GeneratedRegex(@"^\| `(?<name>[A-Za-z]+)` \|", RegexOptions.Multiline)]
    private static partial Regex TableMethod();
}
