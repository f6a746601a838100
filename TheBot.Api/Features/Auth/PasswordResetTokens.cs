using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using TheBot.ServiceDefaults.Authentication;

namespace TheBot.Api.Features.Auth;

/// <summary>
/// Reset-link tokens: <c>{requestId:N}.{secret}</c>, the secret an HMAC-SHA256 of the request id under a key derived
/// from the JWT signing key. The database keeps only the secret's SHA-256 (a copy of it opens nothing), yet the mailer
/// can build the link again for a retry after a restart; a new signing key voids open links.
/// </summary>
public sealed class PasswordResetTokens(IOptions<JwtOptions> jwt)
{
    private readonly byte[] _key = HKDF.DeriveKey(
        HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(jwt.Value.SigningKey), 32, info: "thebot password reset"u8.ToArray());

    /// <summary>The token e-mailed for the request.</summary>
    public string Create(Guid requestId) => $"{requestId:N}.{Secret(requestId)}";

    /// <summary>What is stored for the request.</summary>
    public byte[] HashFor(Guid requestId) => Hash(Secret(requestId));

    /// <summary>The request a token names and its secret's hash; false when it is not shaped like one.</summary>
    public static bool TryRead(string? token, out Guid requestId, out byte[] secretHash)
    {
        requestId = default;
        secretHash = [];
        if (string.IsNullOrEmpty(token) || token.Length > 128)
        {
            return false;
        }

        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot != 32 || dot == token.Length - 1 || !Guid.TryParseExact(token.AsSpan(0, dot), "N", out requestId))
        {
            return false;
        }

        secretHash = Hash(token[(dot + 1)..]);
        return true;
    }

    private string Secret(Guid requestId) => Base64Url.EncodeToString(HMACSHA256.HashData(_key, requestId.ToByteArray()));

    private static byte[] Hash(string secret) => SHA256.HashData(Encoding.ASCII.GetBytes(secret));
}
