using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TheBot.ServiceDefaults.Authentication;

namespace TheBot.Tests.Fixtures;

/// <summary>
/// Access tokens as api issues them but with a lifetime of the test's choosing: the same claims (user,
/// session, role) re-signed with the run's key. The shared app issues 15-minute tokens; a test that must
/// see what happens when one expires cannot wait that long, nor change the lifetime every other test uses.
/// </summary>
public static class AccessTokens
{
    private static readonly HashSet<string> TimeClaims = ["exp", "iat", "nbf", "jti"];

    public static string Reissue(TestAppHost host, string accessToken, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(host);
        var original = new JsonWebToken(accessToken);
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = original.Issuer,
            Audience = original.Audiences.Single(),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(
                JwtAuthenticationExtensions.CreateSigningKey(new JwtOptions { SigningKey = host.Secrets.JwtSigningKey }), SecurityAlgorithms.HmacSha256),
            Subject = new ClaimsIdentity(original.Claims
                .Where(c => !TimeClaims.Contains(c.Type) && c.Type is not ("iss" or "aud"))
                .Append(new Claim(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString()))),
        });
    }

    /// <summary>The session id (<c>sid</c>) a token carries.</summary>
    public static Guid SessionOf(string accessToken) =>
        Guid.Parse(new JsonWebToken(accessToken).GetClaim(TheBotClaims.SessionId).Value);
}
