using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using TheBot.ServiceDefaults.Authentication;

namespace TheBot.Api.Features.Notifications.Delivery;

/// <summary>
/// Signed one-click unsubscribe tokens: <c>{userId}.{type}.{channel}.{HMAC}</c>, the HMAC-SHA256 keyed by a key
/// derived from the JWT signing key (every replica has it; a new key voids old links). They do not expire: a
/// link in an old e-mail still works, and all it can do is switch one type of e-mail off for one user.
/// </summary>
public sealed class UnsubscribeTokens(IOptions<JwtOptions> jwt)
{
    private readonly byte[] _key = HKDF.DeriveKey(
        HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(jwt.Value.SigningKey), 32, info: "thebot unsubscribe"u8.ToArray());

    public string Create(Guid userId, string channel, string type)
    {
        var payload = string.Create(CultureInfo.InvariantCulture, $"{userId:N}.{type}.{channel}");
        return payload + "." + Base64Url.EncodeToString(Mac(payload));
    }

    public bool TryRead(string? token, out UnsubscribeRequest request)
    {
        request = default!;
        var parts = token?.Split('.') ?? [];
        if (parts.Length != 4 || !Guid.TryParseExact(parts[0], "N", out var userId) || parts[1].Length is 0 or > 40 || parts[2].Length is 0 or > 20)
        {
            return false;
        }

        byte[] mac;
        try
        {
            mac = Base64Url.DecodeFromChars(parts[3]);
        }
        catch (FormatException)
        {
            return false;
        }

        if (!CryptographicOperations.FixedTimeEquals(mac, Mac($"{parts[0]}.{parts[1]}.{parts[2]}")))
        {
            return false;
        }

        request = new UnsubscribeRequest(userId, parts[2], parts[1]);
        return true;
    }

    private byte[] Mac(string payload) => HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(payload));
}

public sealed record UnsubscribeRequest(Guid UserId, string Channel, string Type);
