using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Auth;
using TheBot.ServiceDefaults.Authentication;

namespace TheBot.Api.Features.Auth;

/// <summary>Signs the short-lived access tokens api and realtime accept.</summary>
public sealed class AccessTokenIssuer(IOptions<JwtOptions> options, TimeProvider clock)
{
    private readonly JsonWebTokenHandler _handler = new();
    private readonly SigningCredentials _credentials =
        new(JwtAuthenticationExtensions.CreateSigningKey(options.Value), SecurityAlgorithms.HmacSha256);

    /// <summary>A token for the session, expiring after the configured lifetime or when the session does, whichever is first.</summary>
    public AccessToken Issue(User user, Guid sessionId, DateTimeOffset sessionExpiresAt)
    {
        ArgumentNullException.ThrowIfNull(user);

        var now = clock.GetUtcNow();
        var expiresAt = now + options.Value.AccessTokenLifetime;
        if (sessionExpiresAt < expiresAt)
        {
            expiresAt = sessionExpiresAt;
        }

        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Value.Issuer,
            Audience = options.Value.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expiresAt.UtcDateTime,
            SigningCredentials = _credentials,
            Subject = new ClaimsIdentity(
            [
                new Claim(TheBotClaims.UserId, user.Id.ToString()),
                new Claim(TheBotClaims.SessionId, sessionId.ToString()),
                new Claim(TheBotClaims.Name, user.FullName),
                new Claim(TheBotClaims.Email, user.Email ?? string.Empty),
                new Claim(TheBotClaims.Role, user.Role.ToName()),
                new Claim(JwtRegisteredClaimNames.Jti, Guid.CreateVersion7().ToString()),
            ]),
        });

        return new AccessToken(token, expiresAt);
    }
}

public sealed record AccessToken(string Value, DateTimeOffset ExpiresAt);
