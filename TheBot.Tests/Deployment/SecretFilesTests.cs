using System.Text.Json;

namespace TheBot.Tests.Deployment;

/// <summary>
/// Issue #15, item 11: the .NET services get their secrets as read-only files, never as environment variables
/// (docs/deployment.md, "Secrets as files"), and each service only the ones it needs.
/// </summary>
public sealed class SecretFilesTests
{
    private static readonly string[] Projects = ["api", "realtime", "web"];

    /// <summary>What each service reads, file name (its configuration key) to the parameter or Secret key that fills it.</summary>
    private static readonly Dictionary<string, Dictionary<string, string>> Needed = new()
    {
        ["api"] = new()
        {
            ["ConnectionPasswords__thebot"] = "postgres-password",
            ["ConnectionPasswords__redis"] = "redis-password",
            ["Jwt__SigningKey"] = "jwt-signing-key",
            ["Bootstrap__AdminEmail"] = "bootstrap-admin-email",
            ["Bootstrap__AdminPassword"] = "bootstrap-admin-password",
            ["Payments__YooKassa__ShopId"] = "yookassa-shop-id",
            ["Payments__YooKassa__SecretKey"] = "yookassa-secret-key",
            ["Smtp__Host"] = "smtp-host",
            ["Smtp__From"] = "smtp-from",
            ["Smtp__UserName"] = "smtp-username",
            ["Smtp__Password"] = "smtp-password",
            ["Deliveries__AppBaseUrl"] = "public-url",
            ["Push__VapidPublicKey"] = "vapid-public-key",
            ["Push__VapidPrivateKey"] = "vapid-private-key",
            ["Push__VapidSubject"] = "vapid-subject",
            ["Telegram__BotToken"] = "telegram-bot-token",
            ["Telegram__BotUsername"] = "telegram-bot-username",
            ["Telegram__WebhookSecret"] = "telegram-webhook-secret",
            ["Telegram__WebhookUrl"] = "telegram-webhook-url",
            ["Telegram__AdminChatId"] = "telegram-admin-chat-id",
            ["Telegram__LogChatId"] = "telegram-log-chat-id",
        },
        ["realtime"] = new()
        {
            ["ConnectionPasswords__redis"] = "redis-password",
            ["Jwt__SigningKey"] = "jwt-signing-key",
        },
        ["web"] = [],
    };

    private static readonly string[] Optional = ["bootstrap-admin-email", "bootstrap-admin-password", "yookassa-shop-id", "yookassa-secret-key",
        "smtp-host", "smtp-from", "smtp-username", "smtp-password", "public-url", "vapid-public-key", "vapid-private-key", "vapid-subject",
        "telegram-bot-token", "telegram-bot-username", "telegram-webhook-secret", "telegram-webhook-url",
        "telegram-admin-chat-id", "telegram-log-chat-id"];

    [Fact]
    public async Task Compose_mounts_each_secret_file_only_into_the_services_that_need_it_and_no_environment_names_a_secret()
    {
        var compose = (await Tool.ReadYamlAsync(Path.Combine(Tool.Root, "deploy", "compose", "docker-compose.yaml"))).Single();
        var declared = compose.GetProperty("secrets").EnumerateObject().ToDictionary(s => s.Name, s => s.Value.GetProperty("file").GetString());
        Assert.Equal(Needed.Values.SelectMany(n => n.Values).Distinct().Order(StringComparer.Ordinal), declared.Keys.Order(StringComparer.Ordinal));
        Assert.All(declared, d => Assert.Equal($"./secrets/{d.Key}", d.Value));

        foreach (var service in Projects)
        {
            var definition = compose.GetProperty("services").GetProperty(service);
            var mounted = definition.TryGetProperty("secrets", out var secrets)
                ? secrets.EnumerateArray().ToDictionary(s => s.GetProperty("target").GetString()!, s => s.GetProperty("source").GetString()!)
                : [];
            Assert.Equal(Needed[service].OrderBy(n => n.Key, StringComparer.Ordinal), mounted.OrderBy(m => m.Key, StringComparer.Ordinal));

            foreach (var (name, value) in definition.GetProperty("environment").EnumerateObject().Select(e => (e.Name, e.Value.GetString()!)))
            {
                foreach (var secret in declared.Keys.Select(Variable))
                {
                    Assert.DoesNotContain("${" + secret, value, StringComparison.Ordinal);
                }

                Assert.DoesNotMatch("(?i)password=", value);
                Assert.False(Needed["api"].ContainsKey(name), $"{service} still has {name} in its environment");
            }
        }
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task Kubernetes_mounts_each_key_read_only_only_into_the_containers_that_need_it_and_no_env_refers_to_a_secret(string overlay)
    {
        var rendered = await RenderedOverlay.GetAsync(overlay);
        foreach (var service in Projects)
        {
            var pod = rendered.Single("Deployment", service).GetProperty("spec").GetProperty("template").GetProperty("spec");
            var container = pod.GetProperty("containers")[0];
            Assert.False(container.TryGetProperty("env", out _), $"{service} has env variables");

            var files = Files(pod);
            var expected = Needed[service]
                .Select(n => overlay == "prod" && n.Key.StartsWith("ConnectionPasswords__", StringComparison.Ordinal)
                    ? KeyValuePair.Create(n.Key.Replace("ConnectionPasswords__", "ConnectionStrings__", StringComparison.Ordinal), n.Key["ConnectionPasswords__".Length..])
                    : n)
                .OrderBy(n => n.Key, StringComparer.Ordinal);
            Assert.Equal(expected, files.Select(f => KeyValuePair.Create(f.Key, f.Value.Key)).OrderBy(f => f.Key, StringComparer.Ordinal));
            foreach (var (path, file) in files)
            {
                Assert.Equal(Optional.Contains(file.Key), file.Optional);
                Assert.StartsWith(path.StartsWith("ConnectionStrings__", StringComparison.Ordinal) ? "thebot-connection-strings-" : "thebot-secrets-", file.Secret, StringComparison.Ordinal);
            }

            if (files.Count == 0)
            {
                continue;
            }

            var mount = container.GetProperty("volumeMounts").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "secrets");
            Assert.Equal("/run/secrets", mount.GetProperty("mountPath").GetString());
            Assert.True(mount.GetProperty("readOnly").GetBoolean());
            var volume = pod.GetProperty("volumes").EnumerateArray().Single(v => v.GetProperty("name").GetString() == "secrets");
            Assert.Equal(0x120, volume.GetProperty("projected").GetProperty("defaultMode").GetInt32()); // 0440: owner and group read
            Assert.Equal(pod.GetProperty("securityContext").GetProperty("runAsGroup").GetInt32(), pod.GetProperty("securityContext").GetProperty("fsGroup").GetInt32());
        }
    }

    /// <summary>The files of a pod's <c>secrets</c> volume: path to the Secret, key and whether it may be missing.</summary>
    internal static Dictionary<string, (string Secret, string Key, bool Optional)> Files(JsonElement podSpec)
    {
        var files = new Dictionary<string, (string, string, bool)>(StringComparer.Ordinal);
        var volume = podSpec.GetProperty("volumes").EnumerateArray().SingleOrDefault(v => v.GetProperty("name").GetString() == "secrets");
        if (volume.ValueKind == JsonValueKind.Undefined)
        {
            return files;
        }

        foreach (var source in volume.GetProperty("projected").GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("secret")))
        {
            var optional = source.TryGetProperty("optional", out var o) && o.GetBoolean();
            foreach (var item in source.GetProperty("items").EnumerateArray())
            {
                files.Add(item.GetProperty("path").GetString()!, (source.GetProperty("name").GetString()!, item.GetProperty("key").GetString()!, optional));
            }
        }

        return files;
    }

    private static string Variable(string parameter) => parameter.Replace('-', '_').ToUpperInvariant();
}
