using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Platform.Auth;
using TheBot.ServiceDefaults.Authentication;

namespace TheBot.Api.Features.Auth;

/// <summary>
/// After the token's signature and lifetime check: the session must still be open and the user
/// active, and the role claim is replaced by the user's current role, so that a demoted admin
/// loses admin rights on the next request, not when the token expires.
/// </summary>
public sealed class SessionCheckingJwtEvents(SessionAccessCache cache, TimeProvider clock) : TheBotJwtBearerEvents
{
    private static readonly Func<TheBotDbContext, Guid, CancellationToken, Task<SessionAccess?>> LoadQuery =
        EF.CompileAsyncQuery((TheBotDbContext db, Guid sessionId, CancellationToken _) =>
            db.AuthSessions
                .Where(s => s.Id == sessionId)
                .Select(s => new SessionAccess(s.UserId, s.User!.Role, s.User.IsActive && s.RevokedAt == null, s.ExpiresAt))
                .FirstOrDefault());

    public override async Task TokenValidated(TokenValidatedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        var principal = context.Principal;
        if (principal?.Identity is not ClaimsIdentity identity
            || !Guid.TryParse(principal.FindFirstValue(TheBotClaims.SessionId), out var sessionId)
            || !Guid.TryParse(principal.FindFirstValue(TheBotClaims.UserId), out var userId))
        {
            context.Fail("The token has no session.");
            return;
        }

        var db = context.HttpContext.RequestServices.GetRequiredService<TheBotDbContext>();
        var access = await cache.GetAsync(sessionId, (id, ct) => LoadQuery(db, id, ct), context.HttpContext.RequestAborted);
        if (access is null || !access.IsOpen || access.UserId != userId || access.ExpiresAt <= clock.GetUtcNow())
        {
            context.Fail("The session has ended.");
            return;
        }

        foreach (var role in identity.FindAll(TheBotClaims.Role).ToList())
        {
            identity.RemoveClaim(role);
        }

        identity.AddClaim(new Claim(TheBotClaims.Role, access.Role.ToName()));
    }
}
