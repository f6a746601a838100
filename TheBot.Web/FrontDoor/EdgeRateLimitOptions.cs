namespace TheBot.Web.FrontDoor;

/// <summary>
/// <c>FrontDoor:RateLimiting</c>: a generous token bucket per client address for everything (a whole school
/// may sit behind one address), plus optional stricter fixed windows for chosen paths.
/// </summary>
public sealed class EdgeRateLimitOptions
{
    public const string Section = "FrontDoor:RateLimiting";

    public bool Enabled { get; set; } = true;

    /// <summary>Requests a client may make in a burst.</summary>
    public int TokenLimit { get; set; } = 2000;

    /// <summary>Requests given back to each client every <see cref="ReplenishmentPeriod"/>.</summary>
    public int TokensPerPeriod { get; set; } = 100;

    public TimeSpan ReplenishmentPeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Path prefixes never limited (orchestrator probes).</summary>
    public IList<string> ExemptPaths { get; } = [];

    public IList<EdgeRateLimitRule> Rules { get; } = [];
}

/// <summary>A stricter limit for one path prefix (and optionally only some methods), per client address.</summary>
public sealed class EdgeRateLimitRule
{
    public string Path { get; set; } = "/";

    /// <summary>Empty: every method.</summary>
    public IList<string> Methods { get; } = [];

    public int PermitLimit { get; set; } = 60;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    public bool Matches(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);

        return request.Path.StartsWithSegments(Path, StringComparison.OrdinalIgnoreCase)
            && (Methods.Count == 0 || Methods.Contains(request.Method, StringComparer.OrdinalIgnoreCase));
    }
}
