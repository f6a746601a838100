using System.Security.Claims;
using TheBot.ServiceDefaults.Authentication;

namespace TheBot.Api.Platform.Auth;

/// <summary>The caller's claims, for code that has only the principal (prefer <see cref="CurrentUser"/> in handlers).</summary>
public static class CallerClaims
{
    public static Guid GetUserId(this ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return Guid.TryParse(principal.FindFirstValue(TheBotClaims.UserId), out var id)
            ? id
            : throw new InvalidOperationException("The caller is not signed in.");
    }

    public static Guid GetSessionId(this ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return Guid.TryParse(principal.FindFirstValue(TheBotClaims.SessionId), out var id)
            ? id
            : throw new InvalidOperationException("The caller is not signed in.");
    }

    public static UserRole GetRole(this ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return UserRoleNames.TryParse(principal.FindFirstValue(TheBotClaims.Role), out var role)
            ? role
            : throw new InvalidOperationException("The caller has no role.");
    }

    public static bool IsAdmin(this ClaimsPrincipal principal) => principal.GetRole() == UserRole.Admin;
}
