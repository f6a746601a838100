namespace TheBot.Web.FrontDoor;

/// <summary>The path prefixes the front door forwards instead of answering itself.</summary>
public static class FrontDoorPaths
{
    public static readonly PathString Api = "/api";
    public static readonly PathString Hubs = "/hubs";

    public static bool IsProxied(PathString path) =>
        path.StartsWithSegments(Api, StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments(Hubs, StringComparison.OrdinalIgnoreCase);
}
