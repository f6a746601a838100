namespace TheBot.Web.FrontDoor;

/// <summary>
/// Paths the front door never serves, whatever is on disk: dotfiles and dot-folders (.env, .git/…) except
/// /.well-known, node_modules, source maps and editor or backup leftovers. They answer 404, as if absent.
/// Proxied paths (/api, /hubs) are the services' business and pass through.
/// </summary>
public static class BlockedPaths
{
    private static readonly string[] BlockedSuffixes = [".map", "~", ".bak", ".orig", ".swp", ".swo", ".old", ".tmp", ".rej"];

    public static bool IsBlocked(PathString path)
    {
        if (!path.HasValue || FrontDoorPaths.IsProxied(path))
        {
            return false;
        }

        foreach (var segment in path.Value!.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment.StartsWith('.') && !segment.Equals(".well-known", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
            if (segment.Equals("node_modules", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
            foreach (var suffix in BlockedSuffixes)
            {
                if (segment.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }
}

internal sealed class BlockedPathsMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (BlockedPaths.IsBlocked(context.Request.Path))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }
        return next(context);
    }
}
