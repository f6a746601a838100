using System.Text.Json;

namespace TheBot.Tests.Deployment;

public sealed class KubernetesTests
{
    public static TheoryData<string> Overlays => ["dev", "prod"];

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task The_overlay_renders_and_every_object_matches_the_Kubernetes_API_schemas(string overlay)
    {
        var rendered = await RenderedOverlay.GetAsync(overlay);

        var result = await Tool.NodeAsync("validate-kubernetes.mjs", rendered.File);

        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.Contains($"{rendered.Objects.Length} objects checked, 0 invalid", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_schema_validator_rejects_an_invalid_object()
    {
        var rendered = await RenderedOverlay.GetAsync("dev");
        var broken = Path.Combine(Path.GetDirectoryName(rendered.File)!, "broken.yaml");
        var text = await File.ReadAllTextAsync(rendered.File, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(broken, text.Replace("containerPort: 8080", "containerPort: eighty", StringComparison.Ordinal), TestContext.Current.CancellationToken);

        var result = await Tool.NodeAsync("validate-kubernetes.mjs", broken);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("containerPort must be integer", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Every_workload_has_probes_limits_and_the_restricted_security_context(string overlay)
    {
        var rendered = await RenderedOverlay.GetAsync(overlay);
        var workloads = rendered.OfKind("Deployment").Concat(rendered.OfKind("StatefulSet")).ToList();
        var expected = overlay == "dev" ? ExpectedLimits.ByService.Keys : ExpectedLimits.DotnetServices;
        Assert.Equal(expected.Order(), workloads.Select(Name).Order());

        foreach (var workload in workloads)
        {
            var name = Name(workload);
            var pod = workload.GetProperty("spec").GetProperty("template").GetProperty("spec");
            var podSecurity = pod.GetProperty("securityContext");
            Assert.True(podSecurity.GetProperty("runAsNonRoot").GetBoolean(), name);
            Assert.True(podSecurity.GetProperty("runAsUser").GetInt32() > 0, name);
            Assert.Equal("RuntimeDefault", podSecurity.GetProperty("seccompProfile").GetProperty("type").GetString());
            Assert.False(pod.GetProperty("automountServiceAccountToken").GetBoolean(), name);

            var container = pod.GetProperty("containers").EnumerateArray().Single();
            foreach (var probe in (string[])["startupProbe", "livenessProbe", "readinessProbe"])
            {
                Assert.True(container.TryGetProperty(probe, out _), $"{name} has no {probe}");
            }

            if (ExpectedLimits.DotnetServices.Contains(name))
            {
                Assert.Equal("/alive", container.GetProperty("livenessProbe").GetProperty("httpGet").GetProperty("path").GetString());
                Assert.Equal("/health", container.GetProperty("readinessProbe").GetProperty("httpGet").GetProperty("path").GetString());
                Assert.Equal(2, pod.GetProperty("topologySpreadConstraints").GetArrayLength());
            }

            var (cpus, memory) = ExpectedLimits.ByService[name];
            var resources = container.GetProperty("resources");
            Assert.Equal($"{memory}Mi", resources.GetProperty("limits").GetProperty("memory").GetString());
            Assert.Equal($"{memory / 2}Mi", resources.GetProperty("requests").GetProperty("memory").GetString());
            Assert.Equal(cpus, Cpus(resources.GetProperty("limits").GetProperty("cpu").GetString()!));
            Assert.Equal(cpus / 2, Cpus(resources.GetProperty("requests").GetProperty("cpu").GetString()!));

            var security = container.GetProperty("securityContext");
            Assert.False(security.GetProperty("allowPrivilegeEscalation").GetBoolean(), name);
            Assert.True(security.GetProperty("readOnlyRootFilesystem").GetBoolean(), name);
            Assert.Equal(["ALL"], security.GetProperty("capabilities").GetProperty("drop").EnumerateArray().Select(c => c.GetString()));

            var tmp = container.GetProperty("volumeMounts").EnumerateArray().Single(m => m.GetProperty("mountPath").GetString() == "/tmp");
            var tmpVolume = pod.GetProperty("volumes").EnumerateArray().Single(v => v.GetProperty("name").GetString() == tmp.GetProperty("name").GetString());
            Assert.True(tmpVolume.TryGetProperty("emptyDir", out _), name);

            var preStop = container.GetProperty("lifecycle").GetProperty("preStop").GetProperty("sleep").GetProperty("seconds").GetInt32();
            Assert.True(pod.GetProperty("terminationGracePeriodSeconds").GetInt32() > preStop, name);
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Each_service_scales_keeps_a_disruption_budget_and_only_web_has_an_ingress(string overlay)
    {
        var rendered = await RenderedOverlay.GetAsync(overlay);

        foreach (var service in ExpectedLimits.DotnetServices)
        {
            var autoscaler = rendered.Single("HorizontalPodAutoscaler", service);
            Assert.Equal(service, autoscaler.GetProperty("spec").GetProperty("scaleTargetRef").GetProperty("name").GetString());
            Assert.Equal(overlay == "prod" ? 2 : 1, autoscaler.GetProperty("spec").GetProperty("minReplicas").GetInt32());
            rendered.Single("PodDisruptionBudget", service);
            rendered.Single("Service", service);
        }

        var ingress = rendered.OfKind("Ingress").Single();
        Assert.Equal("web", Name(ingress));
        var annotations = ingress.GetProperty("metadata").GetProperty("annotations");
        Assert.Equal("3600", annotations.GetProperty("nginx.ingress.kubernetes.io/proxy-read-timeout").GetString());
        Assert.Equal("3600", annotations.GetProperty("nginx.ingress.kubernetes.io/proxy-send-timeout").GetString());
        Assert.Equal(overlay == "prod", ingress.GetProperty("spec").TryGetProperty("tls", out _));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Every_object_carries_the_recommended_labels_in_the_restricted_namespace(string overlay)
    {
        var rendered = await RenderedOverlay.GetAsync(overlay);

        foreach (var item in rendered.Objects)
        {
            var metadata = item.GetProperty("metadata");
            if (item.GetProperty("kind").GetString() is not ("Secret" or "ConfigMap"))
            {
                var labels = metadata.GetProperty("labels");
                foreach (var label in (string[])["app.kubernetes.io/name", "app.kubernetes.io/instance", "app.kubernetes.io/part-of"])
                {
                    Assert.True(labels.TryGetProperty(label, out _), $"{Name(item)} has no {label}");
                }
            }

            if (item.GetProperty("kind").GetString() != "Namespace")
            {
                Assert.Equal("thebot", metadata.GetProperty("namespace").GetString());
            }
        }

        var ns = rendered.Single("Namespace", "thebot");
        Assert.Equal("restricted", ns.GetProperty("metadata").GetProperty("labels").GetProperty("pod-security.kubernetes.io/enforce").GetString());
    }

    [Fact]
    public async Task Network_policies_deny_by_default_and_allow_only_the_referenced_flows()
    {
        var rendered = await RenderedOverlay.GetAsync("dev");
        var policies = rendered.OfKind("NetworkPolicy").ToDictionary(Name);

        var deny = policies["default-deny-all"].GetProperty("spec");
        Assert.Empty(deny.GetProperty("podSelector").EnumerateObject());
        Assert.Equal(["Ingress", "Egress"], deny.GetProperty("policyTypes").EnumerateArray().Select(t => t.GetString()));

        Assert.Equal(["namespace:ingress-nginx"], Sources(policies["web"]));
        Assert.Equal(["pod:web"], Sources(policies["api"]));
        Assert.Equal(["pod:web"], Sources(policies["realtime"]));
        Assert.Equal(["pod:api"], Sources(policies["postgres"]));
        Assert.Equal(["pod:api", "pod:realtime"], Sources(policies["redis"]));
    }

    [Fact]
    public async Task Dev_runs_the_servers_in_the_cluster_and_prod_takes_connection_strings_from_a_secret()
    {
        var dev = await RenderedOverlay.GetAsync("dev");
        foreach (var server in (string[])["postgres", "redis"])
        {
            var set = dev.Single("StatefulSet", server);
            Assert.Equal(1, set.GetProperty("spec").GetProperty("volumeClaimTemplates").GetArrayLength());
        }

        var prod = await RenderedOverlay.GetAsync("prod");
        Assert.Empty(prod.OfKind("StatefulSet"));
        var files = SecretFilesTests.Files(prod.Single("Deployment", "api").GetProperty("spec").GetProperty("template").GetProperty("spec"));
        Assert.StartsWith("thebot-connection-strings-", files["ConnectionStrings__thebot"].Secret, StringComparison.Ordinal);
        Assert.Equal("thebot", files["ConnectionStrings__thebot"].Key);
        Assert.DoesNotContain("ConnectionPasswords__thebot", files.Keys);

        var claim = prod.Single("PersistentVolumeClaim", "thebot-files");
        Assert.Equal("ReadWriteMany", claim.GetProperty("spec").GetProperty("accessModes")[0].GetString());
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Deployments_an_autoscaler_manages_declare_no_replicas_so_an_apply_never_scales_them_down(string overlay)
    {
        var rendered = await RenderedOverlay.GetAsync(overlay);
        var scaled = rendered.OfKind("HorizontalPodAutoscaler")
            .Select(h => h.GetProperty("spec").GetProperty("scaleTargetRef").GetProperty("name").GetString()!).ToList();
        Assert.Equal(ExpectedLimits.DotnetServices.Order(), scaled.Order());

        foreach (var name in scaled)
        {
            Assert.False(rendered.Single("Deployment", name).GetProperty("spec").TryGetProperty("replicas", out _),
                $"{name} sets replicas: every kubectl apply would scale it to that number before its autoscaler restores it");
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Rollouts_keep_every_old_pod_serving_until_a_new_one_has_been_ready_for_its_warm_up(string overlay)
    {
        var rendered = await RenderedOverlay.GetAsync(overlay);

        foreach (var service in ExpectedLimits.DotnetServices)
        {
            var spec = rendered.Single("Deployment", service).GetProperty("spec");
            Assert.True(spec.TryGetProperty("minReadySeconds", out var minReady) && minReady.GetInt32() >= 15, $"{service} counts a pod available the moment it is ready");
            Assert.Equal(0, spec.GetProperty("strategy").GetProperty("rollingUpdate").GetProperty("maxUnavailable").GetInt32());
        }
    }

    [Fact]
    public async Task Prod_lets_api_and_realtime_reach_managed_PostgreSQL_and_Redis_on_the_ports_providers_use()
    {
        var rendered = await RenderedOverlay.GetAsync("prod");
        var policy = rendered.Single("NetworkPolicy", "managed-servers-clients").GetProperty("spec");
        var ports = policy.GetProperty("egress").EnumerateArray()
            .SelectMany(r => r.GetProperty("ports").EnumerateArray()).Select(p => p.GetProperty("port").GetInt32()).ToList();

        // 6380: Redis over TLS (Azure Cache for Redis and the guide's own example).
        Assert.Equal([5432, 6379, 6380], ports.Order());
    }

    [Fact]
    public async Task Redis_claims_storage_in_proportion_to_its_384_MB_of_memory()
    {
        var rendered = await RenderedOverlay.GetAsync("dev");
        var claim = rendered.Single("StatefulSet", "redis").GetProperty("spec").GetProperty("volumeClaimTemplates")[0];

        // The append-only file and its rewrite hold at most a few times the data set.
        Assert.Equal("2Gi", claim.GetProperty("spec").GetProperty("resources").GetProperty("requests").GetProperty("storage").GetString());
    }

    private static string Name(JsonElement item) => item.GetProperty("metadata").GetProperty("name").GetString()!;

    private static double Cpus(string quantity) => quantity.EndsWith('m')
        ? double.Parse(quantity[..^1], System.Globalization.CultureInfo.InvariantCulture) / 1000
        : double.Parse(quantity, System.Globalization.CultureInfo.InvariantCulture);

    private static List<string> Sources(JsonElement policy) =>
        policy.GetProperty("spec").GetProperty("ingress").EnumerateArray()
            .SelectMany(rule => rule.GetProperty("from").EnumerateArray())
            .Select(from => from.TryGetProperty("namespaceSelector", out var ns)
                ? "namespace:" + ns.GetProperty("matchLabels").GetProperty("kubernetes.io/metadata.name").GetString()
                : "pod:" + from.GetProperty("podSelector").GetProperty("matchLabels").GetProperty("app.kubernetes.io/name").GetString())
            .Order(StringComparer.Ordinal)
            .ToList();
}
