using System.Text;
using TheBot.AppHost.Deployment.Model;
using TheBot.AppHost.Deployment.Yaml;

namespace TheBot.AppHost.Deployment.Kubernetes;

/// <summary>
/// <c>overlays/dev</c>: everything in the cluster, small. <c>overlays/prod</c>: managed PostgreSQL and Redis
/// through the <c>thebot-connection-strings</c> Secret, more replicas, TLS. Secrets come from env files
/// beside each overlay that are never committed; the committed <c>*.env.example</c> files list their keys.
/// </summary>
public static class Overlays
{
    public sealed record Scaling(int MinReplicas, int MaxReplicas);

    public static readonly Scaling Base = new(1, 3);
    public static readonly Scaling DevScaling = new(1, 2);
    public static readonly Scaling ProdScaling = new(2, 10);

    public const string DevHost = "thebot.localtest.me";
    public const string TlsSecretName = "thebot-tls";
    public const string SecretsFile = "secrets/secrets.env";
    public const string ConnectionStringsFile = "secrets/connection-strings.env";

    public static void Dev(GeneratedFiles files, DeploymentModel model)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(model);

        const string dir = "overlays/dev";
        var patches = new YamlSeq
        {
            JsonPatch("patches/autoscaling.yaml", new YamlMap { { "kind", "HorizontalPodAutoscaler" } }),
            JsonPatch("patches/ingress.yaml", new YamlMap { { "kind", "Ingress" } }),
        };
        files.Add($"{dir}/patches/autoscaling.yaml", Header + YamlWriter.Write(ScalingOps(DevScaling)));
        files.Add($"{dir}/patches/ingress.yaml", Header + YamlWriter.Write(new YamlSeq { Replace("/spec/rules/0/host", DevHost) }));

        var fileStores = FileStoreVolumes(model).ToList();
        if (fileStores.Count > 0)
        {
            // A one-node development cluster has no ReadWriteMany storage class, and needs none.
            patches.Add(JsonPatch("patches/storage.yaml", new YamlMap { { "kind", "PersistentVolumeClaim" } }));
            files.Add($"{dir}/patches/storage.yaml", Header + YamlWriter.Write(new YamlSeq { Replace("/spec/accessModes", new YamlSeq { "ReadWriteOnce" }) }));
        }

        files.Add($"{dir}/{SecretsFile}.example", SecretsExample(model.Parameters));
        KubernetesGenerator.Add(files, $"{dir}/kustomization.yaml", new YamlMap
        {
            { "apiVersion", "kustomize.config.k8s.io/v1beta1" },
            { "kind", "Kustomization" },
            { "namespace", KubernetesGenerator.Namespace },
            { "resources", new YamlSeq { "../../base" } },
            { "components", new YamlSeq { $"../../{KubernetesGenerator.ServersComponent}" } },
            { "generatorOptions", KubernetesGenerator.GeneratorOptions() },
            { "secretGenerator", new YamlSeq { SecretGenerator(KubernetesEnvironment.SecretName, SecretsFile) } },
            { "patches", patches },
        });
    }

    public static void Prod(GeneratedFiles files, DeploymentModel model)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(model);

        const string dir = "overlays/prod";
        var projects = model.Services.Where(s => s.Kind == ServiceKind.Project).ToList();
        var patches = new YamlSeq
        {
            JsonPatch("patches/autoscaling.yaml", new YamlMap { { "kind", "HorizontalPodAutoscaler" } }),
            JsonPatch("patches/ingress.yaml", new YamlMap { { "kind", "Ingress" } }),
        };
        files.Add($"{dir}/patches/autoscaling.yaml", Header + YamlWriter.Write(ScalingOps(ProdScaling)));
        files.Add($"{dir}/patches/ingress.yaml", Header + YamlWriter.Write(new YamlSeq
        {
            Add("/spec/tls", new YamlSeq
            {
                new YamlMap { { "hosts", new YamlSeq { Ingress.PlaceholderHost } }, { "secretName", TlsSecretName } },
            }),
        }));

        foreach (var service in projects.Where(s => s.SecretFiles.Any(f => f.PasswordOf is not null)))
        {
            var path = $"patches/{service.Name}-connection-strings.yaml";
            patches.Add(JsonPatch(path, new YamlMap { { "kind", "Deployment" }, { "name", service.Name } }));
            files.Add($"{dir}/{path}", Header + YamlWriter.Write(new YamlSeq
            {
                // The base puts the secret files' volume first; the test makes a change there fail instead of patching another.
                new YamlMap { { "op", "test" }, { "path", "/spec/template/spec/volumes/0/name" }, { "value", KubernetesEnvironment.SecretsVolume } },
                Replace("/spec/template/spec/volumes/0/projected/sources", KubernetesEnvironment.SecretFileSources(service, managedConnectionStrings: true)),
            }));
        }

        KubernetesGenerator.Add(files, $"{dir}/managed-servers.yaml", NetworkPolicies.ManagedServers(model));

        var connectionStrings = projects.SelectMany(s => s.SecretFiles)
            .Where(f => f.PasswordOf is not null)
            .GroupBy(f => f.PasswordOf!.Value.ConnectionStringOf!)
            .Select(g => g.First().PasswordOf!.Value)
            .ToList();
        var parameters = projects.SelectMany(s => s.SecretFiles)
            .Where(f => f.PasswordOf is null)
            .Select(f => f.Parameter)
            .Concat(projects.SelectMany(s => s.Environment).SelectMany(v => v.Value.Parameters))
            .Distinct()
            .ToList();
        files.Add($"{dir}/{SecretsFile}.example", SecretsExample(model.Parameters.Where(parameters.Contains)));
        files.Add($"{dir}/{ConnectionStringsFile}.example", ConnectionStringsExample(connectionStrings));

        KubernetesGenerator.Add(files, $"{dir}/kustomization.yaml", new YamlMap
        {
            { "apiVersion", "kustomize.config.k8s.io/v1beta1" },
            { "kind", "Kustomization" },
            { "namespace", KubernetesGenerator.Namespace },
            { "resources", new YamlSeq { "../../base", "managed-servers.yaml" } },
            { "generatorOptions", KubernetesGenerator.GeneratorOptions() },
            {
                "secretGenerator", new YamlSeq
                {
                    SecretGenerator(KubernetesEnvironment.SecretName, SecretsFile),
                    SecretGenerator(KubernetesEnvironment.ConnectionStringsSecretName, ConnectionStringsFile),
                }
            },
            { "patches", patches },
        });
    }

    private static string Header => DeploymentConventions.KubernetesHeader;

    private static IEnumerable<ServiceVolume> FileStoreVolumes(DeploymentModel model) =>
        model.Services.Where(s => s.Kind == ServiceKind.Project).SelectMany(s => s.Volumes);

    private static YamlSeq ScalingOps(Scaling scaling) => new()
    {
        Replace("/spec/minReplicas", scaling.MinReplicas),
        Replace("/spec/maxReplicas", scaling.MaxReplicas),
    };

    private static YamlMap JsonPatch(string path, YamlMap target) => new() { { "path", path }, { "target", target } };

    private static YamlMap Replace(string path, object value) => new() { { "op", "replace" }, { "path", path }, { "value", value } };

    private static YamlMap Add(string path, object value) => new() { { "op", "add" }, { "path", path }, { "value", value } };

    private static YamlMap SecretGenerator(string name, string file) => new()
    {
        { "name", name },
        { "envs", new YamlSeq { file } },
    };

    private static string SecretsExample(IEnumerable<DeployedParameter> parameters)
    {
        var text = new StringBuilder(Header);
        text.Append("# Copy to secrets.env (never committed) and fill in every value not marked optional; kustomize turns it into the\n");
        text.Append("# Secret thebot-secrets. An optional key may stay empty or be removed.\n");
        foreach (var parameter in parameters.Where(p => !p.IsSetting))
        {
            text.Append("# ").Append(DeploymentConventions.Describe(parameter)).Append('\n');
            text.Append(parameter.Name).Append("=\n");
        }

        return text.ToString();
    }

    private static string ConnectionStringsExample(IEnumerable<DeployValue> connectionStrings)
    {
        var text = new StringBuilder(Header);
        text.Append("# Copy to connection-strings.env (never committed): one line per managed server, key=connection string,\n");
        text.Append("# in the shape below (what the in-cluster servers get), pointing at your servers, with TLS where they offer it.\n");
        foreach (var value in connectionStrings)
        {
            text.Append(value.ConnectionStringOf).Append('=')
                .Append(value.Render(literal => literal, parameter => $"<{parameter.Name}>"))
                .Append('\n');
        }

        return text.ToString();
    }
}
