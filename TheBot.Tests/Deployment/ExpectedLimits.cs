namespace TheBot.Tests.Deployment;

/// <summary>The limits the foundation issue gives each resource; reservations (requests) are half.</summary>
internal static class ExpectedLimits
{
    public static readonly IReadOnlyDictionary<string, (double Cpus, int MemoryMiB)> ByService = new Dictionary<string, (double, int)>
    {
        ["api"] = (2, 1024),
        ["realtime"] = (1, 512),
        ["web"] = (1, 512),
        ["postgres"] = (2, 2048),
        ["redis"] = (1, 512),
    };

    public static readonly IReadOnlyList<string> DotnetServices = ["api", "realtime", "web"];
}
