using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TheBot.ServiceDefaults.Authentication;

namespace TheBot.Bench;

/// <summary>
/// Signs access tokens with the key the services were started with, for seeded users and their seeded
/// sessions — thousands of sign-ins (each a deliberate 210,000-round PBKDF2) would measure the hasher.
/// </summary>
internal sealed class TokenMinter(string signingKey)
{
    private readonly JsonWebTokenHandler _handler = new();
    private readonly JwtOptions _options = new() { SigningKey = signingKey };

    public string Mint(Guid userId, Guid sessionId, string role)
    {
        var credentials = new SigningCredentials(JwtAuthenticationExtensions.CreateSigningKey(_options), SecurityAlgorithms.HmacSha256);
        var now = DateTime.UtcNow;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = _options.Issuer,
            Audience = _options.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(2),
            SigningCredentials = credentials,
            Subject = new ClaimsIdentity(
            [
                new Claim(TheBotClaims.UserId, userId.ToString()),
                new Claim(TheBotClaims.SessionId, sessionId.ToString()),
                new Claim(TheBotClaims.Name, "Bench user"),
                new Claim(TheBotClaims.Email, $"bench-{userId:N}@bench.thebot.local"),
                new Claim(TheBotClaims.Role, role),
                new Claim(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString()),
            ]),
        });
    }
}
