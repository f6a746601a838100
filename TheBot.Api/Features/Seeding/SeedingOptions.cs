namespace TheBot.Api.Features.Seeding;

/// <summary>
/// <c>Bootstrap</c>: the first admin of an empty database (AppHost secret parameters).
/// <c>Demo</c>: demo people and data, Development only.
/// </summary>
public sealed class BootstrapOptions
{
    public const string SectionName = "Bootstrap";

    public string? AdminEmail { get; set; }

    public string? AdminPassword { get; set; }

    public string AdminName { get; set; } = "Administrator";
}

public sealed class DemoOptions
{
    public const string SectionName = "Demo";

    /// <summary>Seed demo data; only ever honoured in the Development environment.</summary>
    public bool Seed { get; set; } = true;

    /// <summary>The password of every demo user.</summary>
    public string Password { get; set; } = "Pass123$";
}
