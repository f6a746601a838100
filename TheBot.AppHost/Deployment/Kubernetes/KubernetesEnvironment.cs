using System.Text;
using TheBot.AppHost.Deployment.Model;
using TheBot.AppHost.Deployment.Yaml;

namespace TheBot.AppHost.Deployment.Kubernetes;

/// <summary>
/// How a service's environment reaches its container: literal values through a generated ConfigMap
/// (<c>&lt;service&gt;-env</c>), parameters from the <c>thebot-secrets</c> Secret, and values that mix both
/// by Kubernetes' <c>$(VAR)</c> expansion of secret variables declared first.
/// </summary>
public static class KubernetesEnvironment
{
    public const string SecretName = "thebot-secrets";
    public const string ConnectionStringsSecretName = "thebot-connection-strings";
    public const string TelemetryConfigMap = "thebot-telemetry";

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

    /// <summary>
    /// The <c>env</c> list: variables that come from parameters. With <paramref name="managedConnectionStrings"/>,
    /// whole connection strings come from the <c>thebot-connection-strings</c> Secret instead (managed servers).
    /// </summary>
    public static YamlSeq? Env(DeployedService service, bool managedConnectionStrings = false)
    {
        var fromParameters = service.Environment.Where(v => !v.Value.IsLiteral && v.Value.SoleParameter is not { IsSetting: true }).ToList();
        var composed = fromParameters
            .Where(v => v.Value.SoleParameter is null && !(managedConnectionStrings && v.Value.ConnectionStringOf is not null))
            .ToList();

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
            if (managedConnectionStrings && variable.Value.ConnectionStringOf is { } resource)
            {
                env.Add(SecretVariable(variable.Name, ConnectionStringsSecretName, resource));
            }
            else if (variable.Value.SoleParameter is { } parameter)
            {
                env.Add(SecretVariable(variable.Name, SecretName, parameter.Name, parameter.Optional));
            }
            else
            {
                env.Add(new YamlMap { { "name", variable.Name }, { "value", Value(variable.Value) } });
            }
        }

        return env.Count == 0 ? null : env;
    }

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
