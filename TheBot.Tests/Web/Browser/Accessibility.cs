using System.Text.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace TheBot.Tests.Web.Browser;

/// <summary>axe-core's verdict on a page: WCAG 2.1 A/AA (labels, contrast, landmarks, names) and axe's best practices.</summary>
public static class Accessibility
{
    private static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

    private static readonly AxeRunOptions WcagAa = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. Tags] },
    };

    /// <summary>Fails with every violation on the page as it is now, each with the elements it concerns.</summary>
    public static async Task AssertNoViolationsAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var result = await page.RunAxe(WcagAa);
        Assert.NotEmpty(result.Passes); // axe really ran on the page
        var violations = result.Violations
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join("; ", v.Nodes.Select(n => n.Target?.ToString()))}")
            .ToList();
        Assert.True(violations.Count == 0, $"{page.Url}:{Environment.NewLine}{string.Join(Environment.NewLine, violations)}");
    }

    /// <summary>
    /// Fails with the serious and critical violations on the page (what issue #20 asks of every page); returns the
    /// minor and moderate ones, for the test to report. Same rules as <see cref="AssertNoViolationsAsync"/>, run
    /// cheaply for scanning many pages: axe is put into the page once (it stays while the SPA navigates), runs in the
    /// page itself (Deque's runner opens a second page per scan to finish the run) and lists nodes for violations only.
    /// </summary>
    public static async Task<IReadOnlyList<string>> AssertNoSeriousViolationsAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(AxeSource.Value);
        }

        var result = await page.EvaluateAsync<JsonElement>(
            """
            async (tags) => {
              const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
              return {
                passes: r.passes.length,
                violations: r.violations.map(v => ({ id: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.map(n => n.target.join(' ')) })),
              };
            }
            """,
            Tags);
        Assert.True(result.GetProperty("passes").GetInt32() > 0, "axe did not run on the page.");
        var serious = new List<string>();
        var lesser = new List<string>();
        foreach (var v in result.GetProperty("violations").EnumerateArray())
        {
            var impact = v.GetProperty("impact").GetString();
            var targets = v.GetProperty("targets").EnumerateArray().Select(t => t.GetString());
            var line = $"{v.GetProperty("id").GetString()} ({impact}): {v.GetProperty("help").GetString()} — {string.Join("; ", targets)}";
            (impact is "serious" or "critical" ? serious : lesser).Add(line);
        }

        Assert.True(serious.Count == 0, $"{page.Url}:{Environment.NewLine}{string.Join(Environment.NewLine, serious)}");
        return lesser;
    }

    private static readonly Lazy<string> AxeSource = new(() => new BundledAxeScriptProvider().GetScript());
}
