using Microsoft.AspNetCore.Routing.Template;

namespace TheBot.Web.FrontDoor;

/// <summary>The configured upload routes, matched by method and route template.</summary>
public sealed class UploadRoutes
{
    private readonly List<(string Method, TemplateMatcher Matcher)> _routes;

    private UploadRoutes(List<(string Method, TemplateMatcher Matcher)> routes) => _routes = routes;

    /// <summary>Parses entries such as "POST /api/materials/{id}/files".</summary>
    public static UploadRoutes Parse(IEnumerable<string> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);

        var routes = new List<(string, TemplateMatcher)>();
        foreach (var entry in entries)
        {
            var parts = entry.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !parts[1].StartsWith('/'))
            {
                throw new InvalidOperationException(
                    $"{RequestBodyOptions.Section}:UploadRoutes entry '{entry}' must read 'METHOD /path/{{template}}'.");
            }
            var template = TemplateParser.Parse(parts[1].TrimStart('/'));
            routes.Add((parts[0].ToUpperInvariant(), new TemplateMatcher(template, new RouteValueDictionary())));
        }
        return new UploadRoutes(routes);
    }

    public bool Matches(string method, PathString path)
    {
        foreach (var (routeMethod, matcher) in _routes)
        {
            if (string.Equals(routeMethod, method, StringComparison.OrdinalIgnoreCase) && matcher.TryMatch(path, []))
            {
                return true;
            }
        }
        return false;
    }
}
