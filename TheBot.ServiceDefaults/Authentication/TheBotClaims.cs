namespace TheBot.ServiceDefaults.Authentication;

/// <summary>Claim names in TheBot's access tokens (kept short and unmapped).</summary>
public static class TheBotClaims
{
    public const string UserId = "sub";
    public const string Name = "name";
    public const string Email = "email";
    public const string Role = "role";
    public const string SessionId = "sid";
}
