using System.Text;
using TheBot.AppHost.Deployment.Model;
using TheBot.AppHost.Deployment.Yaml;

namespace TheBot.AppHost.Deployment.Kubernetes;

/// <summary>
/// How a service's settings reach its container: literal values through a generated ConfigMap
/// (<c>&lt;service&gt;-env</c>); a .NET service's secrets as read-only files from the <c>thebot-secrets</c> Secret
/// (a projected volume at /run/secrets, only the keys it needs); the data servers' passwords as variables from the
/// same Secret, which their images read, and values that mix both by Kubernetes' <c>$(VAR)</c> expansion.
/// </summary>
public static class KubernetesEnvironment
{
    public const string SecretName = "thebot-secrets";
    public const string ConnectionStringsSecretName = "thebot-connection-strings";
    public const string TelemetryConfigMap = "thebot-telemetry";
    public const string SecretsVolume = "secrets";

    /// <summary>0440: the pod's group (fsGroup, the service's own) may read, nobody may write.</summary>
    public const int SecretFileMode = 0x120;

    public static string ConfigMapName(DeployedService service) => $"{service.Name}-env";

    /// <summary>The <c>KEY=value</c> file of the service's ConfigMap: its literal variables.</summary>
    public static string ConfigFile(DeployedService service)
    {
        var text = new StringBuilder();
        foreach (var variable in service.Environment.Where(v => v.Value.IsLiteral))
        {
            text.Append(variable.Name).Append('=').Append(variable.Value.LiteralText).Append('\n');
        }

        // Settings the operator may change (a site overlay's configMapGenerator with behavior: merge), at their defaults.
        foreach (var variable in service.Environment.Where(v => v.Value.SoleParameter is { IsSetting: true }))
        {
            text.Append(variable.Name).Append('=').Append(variable.Value.SoleParameter!.DefaultValue).Append('\n');
        }

        if (service.Kind == ServiceKind.Project)
        {
            text.Append("OTEL_SERVICE_NAME=").Append(service.Name).Append('\n');
        }

        foreach (var (name, value) in ForwardedHeaderSettings.ForKubernetes(service))
        {
            text.Append(name).Append('=').Append(value).Append('\n');
        }

        return text.ToString();
    }

    public static string TelemetryFile() =>
        string.Concat(DeploymentConventions.TelemetryVariables.Select(v => $"{v.Key}={v.Value}\n"));

    public static YamlSeq EnvFrom(DeployedService service)
    {
        var envFrom = new YamlSeq { new YamlMap { { "configMapRef", new YamlMap { { "name", ConfigMapName(service) } } } } };
        if (service.Kind == ServiceKind.Project)
        {
            envFrom.Add(new YamlMap { { "configMapRef", new YamlMap { { "name", TelemetryConfigMap } } } });
        }

        return envFrom;
    }

    /// <summary>The <c>env</c> list: variables that come from parameters (the data servers'; a .NET service has its secrets as files).</summary>
    public static YamlSeq? Env(DeployedService service)
    {
        var fromParameters = service.Environment.Where(v => !v.Value.IsLiteral && v.Value.SoleParameter is not { IsSetting: true }).ToList();
        var composed = fromParameters.Where(v => v.Value.SoleParameter is null).ToList();

        var env = new YamlSeq();
        var declared = new HashSet<string>(StringComparer.Ordinal);

        // Kubernetes expands $(VAR) only for variables declared earlier in the list.
        foreach (var parameter in composed.SelectMany(v => v.Value.Parameters).Distinct())
        {
            var existing = fromParameters.FirstOrDefault(v => v.Name == parameter.EnvironmentName);
            if (existing is not null && existing.Value.SoleParameter != parameter)
            {
                throw new InvalidOperationException(
                    $"'{service.Name}' has a variable {parameter.EnvironmentName} that is not the parameter '{parameter.Name}'.");
            }

            env.Add(SecretVariable(parameter.EnvironmentName, SecretName, parameter.Name, parameter.Optional));
            declared.Add(parameter.EnvironmentName);
        }

        foreach (var variable in fromParameters.Where(v => !declared.Contains(v.Name)))
        {
            env.Add(variable.Value.SoleParameter is { } parameter
                ? SecretVariable(variable.Name, SecretName, parameter.Name, parameter.Optional)
                : new YamlMap { { "name", variable.Name }, { "value", Value(variable.Value) } });
        }

        return env.Count == 0 ? null : env;
    }

    /// <summary>
    /// The projected volume of a .NET service's secret files, or null when it has none: the required keys of
    /// <c>thebot-secrets</c> (the pod does not start without them), then the optional ones (a missing key is left out).
    /// </summary>
    public static YamlMap? SecretFilesVolume(DeployedService service) => service.SecretFiles.Count == 0 ? null : new YamlMap
    {
        { "name", SecretsVolume },
        { "projected", new YamlMap { { "defaultMode", SecretFileMode }, { "sources", SecretFileSources(service, managedConnectionStrings: false) } } },
    };

    /// <summary>
    /// The volume's sources. With <paramref name="managedConnectionStrings"/>, a connection string's password is not
    /// mounted: the whole connection string is, from the <c>thebot-connection-strings</c> Secret (managed servers).
    /// </summary>
    public static YamlSeq SecretFileSources(DeployedService service, bool managedConnectionStrings)
    {
        var sources = new YamlSeq();
        if (managedConnectionStrings)
        {
            var connections = service.SecretFiles.Where(f => f.PasswordOf is not null).Select(f => f.PasswordOf!).ToList();
            if (connections.Count > 0)
            {
                sources.Add(SecretSource(ConnectionStringsSecretName, connections.Select(c => (c.Value.ConnectionStringOf!, c.Name)), optional: false));
            }
        }

        var files = service.SecretFiles.Where(f => !(managedConnectionStrings && f.PasswordOf is not null)).ToList();
        foreach (var optional in (bool[])[false, true])
        {
            var items = files.Where(f => f.Parameter.Optional == optional).Select(f => (f.Parameter.Name, f.FileName)).ToList();
            if (items.Count > 0)
            {
                sources.Add(SecretSource(SecretName, items, optional));
            }
        }

        return sources;
    }

    public static YamlMap? SecretFilesMount(DeployedService service) => service.SecretFiles.Count == 0 ? null : new YamlMap
    {
        { "name", SecretsVolume },
        { "mountPath", DeploymentConventions.SecretFilesPath },
        { "readOnly", true },
    };

    private static YamlMap SecretSource(string secret, IEnumerable<(string Key, string Path)> items, bool optional) => new()
    {
        {
            "secret", new YamlMap
            {
                { "name", secret },
                { "optional", optional ? true : null },
                { "items", new YamlSeq(items.Select(i => (object)new YamlMap { { "key", i.Key }, { "path", i.Path } })) },
            }
        },
    };

    /// <summary>A value with its parameters as <c>$(VAR)</c>; a literal <c>$(</c> is escaped as <c>$$(</c>.</summary>
    public static string Value(DeployValue value) => value.Render(
        literal => literal.Replace("$(", "$$(", StringComparison.Ordinal),
        parameter => $"$({parameter.EnvironmentName})");

    /// <summary>A variable from a Secret's key; an optional key may be missing, and the variable is then unset.</summary>
    private static YamlMap SecretVariable(string name, string secret, string key, bool optional = false) => new()
    {
        { "name", name },
        { "valueFrom", new YamlMap { { "secretKeyRef", new YamlMap { { "name", secret }, { "key", key }, { "optional", optional ? true : null } } } } },
    };
}
