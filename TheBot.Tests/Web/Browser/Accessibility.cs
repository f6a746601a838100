using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace TheBot.Tests.Web.Browser;

/// <summary>axe-core's verdict on a page: WCAG 2.1 A/AA (labels, contrast, landmarks, names) and axe's best practices.</summary>
public static class Accessibility
{
    private static readonly AxeRunOptions WcagAa = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
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
}
