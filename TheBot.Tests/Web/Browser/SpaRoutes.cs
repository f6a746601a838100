using System.Text.RegularExpressions;

namespace TheBot.Tests.Web.Browser;

/// <summary>A page of the SPA: its path as the route table has it ("schedule/:lessonId") and who may open it.</summary>
/// <param name="Roles">The roles that may open it; null: every signed-in role.</param>
/// <param name="IsPublic">A page of the public layout (no one signed in).</param>
/// <param name="Component">What renders it: the page's module ("../features/chat/ChatPage") or element ("SignInPage").</param>
public sealed record SpaRoute(string Path, IReadOnlyList<string>? Roles, bool IsPublic, string Component)
{
    /// <summary>The route's parameters (":lessonId" gives "lessonId").</summary>
    public IEnumerable<string> Parameters => Path.Split('/').Where(s => s.StartsWith(':')).Select(s => s[1..]);

    /// <summary>A name for files: "schedule-lessonId".</summary>
    public string Name => Path.Replace(":", string.Empty, StringComparison.Ordinal).Replace('/', '-');

    public bool IsOpenTo(string role) => !IsPublic && (Roles is null || Roles.Contains(role));
}

/// <summary>
/// The SPA's route table, read from its source (src/app/featureRoutes.ts for the signed-in pages, src/app/router.tsx
/// for the public ones), so that a page added there is visited by the tests without anyone remembering to list it.
/// </summary>
public static partial class SpaRoutes
{
    public static readonly IReadOnlyList<string> Roles = ["student", "teacher", "tutor", "parent", "admin"];

    private static readonly Lazy<IReadOnlyList<SpaRoute>> All = new(Read);

    /// <summary>Every page: the public ones, then the signed-in ones, in the source's order.</summary>
    public static IReadOnlyList<SpaRoute> Pages => All.Value;

    public static IEnumerable<SpaRoute> OpenTo(string role) => Pages.Where(p => p.IsOpenTo(role));

    public static IEnumerable<SpaRoute> Public => Pages.Where(p => p.IsPublic);

    private static List<SpaRoute> Read()
    {
        var app = Path.Combine(RepositoryRoot.Find(), "TheBot.Web", "ClientApp", "src", "app");
        var router = File.ReadAllText(Path.Combine(app, "router.tsx"));
        var features = File.ReadAllText(Path.Combine(app, "featureRoutes.ts"));

        var pages = PublicRoute().Matches(router).Select(m => new SpaRoute(m.Groups["path"].Value, null, IsPublic: true, m.Groups["element"].Value)).ToList();
        foreach (Match entry in FeatureRoute().Matches(features))
        {
            IReadOnlyList<string>? roles = entry.Groups["everyone"].Success
                ? null
                : [.. Quoted().Matches(entry.Groups["roles"].Value).Select(r => r.Groups[1].Value)];
            pages.Add(new SpaRoute(entry.Groups["path"].Value, roles, IsPublic: false, entry.Groups["module"].Value));
        }

        // The catch-all ('*', "Page not found") is not a page of its own.
        pages.RemoveAll(p => p.Path == "*");
        if (!pages.Any(p => p.IsPublic) || !pages.Any(p => p.Path == "dashboard"))
        {
            throw new InvalidOperationException($"The SPA's route table in {app} no longer reads as SpaRoutes expects: update SpaRoutes.");
        }

        if (pages.FirstOrDefault(p => p.Roles?.Except(Roles).Any() == true) is { } strange)
        {
            throw new InvalidOperationException($"The route '{strange.Path}' names a role SpaRoutes does not know: {string.Join(", ", strange.Roles!)}.");
        }

        return pages;
    }

    /// <summary>
    /// The public layout's children: <c>{ path: 'sign-in', element: &lt;SignInPage /&gt; }</c>, or a page loaded when opened,
    /// <c>{ path: 'apply', element: publicPage(ApplicationFormPage) }</c> (the signed-in ones use <c>path,</c>).
    /// </summary>
    [GeneratedRegex(@"\{\s*path:\s*'(?<path>[^']+)',\s*element:\s*(?:<|publicPage\()(?<element>\w+)")]
    private static partial Regex PublicRoute();

    /// <summary>An entry of featureRoutes: its path, then (after an optional navLabel) its roles, then its page's module.</summary>
    [GeneratedRegex(@"path:\s*'(?<path>[^']+)',[^{}]*?roles:\s*(?:'(?<everyone>everyone)'|\[(?<roles>[^\]]*)\]),\s*Page:\s*page\(\(\)\s*=>\s*import\('(?<module>[^']+)'\)")]
    private static partial Regex FeatureRoute();

    [GeneratedRegex(@"'([^']+)'")]
    private static partial Regex Quoted();
}
