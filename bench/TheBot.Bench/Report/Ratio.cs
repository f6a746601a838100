using System.Globalization;

namespace TheBot.Bench.Report;

/// <summary>TheBot ÷ peer for one figure of the same run; missing when either side did not measure it.</summary>
internal static class Ratio
{
    public static double? Of(double? theBot, double? peer) =>
        theBot is { } t && peer is { } p && p > 0 && !double.IsNaN(t) ? t / p : null;

    /// <summary>"12×", "0.91×", or "–" when there is nothing to compare.</summary>
    public static string Format(double? ratio) => ratio switch
    {
        null => "–",
        >= 10 => string.Create(CultureInfo.InvariantCulture, $"{ratio.Value:F0}×"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{ratio.Value:F2}×"),
    };
}
