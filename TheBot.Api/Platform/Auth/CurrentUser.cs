using System.Security.Claims;
using TheBot.ServiceDefaults.Authentication;

namespace TheBot.Api.Platform.Auth;

/// <summary>
/// The signed-in caller as the access token (refreshed against the database) describes them, read once per
/// request. Handlers of signed-in endpoints take it as a parameter (a scoped service, so it never shows in the
/// OpenAPI document): <c>(Guid id, CurrentUser caller, …)</c>.
/// </summary>
public sealed record CurrentUser(Guid Id, UserRole Role, Guid SessionId)
{
    public bool IsAdmin => Role == UserRole.Admin;

    /// <summary>The caller of a signed-in request; anonymous requests have none (a mistake in the endpoint's access declaration).</summary>
    public static CurrentUser From(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return Guid.TryParse(principal.FindFirstValue(TheBotClaims.UserId), out var id)
            && Guid.TryParse(principal.FindFirstValue(TheBotClaims.SessionId), out var sessionId)
            && UserRoleNames.TryParse(principal.FindFirstValue(TheBotClaims.Role), out var role)
                ? new CurrentUser(id, role, sessionId)
                : throw new InvalidOperationException("The caller is not signed in.");
    }
}

public static class CurrentUserRegistration
{
    /// <summary>The caller of the current request as a scoped service, read from its claims when a handler first asks.</summary>
    public static IServiceCollection AddCurrentUser(this IServiceCollection services) =>
        services.AddHttpContextAccessor().AddScoped(sp => CurrentUser.From(
            sp.GetRequiredService<IHttpContextAccessor>().HttpContext?.User ?? throw new InvalidOperationException("There is no request.")));
}
