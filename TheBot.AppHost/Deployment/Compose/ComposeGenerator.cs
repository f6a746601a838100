using System.Globalization;
using TheBot.AppHost.Deployment.Model;
using TheBot.AppHost.Deployment.Yaml;

namespace TheBot.AppHost.Deployment.Compose;

/// <summary>
/// Writes <c>docker-compose.yaml</c> and <c>.env.example</c> from the deployment model: every service
/// hardened (non-root, read-only root filesystem, no capabilities), health-checked, limited and logged
/// with caps; only externally reachable services join the frontend network and publish a port.
/// </summary>
public static class ComposeGenerator
{
    public const string ComposeFile = "docker-compose.yaml";
    public const string EnvExampleFile = ".env.example";
    public const string BackendNetwork = "backend";
    public const string FrontendNetwork = "frontend";

    /// <summary>The network with a route out of the host, for services that must reach the internet (api: the payment provider).</summary>
    public const string EgressNetwork = "egress";

    /// <summary>The opt-in dashboard's own network, for its port on the host.</summary>
    public const string DashboardNetwork = "dashboard";
    public const string DashboardPortVariable = "DASHBOARD_PORT";
    public const string ImageRegistryVariable = "THEBOT_IMAGE_REGISTRY";

    public static GeneratedFiles Generate(DeploymentModel model)
    {
        ArgumentNullException.ThrowIfNull(model);

        var definitions = model.Services.Select(s => (s.Name, Definition: Service(s, model)))
            .Append((TelemetryDashboard.Name, Dashboard()));
        var services = new YamlMap();
        foreach (var (name, definition) in definitions.OrderBy(d => d.Item1, StringComparer.Ordinal))
        {
            services.Add(name, definition);
        }

        var volumes = new YamlMap();
        foreach (var volume in model.Services.SelectMany(s => s.Volumes).Select(v => v.Name).Distinct())
        {
            // Named explicitly so that backups and docs can refer to them whatever the project is called.
            volumes.Add(volume, new YamlMap { { "name", volume } });
        }

        var document = new YamlMap
        {
            { "name", "thebot" },
            { "services", services },
            {
                "networks", new YamlMap
                {
                    {
                        BackendNetwork, new YamlMap
                        {
                            { "internal", true },
                            { "ipam", new YamlMap { { "config", new YamlSeq { new YamlMap { { "subnet", ForwardedHeaderSettings.ComposeBackendSubnet } } } } } },
                        }
                    },
                    { FrontendNetwork, new YamlMap() },
                    { EgressNetwork, model.Services.Any(s => s.ExternalEgress.Count > 0) ? new YamlMap() : null },
                    { DashboardNetwork, new YamlMap() },
                }
            },
            { "volumes", volumes },
            { "secrets", Secrets(model) },
        };

        var files = new GeneratedFiles();
        files.Add(ComposeFile, DeploymentConventions.ComposeHeader + YamlWriter.Write(document));
        files.Add(EnvExampleFile, EnvExample.Write(model));
        return files;
    }

    private static YamlMap Service(DeployedService service, DeploymentModel model)
    {
        var isProject = service.Kind == ServiceKind.Project;
        // Keys in the order dclint (deploy/validation) expects.
        return new YamlMap
        {
            { "image", isProject ? $"${{{ImageRegistryVariable}:-}}{service.Image}" : service.Image },
            { "depends_on", DependsOn(service, model) },
            { "volumes", service.Volumes.Count == 0 ? null : new YamlSeq(service.Volumes.Select(Volume)) },
            { "secrets", service.SecretFiles.Count == 0 ? null : new YamlSeq(service.SecretFiles.Select(SecretMount)) },
            { "environment", Environment(service) },
            { "ports", Ports(service) },
            { "networks", Networks(service) },
            { "command", service.Args.Count == 0 ? null : new YamlSeq(service.Args.Select(Value)) },
            { "entrypoint", service.Entrypoint is null ? null : new YamlSeq { service.Entrypoint } },
            { "restart", "unless-stopped" },
            { "healthcheck", HealthCheck(service) },
            {
                "logging", new YamlMap
                {
                    { "driver", "json-file" },
                    { "options", new YamlMap { { "max-size", "10m" }, { "max-file", "3" } } },
                }
            },
            { "user", $"{service.Hardening.UserId}:{service.Hardening.GroupId}" },
            { "cap_drop", new YamlSeq { "ALL" } },
            { "deploy", Deploy(service) },
            { "read_only", true },
            { "security_opt", new YamlSeq { "no-new-privileges:true" } },
            { "stop_grace_period", $"{DeploymentConventions.ShutdownGraceSeconds}s" },
            { "tmpfs", new YamlSeq(service.Hardening.ScratchDirectories) },
        };
    }

    /// <summary>
    /// The Aspire dashboard, only with <c>docker compose --profile dashboard</c>: OTLP from the backend network,
    /// the UI on the host's loopback. No health check: the image has nothing to run one with.
    /// </summary>
    private static YamlMap Dashboard() => new()
    {
        { "image", TelemetryDashboard.Image },
        { "environment", new YamlMap(TelemetryDashboard.Environment) },
        {
            "ports", new YamlSeq
            {
                new YamlMap
                {
                    { "target", TelemetryDashboard.UiPort },
                    { "host_ip", "127.0.0.1" },
                    { "published", $"${{{DashboardPortVariable}:-{TelemetryDashboard.UiPort}}}" },
                    { "protocol", "tcp" },
                },
            }
        },
        { "networks", new YamlSeq { BackendNetwork, DashboardNetwork } },
        { "restart", "unless-stopped" },
        {
            "logging", new YamlMap
            {
                { "driver", "json-file" },
                { "options", new YamlMap { { "max-size", "10m" }, { "max-file", "3" } } },
            }
        },
        { "user", $"{TelemetryDashboard.UserId}:{TelemetryDashboard.UserId}" },
        { "cap_drop", new YamlSeq { "ALL" } },
        {
            "deploy", new YamlMap
            {
                {
                    "resources", new YamlMap
                    {
                        { "limits", new YamlMap { { "cpus", "1" }, { "memory", "512M" } } },
                        { "reservations", new YamlMap { { "cpus", "0.25" }, { "memory", "128M" } } },
                    }
                },
            }
        },
        { "profiles", new YamlSeq { TelemetryDashboard.ComposeProfile } },
        { "read_only", true },
        { "security_opt", new YamlSeq { "no-new-privileges:true" } },
        { "tmpfs", new YamlSeq { DeploymentHardeningExtensions.ScratchDirectory } },
    };

    /// <summary>The folder beside the compose file where deploy/compose-secrets.sh writes one file per secret (git-ignored).</summary>
    public const string SecretsFolder = "secrets";

    /// <summary>
    /// One Compose secret per parameter a service reads from a file, from <c>secrets/&lt;parameter&gt;</c>. Files, not
    /// <c>environment:</c> sources: Compose copies those into the container, which a read-only root refuses; a file is
    /// bind-mounted read-only instead.
    /// </summary>
    private static YamlMap? Secrets(DeploymentModel model)
    {
        var parameters = model.Services.SelectMany(s => s.SecretFiles).Select(f => f.Parameter).Distinct().OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        if (parameters.Count == 0)
        {
            return null;
        }

        var secrets = new YamlMap();
        foreach (var parameter in parameters)
        {
            secrets.Add(parameter.Name, new YamlMap { { "file", $"./{SecretsFolder}/{parameter.Name}" } });
        }

        return secrets;
    }

    /// <summary>Mounted as <c>/run/secrets/&lt;file name&gt;</c>, the name the service's key-per-file configuration maps to its key.</summary>
    private static YamlMap SecretMount(SecretFile file) => new()
    {
        { "source", file.Parameter.Name },
        { "target", file.FileName },
    };

    private static YamlMap Environment(DeployedService service)
    {
        var environment = new YamlMap();
        foreach (var variable in service.Environment)
        {
            environment.Add(variable.Name, Value(variable.Value));
        }

        if (service.Kind == ServiceKind.Project)
        {
            environment.Add("OTEL_SERVICE_NAME", service.Name);
            foreach (var (name, defaultValue) in DeploymentConventions.TelemetryVariables)
            {
                environment.Add(name, $"${{{name}:-{defaultValue}}}");
            }

            environment.Add("OTEL_EXPORTER_OTLP_HEADERS", "${OTEL_EXPORTER_OTLP_HEADERS:-}");
        }

        foreach (var (name, value) in ForwardedHeaderSettings.ForCompose(service))
        {
            environment.Add(name, value);
        }

        return environment;
    }

    /// <summary>
    /// Compose interpolates <c>$</c>: literal dollars are doubled, parameters come from <c>.env</c> and must be set,
    /// but optional ones, which fall back to their default.
    /// </summary>
    public static string Value(DeployValue value) => value.Render(
        literal => literal.Replace("$", "$$", StringComparison.Ordinal),
        parameter => parameter.Optional
            ? $"${{{parameter.EnvironmentName}:-{parameter.DefaultValue}}}"
            : $"${{{parameter.EnvironmentName}:?set {parameter.EnvironmentName} in .env}}");

    private static YamlSeq Networks(DeployedService service)
    {
        var networks = new YamlSeq { BackendNetwork };
        if (service.IsExternal)
        {
            networks.Add(FrontendNetwork);
        }

        if (service.ExternalEgress.Count > 0)
        {
            networks.Add(EgressNetwork);
        }

        return networks;
    }

    private static YamlSeq? Ports(DeployedService service)
    {
        var published = service.Ports.Where(p => p.PublishedPort is not null).ToList();
        return published.Count == 0 ? null : new YamlSeq(published.Select(p => (object)new YamlMap
        {
            { "target", p.TargetPort },
            { "host_ip", $"${{{BindAddressVariable(service)}:-0.0.0.0}}" },
            { "published", $"${{{PortVariable(service)}:-{p.PublishedPort!.Value.ToString(CultureInfo.InvariantCulture)}}}" },
            { "protocol", "tcp" },
        }));
    }

    public static string PortVariable(DeployedService service) => $"{service.Name.ToUpperInvariant()}_PORT";

    public static string BindAddressVariable(DeployedService service) => $"{service.Name.ToUpperInvariant()}_BIND_ADDRESS";

    private static YamlMap Volume(ServiceVolume volume) => new()
    {
        { "type", "volume" },
        { "source", volume.Name },
        { "target", volume.MountPath },
        { "read_only", volume.ReadOnly ? true : null },
    };

    private static YamlMap HealthCheck(DeployedService service)
    {
        IReadOnlyList<string> test = service.HttpProbes is { } http
            ? DeploymentConventions.SelfProbeCommand(service, http.LivenessPath)
            : service.ExecProbe!.Command;
        // A .NET service probes itself by starting its own binary: a whole runtime (~0.2 s of CPU, ~45 MB) per
        // probe. Every 2 s while it starts, then once a minute (docs/deployment.md, "Health checks").
        var runtimeProbe = service.HttpProbes is not null;
        return new YamlMap
        {
            { "test", new YamlSeq(["CMD", .. test.Select(t => t.Replace("$", "$$", StringComparison.Ordinal))]) },
            { "interval", runtimeProbe ? "60s" : "10s" },
            { "timeout", runtimeProbe ? "10s" : "5s" },
            { "retries", runtimeProbe ? 3 : 5 },
            { "start_period", runtimeProbe ? "120s" : "30s" },
            { "start_interval", "2s" },
        };
    }

    private static YamlMap? DependsOn(DeployedService service, DeploymentModel model)
    {
        if (service.WaitsFor.Count == 0)
        {
            return null;
        }

        var dependsOn = new YamlMap();
        foreach (var dependency in service.WaitsFor.Select(model.Service))
        {
            dependsOn.Add(dependency.Name, new YamlMap { { "condition", "service_healthy" } });
        }

        return dependsOn;
    }

    private static YamlMap Deploy(DeployedService service) => new()
    {
        { "replicas", service.Replicas == 1 ? null : service.Replicas },
        {
            "resources", new YamlMap
            {
                { "limits", new YamlMap { { "cpus", DeploymentConventions.Cpus(service.Limits.Cpus) }, { "memory", $"{service.Limits.MemoryMiB}M" } } },
                { "reservations", new YamlMap { { "cpus", DeploymentConventions.Cpus(service.Limits.ReservedCpus) }, { "memory", $"{service.Limits.ReservedMemoryMiB}M" } } },
            }
        },
    };
}
