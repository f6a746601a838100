namespace TheBot.AppHost.Deployment;

/// <summary>
/// The standalone Aspire dashboard, opt-in beside a deployment (a Compose profile, a kustomize component): the
/// services' logs, traces and metrics the way developers see them. It receives OTLP only from the deployment's
/// own network (unsecured there); its UI is reachable only from the host (Compose) or through
/// <c>kubectl port-forward</c>, behind the browser token it logs at startup.
/// </summary>
public static class TelemetryDashboard
{
    public const string Name = "aspire-dashboard";
    public const string Image = "mcr.microsoft.com/dotnet/aspire-dashboard:13.6";
    public const string ComposeProfile = "dashboard";
    public const string Component = "components/aspire-dashboard";
    public const int UiPort = 18888;
    public const int OtlpPort = 18889;

    /// <summary>The non-root user of Microsoft's .NET images, which the dashboard image is.</summary>
    public const int UserId = DeploymentHardeningExtensions.DotnetAppUserId;

    public static string OtlpEndpoint => $"http://{Name}:{OtlpPort}";

    public static readonly IReadOnlyList<KeyValuePair<string, string>> Environment =
    [
        new("DASHBOARD__OTLP__AUTHMODE", "Unsecured"),
        new("DASHBOARD__FRONTEND__AUTHMODE", "BrowserToken"),
    ];
}
