namespace TheBot.AppHost.Deployment.Model;

/// <summary>
/// What the AppHost model says about a deployment, in the terms the compose and Kubernetes generators
/// need, with every value already reduced to literals and parameter references.
/// </summary>
public sealed record DeploymentModel(string Version, IReadOnlyList<DeployedService> Services, IReadOnlyList<DeployedParameter> Parameters)
{
    public DeployedService Service(string name) => Services.Single(s => s.Name == name);
}

/// <summary>
/// An Aspire parameter the operator supplies when deploying. <see cref="Optional"/> ones may be left out:
/// a <see cref="DefaultValue"/> then applies (see <see cref="OptionalWhenDeployedAnnotation"/>).
/// </summary>
public sealed record DeployedParameter(string Name, bool Secret, string? Description, int? GeneratedMinLength, bool Optional = false, string DefaultValue = "")
{
    /// <summary>An optional parameter with a default is a setting, not a credential.</summary>
    public bool IsSetting => Optional && DefaultValue.Length > 0;

    /// <summary>The parameter as an environment variable name: <c>postgres-password</c> is <c>POSTGRES_PASSWORD</c>.</summary>
    public string EnvironmentName => Name.Replace('-', '_').ToUpperInvariant();
}

public enum ServiceKind
{
    /// <summary>One of TheBot's .NET projects, deployed as the image the SDK builds for it.</summary>
    Project,

    /// <summary>A third-party container image (PostgreSQL, Redis).</summary>
    Container,
}

public sealed record EnvironmentVariable(string Name, DeployValue Value);

/// <summary>A port the service listens on; <see cref="PublishedPort"/> is set when it is reachable from outside.</summary>
public sealed record ServicePort(string Name, string Scheme, int TargetPort, int? PublishedPort);

public sealed record ServiceVolume(string Name, string MountPath, bool ReadOnly);

/// <summary>
/// A secret a .NET service reads from a file rather than its environment: <see cref="FileName"/> is the configuration
/// key with <c>__</c> for <c>:</c> (the services' key-per-file configuration), the content <see cref="Parameter"/>'s value.
/// <see cref="PasswordOf"/> is set when the file holds the password taken out of that connection string.
/// </summary>
public sealed record SecretFile(string FileName, DeployedParameter Parameter, ConnectionStringVariable? PasswordOf = null);

/// <summary>A connection string variable as the AppHost gave it, password included (<see cref="DeployValue.ConnectionStringOf"/> set).</summary>
public sealed record ConnectionStringVariable(string Name, DeployValue Value);

public sealed record DeployedService(
    string Name,
    ServiceKind Kind,
    string ImageRepository,
    string ImageTag,
    string? Entrypoint,
    IReadOnlyList<DeployValue> Args,
    IReadOnlyList<EnvironmentVariable> Environment,
    IReadOnlyList<SecretFile> SecretFiles,
    IReadOnlyList<ServicePort> Ports,
    IReadOnlyList<ServiceVolume> Volumes,
    ResourceLimitsAnnotation Limits,
    HttpProbesAnnotation? HttpProbes,
    ExecProbeAnnotation? ExecProbe,
    HardeningAnnotation Hardening,
    IReadOnlyList<string> WaitsFor,
    IReadOnlyList<string> Connects,
    int Replicas,
    string? AssemblyName,
    IReadOnlyList<ExternalEgressAnnotation> ExternalEgress,
    IReadOnlyList<int> ManagedServerPorts)
{
    public string Image => $"{ImageRepository}:{ImageTag}";

    public bool IsExternal => Ports.Any(p => p.PublishedPort is not null);

    public ServicePort PrimaryPort => Ports[0];
}
