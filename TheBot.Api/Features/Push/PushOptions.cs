using System.Buffers.Text;
using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;

namespace TheBot.Api.Features.Push;

/// <summary>
/// The <c>Push</c> section: the VAPID key pair and contact that identify this server to the browsers' push services.
/// Without <see cref="VapidPublicKey"/> Web Push is off (no public key, no outbox rows). Checked at startup when set.
/// </summary>
public sealed class PushOptions : IValidatableObject
{
    public const string SectionName = "Push";

    /// <summary>The VAPID public key: an uncompressed P-256 point (65 bytes), base64url — what browsers subscribe with.</summary>
    public string? VapidPublicKey { get; set; }

    /// <summary>The VAPID private key: the P-256 scalar (32 bytes), base64url. A secret.</summary>
    public string? VapidPrivateKey { get; set; }

    /// <summary>Who runs this server, for the push services: <c>mailto:ops@example.org</c> or an https address.</summary>
    public string? VapidSubject { get; set; }

    /// <summary>Subscriptions kept per user (devices and browsers); a new one beyond this replaces the least recently renewed.</summary>
    [Range(1, 100)]
    public int MaxSubscriptionsPerUser { get; set; } = 10;

    /// <summary>How long one request to a push service may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a push service keeps a message for a device that is offline.</summary>
    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// Hosts whose push endpoints may be plain http (a local fake push service in tests). Empty in production:
    /// every endpoint must be https.
    /// </summary>
    public string[] InsecureEndpointHosts { get; set; } = [];

    public bool Enabled => !string.IsNullOrWhiteSpace(VapidPublicKey);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var any = !string.IsNullOrWhiteSpace(VapidPublicKey) || !string.IsNullOrWhiteSpace(VapidPrivateKey) || !string.IsNullOrWhiteSpace(VapidSubject);
        if (!any)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(VapidPublicKey) || string.IsNullOrWhiteSpace(VapidPrivateKey) || string.IsNullOrWhiteSpace(VapidSubject))
        {
            yield return new ValidationResult(
                "Give all of Push:VapidPublicKey, Push:VapidPrivateKey and Push:VapidSubject, or none (no Web Push).",
                [nameof(VapidPublicKey), nameof(VapidPrivateKey), nameof(VapidSubject)]);
            yield break;
        }

        if (!VapidKeys.TryPublicKeyOf(VapidPrivateKey, out var derived))
        {
            yield return new ValidationResult("Push:VapidPrivateKey must be a P-256 private key (32 bytes, base64url).", [nameof(VapidPrivateKey)]);
        }
        else if (!string.Equals(derived, VapidPublicKey.Trim(), StringComparison.Ordinal))
        {
            yield return new ValidationResult("Push:VapidPublicKey is not the public half of Push:VapidPrivateKey.", [nameof(VapidPublicKey)]);
        }

        if (!VapidSubject.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)
            && !(Uri.TryCreate(VapidSubject, UriKind.Absolute, out var subject) && subject.Scheme == Uri.UriSchemeHttps))
        {
            yield return new ValidationResult("Push:VapidSubject must be a mailto: or https: address.", [nameof(VapidSubject)]);
        }

        if (Timeout <= TimeSpan.Zero || TimeToLive < TimeSpan.Zero)
        {
            yield return new ValidationResult("Push:Timeout must be positive and Push:TimeToLive not negative.", [nameof(Timeout)]);
        }
    }
}

/// <summary>VAPID (RFC 8292) key pairs: P-256, the public key as an uncompressed point, both base64url.</summary>
public static class VapidKeys
{
    /// <summary>A new key pair (the AppHost makes one for development; operators may use any VAPID generator).</summary>
    public static (string PublicKey, string PrivateKey) Create()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var parameters = key.ExportParameters(includePrivateParameters: true);
        return (Base64Url.EncodeToString(Uncompressed(parameters.Q)), Base64Url.EncodeToString(parameters.D!));
    }

    /// <summary>The public key that belongs to <paramref name="privateKey"/>, or false when it is no P-256 private key.</summary>
    public static bool TryPublicKeyOf(string? privateKey, out string publicKey)
    {
        publicKey = "";
        try
        {
            var d = Base64Url.DecodeFromChars(privateKey.AsSpan().Trim());
            if (d.Length != 32)
            {
                return false;
            }

            using var key = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, D = d });
            publicKey = Base64Url.EncodeToString(Uncompressed(key.ExportParameters(includePrivateParameters: false).Q));
            return true;
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException)
        {
            return false;
        }
    }

    private static byte[] Uncompressed(ECPoint q) => [0x04, .. q.X!, .. q.Y!];
}
