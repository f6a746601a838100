using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace TheBot.Api.Features.Auth;

/// <summary>
/// A refresh token as the client holds it: <c>{sessionId:N}.{secret}</c>. The session id finds the
/// row; the secret's SHA-256 is compared in constant time.
/// </summary>
public readonly record struct RefreshToken(Guid SessionId, string Secret)
{
    private const int SecretBytes = 32;

    public static RefreshToken Create(Guid sessionId) =>
        new(sessionId, Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes)));

    public static bool TryParse(string? value, out RefreshToken token)
    {
        token = default;
        if (string.IsNullOrEmpty(value) || value.Length > 128)
        {
            return false;
        }

        var dot = value.IndexOf('.', StringComparison.Ordinal);
        if (dot != 32 || !Guid.TryParseExact(value.AsSpan(0, dot), "N", out var sessionId))
        {
            return false;
        }

        token = new RefreshToken(sessionId, value[(dot + 1)..]);
        return token.Secret.Length > 0;
    }

    public byte[] Hash() => SHA256.HashData(Encoding.ASCII.GetBytes(Secret));

    /// <summary>
    /// The token that follows this one: derived with a server key, so that a refresh racing another
    /// (two tabs, one cookie) is answered with the same next token instead of looking like theft.
    /// </summary>
    public RefreshToken Next(byte[] rotationKey)
    {
        Span<byte> input = stackalloc byte[16 + 64];
        SessionId.TryWriteBytes(input);
        var length = 16 + Encoding.ASCII.GetBytes(Secret.AsSpan(0, Math.Min(Secret.Length, 64)), input[16..]);
        return new RefreshToken(SessionId, Base64Url.EncodeToString(HMACSHA256.HashData(rotationKey, input[..length])));
    }

    public static bool Matches(byte[]? storedHash, byte[] presentedHash) =>
        storedHash is not null && CryptographicOperations.FixedTimeEquals(storedHash, presentedHash);

    public override string ToString() => $"{SessionId:N}.{Secret}";
}
