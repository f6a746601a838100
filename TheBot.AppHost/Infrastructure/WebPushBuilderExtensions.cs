using System.Buffers.Text;
using System.Security.Cryptography;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Publishing;
using TheBot.AppHost.Deployment;

namespace TheBot.AppHost.Infrastructure;

/// <summary>
/// api's Web Push keys. When run, the parameters <c>vapid-public-key</c>, <c>vapid-private-key</c> (secret) and
/// <c>vapid-subject</c> if set; otherwise a key pair made once and kept in the AppHost's user secrets, so browsers'
/// subscriptions survive restarts. <c>Infrastructure:DevelopmentPush=false</c> leaves Web Push off (the test hosts,
/// whose fixtures bring their own keys). Deployments get the three as optional parameters (empty: no Web Push) and a
/// route out on 443 to the browsers' push services.
/// </summary>
public static class WebPushBuilderExtensions
{
    public static IResourceBuilder<ProjectResource> WithWebPush(this IResourceBuilder<ProjectResource> api, IDistributedApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.ExecutionContext.IsPublishMode)
        {
            return api
                .WithEnvironment("Push__VapidPublicKey", builder.AddParameter("vapid-public-key", "", publishValueAsDefault: true)
                    .WithDescription("The VAPID public key for Web Push (base64url, 65 bytes); empty: no Web Push").OptionalWhenDeployed())
                .WithEnvironment("Push__VapidPrivateKey", builder.AddParameter("vapid-private-key", secret: true)
                    .WithDescription("The VAPID private key for Web Push (base64url, 32 bytes); empty: no Web Push").OptionalWhenDeployed())
                .WithEnvironment("Push__VapidSubject", builder.AddParameter("vapid-subject", "", publishValueAsDefault: true)
                    .WithDescription("Who runs this site, for the push services: mailto:ops@example.org or https://... (required with the keys)").OptionalWhenDeployed())
                .WithExternalEgress(443, "the browsers' push services (Web Push)");
        }

        var configured = !string.IsNullOrWhiteSpace(builder.Configuration["Parameters:vapid-public-key"]);
        if (!configured && string.Equals(builder.Configuration["Infrastructure:DevelopmentPush"], "false", StringComparison.OrdinalIgnoreCase))
        {
            return api;
        }

        var pair = new Lazy<(string Public, string Private)>(CreateKeyPair);
        return api
            .WithEnvironment("Push__VapidPublicKey", builder.AddParameter("vapid-public-key", new VapidKeyDefault(() => pair.Value.Public), persist: true)
                .WithDescription("The VAPID public key for Web Push"))
            .WithEnvironment("Push__VapidPrivateKey", builder.AddParameter("vapid-private-key", new VapidKeyDefault(() => pair.Value.Private), secret: true, persist: true)
                .WithDescription("The VAPID private key for Web Push"))
            .WithEnvironment("Push__VapidSubject", builder.AddParameter("vapid-subject", builder.Configuration["Parameters:vapid-subject"] ?? "mailto:developer@localhost.test")
                .WithDescription("Who runs this site, for the push services"));
    }

    /// <summary>A P-256 key pair as VAPID wants it: the public key an uncompressed point, both base64url.</summary>
    public static (string Public, string Private) CreateKeyPair()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var parameters = key.ExportParameters(includePrivateParameters: true);
        return (Base64Url.EncodeToString([0x04, .. parameters.Q.X!, .. parameters.Q.Y!]), Base64Url.EncodeToString(parameters.D!));
    }

    /// <summary>One half of a key pair made on first run (both halves come from the same pair, and both are then kept).</summary>
    private sealed class VapidKeyDefault(Func<string> value) : ParameterDefault
    {
        public override string GetDefaultValue() => value();

        // Only used when run: deployments take the keys as operator parameters.
        public override void WriteToManifest(ManifestPublishingContext context) =>
            throw new NotSupportedException("The development VAPID keys are not published.");
    }
}
