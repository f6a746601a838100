using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Auth;
using TheBot.Api.Platform.Errors;
using TheBot.Api.Platform.RateLimiting;

namespace TheBot.Api.Features.Auth;

public static class AuthApi
{
    private const string BadCredentials = "The email or password is incorrect.";

    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Auth");

        auth.MapPost("/login", LoginAsync).AllowAnyone()
            .WithName("Login").WithSummary("Sign in with email and password; sets the refresh cookie")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);
        auth.MapPost("/refresh", RefreshAsync).AllowAnyone().RequireSameOriginBrowser()
            .WithName("RefreshSession").WithSummary("Trade the refresh cookie for a new access token (the cookie rotates)")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        auth.MapPost("/logout", LogoutAsync).AllowAnyone().RequireSameOriginBrowser()
            .WithName("Logout").WithSummary("End this device's session");
        auth.MapPost("/logout-all", LogoutAllAsync).RequireSignedIn()
            .WithName("LogoutAll").WithSummary("End every session of the signed-in user, on every device");
        auth.MapGet("/me", GetMeAsync).RequireSignedIn()
            .WithName("GetMe").WithSummary("The signed-in user's profile");
        auth.MapPatch("/me", UpdateMeAsync).RequireSignedIn()
            .WithName("UpdateMe").WithSummary("Change own name, phone, time zone or language");
        auth.MapPost("/change-password", ChangePasswordAsync).RequireSignedIn()
            .WithName("ChangePassword").WithSummary("Change own password; ends the other sessions")
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        auth.MapGet("/sessions", ListSessionsAsync).RequireSignedIn()
            .WithName("ListSessions").WithSummary("My signed-in devices");
        auth.MapDelete("/sessions/{id:guid}", DeleteSessionAsync).RequireSignedIn()
            .WithName("DeleteSession").WithSummary("Sign one of my devices out");

        return api;
    }

    private static async Task<Results<Ok<LoginResponse>, ProblemHttpResult, TooManyRequestsResult>> LoginAsync(
        LoginRequest request, HttpContext http, SignInService signIn, AuthSessionStore sessions, AccessTokenIssuer tokens, CancellationToken ct)
    {
        var result = await signIn.SignInAsync(request.Email, request.Password, http.GetClientNetwork(), ct);
        if (result.RetryAfter is { } wait)
        {
            return ApiProblems.TooManyRequests(wait, "Too many sign-in attempts. Try again later.");
        }

        if (result.User is not { } user)
        {
            return ApiProblems.Unauthorized(BadCredentials);
        }

        var started = await sessions.StartAsync(user, http.Request.Headers.UserAgent.ToString(), http.GetClientIp(), ct);
        RefreshCookie.Write(http, started.Token, started.ExpiresAt);
        return TypedResults.Ok(Respond(user, tokens.Issue(user, started.Token.SessionId, started.ExpiresAt)));
    }

    private static async Task<Results<Ok<LoginResponse>, ProblemHttpResult>> RefreshAsync(
        HttpContext http, AuthSessionStore sessions, AccessTokenIssuer tokens, CancellationToken ct)
    {
        if (!RefreshCookie.TryRead(http, out var presented))
        {
            return ApiProblems.Unauthorized("There is no session to refresh; sign in.");
        }

        var outcome = await sessions.RefreshAsync(presented, http.GetClientIp(), ct);
        if (outcome is not { Kind: RefreshOutcomeKind.Rotated, User: { } user, Session: { } session, Token: { } next })
        {
            RefreshCookie.Clear(http);
            return ApiProblems.Unauthorized(outcome.Kind == RefreshOutcomeKind.ReuseDetected
                ? "This session was ended because its refresh token was used twice; sign in again."
                : "The session has ended; sign in again.");
        }

        RefreshCookie.Write(http, next, session.ExpiresAt);
        return TypedResults.Ok(Respond(user, tokens.Issue(user, session.Id, session.ExpiresAt)));
    }

    private static async Task<NoContent> LogoutAsync(HttpContext http, AuthSessionStore sessions, CancellationToken ct)
    {
        if (RefreshCookie.TryRead(http, out var presented))
        {
            var userId = await sessions.FindUserAsync(presented, ct);
            if (userId is { } id)
            {
                await sessions.RevokeAsync(id, presented.SessionId, "logout", ct);
            }
        }
        else if (http.User.Identity?.IsAuthenticated == true)
        {
            await sessions.RevokeAsync(http.User.GetUserId(), http.User.GetSessionId(), "logout", ct);
        }

        RefreshCookie.Clear(http);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> LogoutAllAsync(HttpContext http, AuthSessionStore sessions, CancellationToken ct)
    {
        await sessions.RevokeAllAsync(http.User.GetUserId(), keepSessionId: null, "logout-all", ct);
        RefreshCookie.Clear(http);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<MeResponse>, ProblemHttpResult>> GetMeAsync(CurrentUser caller, TheBotDbContext db, CancellationToken ct)
    {
        var userId = caller.Id;
        var me = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new MeResponse(u.Id, u.Email!, u.FullName, u.Role, u.PhoneNumber, u.TimeZone, u.Language, u.CreatedAt))
            .FirstOrDefaultAsync(ct);
        return me is null ? ApiProblems.NotFound("The user") : TypedResults.Ok(me);
    }

    private static async Task<Results<Ok<MeResponse>, ValidationProblem, ProblemHttpResult>> UpdateMeAsync(
        UpdateMeRequest request, CurrentUser caller, TheBotDbContext db, CancellationToken ct)
    {
        if (request.TimeZone is { } zone && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            return ApiProblems.Invalid("timeZone", $"'{zone}' is not a known IANA time zone (e.g. Europe/Moscow).");
        }

        var userId = caller.Id;
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
        {
            return ApiProblems.NotFound("The user");
        }

        user.FullName = request.FullName?.Trim() ?? user.FullName;
        user.PhoneNumber = request.Phone is null ? user.PhoneNumber : request.Phone.Trim() is { Length: > 0 } phone ? phone : null;
        user.TimeZone = request.TimeZone ?? user.TimeZone;
        user.Language = request.Language ?? user.Language;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new MeResponse(user.Id, user.Email!, user.FullName, user.Role, user.PhoneNumber, user.TimeZone, user.Language, user.CreatedAt));
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult, TooManyRequestsResult>> ChangePasswordAsync(
        ChangePasswordRequest request, CurrentUser caller, UserManager<User> users, AuthSessionStore sessions,
        PasswordChangeThrottle throttle, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(caller.Id.ToString());
        if (user is null)
        {
            return ApiProblems.NotFound("The user");
        }

        if (await throttle.TryAttemptAsync(user.Id) is { } wait)
        {
            return ApiProblems.TooManyRequests(wait, "Too many wrong current passwords. Try again later.");
        }

        if (!await users.CheckPasswordAsync(user, request.CurrentPassword))
        {
            return ApiProblems.Invalid("currentPassword", "The current password is incorrect.");
        }

        await throttle.SucceededAsync(user.Id);

        var result = await users.ChangePasswordAsync(user, request.CurrentPassword, request.NewPassword);
        if (!result.Succeeded)
        {
            return ApiProblems.Invalid(UserAccounts.ToErrors(result, passwordField: "newPassword"));
        }

        await sessions.RevokeAllAsync(user.Id, keepSessionId: caller.SessionId, "password-changed", ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<List<SessionResponse>>> ListSessionsAsync(CurrentUser caller, AuthSessionStore sessions, CancellationToken ct) =>
        TypedResults.Ok(await sessions.ListOpenAsync(caller.Id, caller.SessionId, ct));

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteSessionAsync(
        Guid id, CurrentUser caller, AuthSessionStore sessions, CancellationToken ct) =>
        await sessions.RevokeAsync(caller.Id, id, "signed-out-remotely", ct)
            ? TypedResults.NoContent()
            : ApiProblems.NotFound("The session");

    private static LoginResponse Respond(User user, AccessToken token) =>
        new(token.Value, token.ExpiresAt, new UserSummary(user.Id, user.Email!, user.FullName, user.Role, user.Language, user.TimeZone,
            UserAvatars.UrlOf(user.Id, user.AvatarKey)));
}
