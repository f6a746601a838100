using System.Reflection;
using System.Text.RegularExpressions;
using TheBot.Api.Platform.RateLimiting;

namespace TheBot.Tests.Docs;

/// <summary>docs/security.md names tests as evidence and settings as levers: each must exist.</summary>
public sealed partial class SecurityDocTests
{
    private static readonly string Root = RepositoryRoot.Find();

    [Theory]
    [InlineData("Client addresses and throttles")]
    public void Every_test_a_section_gives_as_evidence_exists(string section)
    {
        var names = Quoted(Section(section)).ToList();
        var tests = typeof(SecurityDocTests).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith("TheBot.Tests", StringComparison.Ordinal) == true)
            .ToList();
        var methods = tests.SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)).Select(m => m.Name).ToHashSet();

        var checkedAny = false;
        foreach (var name in names)
        {
            if (TestReference().Match(name) is { Success: true } reference)
            {
                var type = tests.SingleOrDefault(t => t.FullName == "TheBot.Tests." + reference.Groups["class"].Value.Replace('/', '.'));
                Assert.True(type is not null, $"docs/security.md names the test class {name}, which does not exist");
                if (reference.Groups["method"].Success)
                {
                    Assert.True(type.GetMethod(reference.Groups["method"].Value) is not null, $"docs/security.md names the test {name}, which does not exist");
                }

                checkedAny = true;
            }
            else if (TestMethod().IsMatch(name))
            {
                Assert.True(methods.Contains(name), $"docs/security.md names the test {name}, which does not exist");
                checkedAny = true;
            }
        }

        Assert.True(checkedAny, $"the section '{section}' names no test");
    }

    [Theory]
    [InlineData("Client addresses and throttles")]
    public void Every_setting_and_variable_a_section_names_exists(string section)
    {
        var code = string.Concat(
            ((string[])["TheBot.Api", "TheBot.Web", "TheBot.AppHost", "TheBot.ServiceDefaults", "TheBot.Realtime", "deploy"])
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(Root, folder), "*", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains("node_modules", StringComparison.Ordinal)
                && (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal)
                    || f.EndsWith(".env", StringComparison.Ordinal) || f.EndsWith(".env.example", StringComparison.Ordinal)))
            .Select(File.ReadAllText));
        var rateLimits = typeof(RateLimitingOptions).GetProperties().Select(p => p.Name).ToHashSet();

        foreach (var name in Quoted(Section(section)))
        {
            if (Setting().IsMatch(name))
            {
                var key = name.TrimEnd('*', '_').Replace("__", ":", StringComparison.Ordinal);
                var found = code.Contains(key, StringComparison.Ordinal)
                    || code.Contains(key.Replace(":", "__", StringComparison.Ordinal), StringComparison.Ordinal)
                    || (key.StartsWith(RateLimitingOptions.SectionName + ":", StringComparison.Ordinal) && rateLimits.Contains(key.Split(':')[1]));
                Assert.True(found, $"docs/security.md names the setting {name}, which nothing reads or sets");
            }
            else if (Variable().IsMatch(name))
            {
                Assert.True(code.Contains(name, StringComparison.Ordinal), $"docs/security.md names the variable {name}, which nothing reads or sets");
            }
        }
    }

    private static string Section(string title)
    {
        var text = File.ReadAllText(Path.Combine(Root, "docs", "security.md"));
        var start = text.IndexOf($"## {title}\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"docs/security.md has no section '{title}'");
        var end = text.IndexOf("\n## ", start + 3, StringComparison.Ordinal);
        return end < 0 ? text[start..] : text[start..end];
    }

    private static IEnumerable<string> Quoted(string text) => BacktickQuoted().Matches(text).Select(m => m.Groups[1].Value);

    [GeneratedRegex("`([^`\\s]+)`")]
    private static partial Regex BacktickQuoted();

    [GeneratedRegex(@"^(?<class>(?:[A-Z][A-Za-z]*/)+[A-Z][A-Za-z]*Tests)(?:\.(?<method>[A-Z][A-Za-z0-9_]+))?$")]
    private static partial Regex TestReference();

    [GeneratedRegex(@"^[A-Z][a-z]*(_[A-Za-z0-9]+){3,}$")]
    private static partial Regex TestMethod();

    [GeneratedRegex(@"^[A-Z][A-Za-z]+(:[A-Z][A-Za-z]+|__[A-Z][A-Za-z]+)+(__[0-9*])?$")]
    private static partial Regex Setting();

    [GeneratedRegex(@"^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$")]
    private static partial Regex Variable();
}
