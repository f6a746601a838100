
namespace TheBot.Api.Platform.Auth;

/// <summary>
/// Who may call an endpoint, declared explicitly on every endpoint. Besides enforcing it, the
/// declaration is published in the OpenAPI document (<c>x-access</c>) and the authorization matrix
/// test is built from it: an endpoint without one fails the suite.
/// </summary>
public sealed record EndpointAccess(bool Anonymous, IReadOnlyList<UserRole> Roles)
{
    public static readonly IReadOnlyList<UserRole> AllRoles = Enum.GetValues<UserRole>();
}

public static class EndpointAccessExtensions
{
    /// <summary>Anyone, signed in or not (sign-in, public sign-up, health).</summary>
    public static TBuilder AllowAnyone<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AllowAnonymous().WithMetadata(new EndpointAccess(Anonymous: true, EndpointAccess.AllRoles));

    /// <summary>Any signed-in user, whatever the role.</summary>
    public static TBuilder RequireSignedIn<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization().WithMetadata(new EndpointAccess(Anonymous: false, EndpointAccess.AllRoles));

    /// <summary>Signed-in users whose current role is one of <paramref name="roles"/>.</summary>
    public static TBuilder RequireRoles<TBuilder>(this TBuilder builder, params UserRole[] roles) where TBuilder : IEndpointConventionBuilder
    {
        ArgumentOutOfRangeException.ThrowIfZero(roles.Length);
        var names = roles.Select(r => r.ToName()).ToArray();
        return builder
            .RequireAuthorization(policy => policy.RequireAuthenticatedUser().RequireRole(names))
            .WithMetadata(new EndpointAccess(Anonymous: false, roles));
    }
}
