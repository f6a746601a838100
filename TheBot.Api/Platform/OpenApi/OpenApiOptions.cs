namespace TheBot.Api.Platform.OpenApi;

/// <summary>
/// The <c>OpenApi</c> section. The document and the reference page map every endpoint, parameter and role, so
/// outside Development they are served only when an operator turns them on.
/// </summary>
public sealed class OpenApiOptions
{
    public const string SectionName = "OpenApi";

    /// <summary>Unset: on in Development, off elsewhere. <c>true</c>/<c>false</c> decides in any environment.</summary>
    public bool? Enabled { get; set; }

    public bool IsEnabledIn(IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return Enabled ?? environment.IsDevelopment();
    }
}
