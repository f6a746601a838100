namespace TheBot.Api.Platform.Seeding;

/// <summary><c>Demo</c>: demo people and data, Development only.</summary>
public sealed class DemoOptions
{
    public const string SectionName = "Demo";

    /// <summary>Seed demo data; only ever honoured in the Development environment.</summary>
    public bool Seed { get; set; } = true;

    /// <summary>The password of every demo user.</summary>
    public string Password { get; set; } = "Pass123$";
}
