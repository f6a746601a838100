using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using TheBot.ServiceDefaults.Authentication;

namespace TheBot.Api.Features.Applications;

/// <summary>
/// The initial password of an account an approval created: an HMAC-SHA256 of its welcome e-mail's id under a key
/// derived from the JWT signing key, written like <see cref="Users.InitialPassword"/> (four groups of four, no
/// look-alike characters). The admin sees it once and the mailer derives it again for the e-mail, even after a
/// restart, so it is never stored; whoever holds the signing key could sign in as anyone already.
/// </summary>
public sealed class FamilyPasswords(IOptions<JwtOptions> jwt)
{
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private readonly byte[] _key = HKDF.DeriveKey(
        HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(jwt.Value.SigningKey), 32, info: "thebot family initial password"u8.ToArray());

    public string For(Guid welcomeMailId)
    {
        var mac = HMACSHA256.HashData(_key, welcomeMailId.ToByteArray());
        var password = new StringBuilder(19);
        for (var i = 0; i < 16; i++)
        {
            if (i > 0 && i % 4 == 0)
            {
                password.Append('-');
            }

            // Two bytes per character keep the modulo's bias below 0.1 %.
            password.Append(Alphabet[((mac[i * 2] << 8) | mac[(i * 2) + 1]) % Alphabet.Length]);
        }

        return password.ToString();
    }
}
