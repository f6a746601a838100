namespace TheBot.Bench.Report;

/// <summary>One target of an issue, what this run measured for it, and whether it is met (null: not measured in this run).</summary>
internal sealed record TargetCheck(string Issue, string Target, string Measured, bool? Met)
{
    public string Verdict => Met switch
    {
        true => "**met**",
        false => "not met",
        null => "not measured",
    };
}
