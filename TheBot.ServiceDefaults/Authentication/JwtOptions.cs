using System.ComponentModel.DataAnnotations;

namespace TheBot.ServiceDefaults.Authentication;

/// <summary>
/// The access-token contract shared by api (which issues tokens) and realtime (which only validates
/// them): the same key, issuer and audience. Bound from the <c>Jwt</c> section; checked at startup.
/// </summary>
public sealed class JwtOptions
{
    public const string SectionName = "Jwt";

    /// <summary>HMAC-SHA256 key; the AppHost passes its secret parameter <c>jwt-signing-key</c>.</summary>
    [Required]
    [MinLength(32, ErrorMessage = "Jwt:SigningKey must be at least 32 characters (256 bits).")]
    public string SigningKey { get; set; } = string.Empty;

    [Required]
    public string Issuer { get; set; } = "thebot";

    [Required]
    public string Audience { get; set; } = "thebot";

    [Range(typeof(TimeSpan), "00:01:00", "01:00:00")]
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);
}
