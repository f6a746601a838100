using System.Buffers.Text;
using System.Security.Cryptography;

namespace TheBot.Api.Features.Push;

/// <summary>What a subscription must be before the server will send to it (RFC 8030 endpoint, RFC 8291 keys).</summary>
public static class PushSubscriptionRules
{
    public const int MaxEndpointLength = 2048;

    /// <summary>The problems with a subscription by field (camelCase), empty when it may be stored.</summary>
    public static Dictionary<string, string[]> Check(PushSubscriptionRequest request, PushOptions options)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        var errors = new Dictionary<string, string[]>();
        if (!IsAllowedEndpoint(request.Endpoint, options))
        {
            errors["endpoint"] = ["The endpoint must be an absolute https address of a push service (no user name or password in it)."];
        }

        if (!IsBrowserKey(request.P256dh))
        {
            errors["p256dh"] = ["p256dh must be the browser's P-256 public key: 65 bytes (an uncompressed point), base64url."];
        }

        if (Decode(request.Auth) is not { Length: 16 })
        {
            errors["auth"] = ["auth must be the browser's 16-byte authentication secret, base64url."];
        }

        return errors;
    }

    private static bool IsAllowedEndpoint(string? endpoint, PushOptions options)
    {
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.UserInfo.Length > 0 || uri.IsFile)
        {
            return false;
        }

        return uri.Scheme == Uri.UriSchemeHttps
            || (uri.Scheme == Uri.UriSchemeHttp && options.InsecureEndpointHosts.Contains(uri.Host, StringComparer.OrdinalIgnoreCase));
    }

    private static bool IsBrowserKey(string? value)
    {
        if (Decode(value) is not { Length: 65 } point || point[0] != 0x04)
        {
            return false;
        }

        try
        {
            using var key = ECDiffieHellman.Create(new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256,
                Q = new ECPoint { X = point[1..33], Y = point[33..] },
            });
            return true;
        }
        catch (CryptographicException)
        {
            // Not a point on the curve.
            return false;
        }
    }

    private static byte[]? Decode(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        try
        {
            // Browsers give base64url without padding; some libraries pad it.
            return Base64Url.DecodeFromChars(value.Trim().TrimEnd('=').AsSpan());
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
