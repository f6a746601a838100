using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using StackExchange.Redis;
using TheBot.ServiceDefaults.Authentication;

namespace TheBot.Realtime.Sessions;

/// <summary>
/// After the token's signature and lifetime check: the token must name a user and a session, and neither
/// may have ended (revoked session, deactivated user). A refused negotiate or WebSocket upgrade is a 401
/// like any other bad token.
/// </summary>
public sealed partial class SessionCheckingJwtEvents(SessionRevocations revocations, ILogger<SessionCheckingJwtEvents> logger) : TheBotJwtBearerEvents
{
    public override async Task TokenValidated(TokenValidatedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        var principal = context.Principal;
        if (!Guid.TryParse(principal?.FindFirstValue(TheBotClaims.SessionId), out var sessionId)
            || !Guid.TryParse(principal?.FindFirstValue(TheBotClaims.UserId), out var userId))
        {
            context.Fail("The token has no session.");
            return;
        }

        try
        {
            if (await revocations.HasEndedAsync(sessionId, userId))
            {
                LogRefused(userId, sessionId);
                context.Fail("The session has ended.");
                return;
            }
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // Without Redis nothing realtime does works either; refuse rather than admit an unchecked token.
            LogCheckFailed(ex, userId);
            context.Fail("The session could not be checked.");
            return;
        }

        // A connection holds its principal for as long as it is open: keep only the claims realtime reads,
        // not the parsed token, its claim sets and every claim of it (~3 KB per connection; docs/benchmarks.md,
        // "Idle connections (issue #17)").
        context.Principal = Slim(principal!);
    }

    private static readonly string[] KeptClaims = [TheBotClaims.UserId, TheBotClaims.SessionId, TheBotClaims.Role];

    private static ClaimsPrincipal Slim(ClaimsPrincipal principal)
    {
        var identity = new ClaimsIdentity(principal.Identity?.AuthenticationType, TheBotClaims.Name, TheBotClaims.Role);
        foreach (var type in KeptClaims)
        {
            if (principal.FindFirstValue(type) is { } value)
            {
                identity.AddClaim(new Claim(type, value));
            }
        }

        return new ClaimsPrincipal(identity);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a connection of user {UserId}: session {SessionId} has ended or the user was deactivated")]
    private partial void LogRefused(Guid userId, Guid sessionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not check the session of user {UserId}; connection refused")]
    private partial void LogCheckFailed(Exception exception, Guid userId);
}
