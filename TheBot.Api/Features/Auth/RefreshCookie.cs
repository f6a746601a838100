namespace TheBot.Api.Features.Auth;

/// <summary>
/// The refresh token travels only in this cookie: HttpOnly (no script reads it), SameSite=Strict (no
/// cross-site request carries it), scoped to /api/auth, Secure whenever the request came over HTTPS.
/// </summary>
public static class RefreshCookie
{
    public const string Name = "thebot_refresh";
    public const string Path = "/api/auth";

    public static void Write(HttpContext context, RefreshToken token, DateTimeOffset expiresAt)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Append(Name, token.ToString(), Options(context, expiresAt));
    }

    public static void Clear(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Delete(Name, Options(context, DateTimeOffset.UnixEpoch));
    }

    public static bool TryRead(HttpContext context, out RefreshToken token)
    {
        ArgumentNullException.ThrowIfNull(context);
        return RefreshToken.TryParse(context.Request.Cookies[Name], out token);
    }

    private static CookieOptions Options(HttpContext context, DateTimeOffset expiresAt) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = context.Request.IsHttps,
        Path = Path,
        Expires = expiresAt,
        IsEssential = true,
    };
}
