using TheBot.Api.Platform.Storage;

namespace TheBot.Api.Features.Users;

/// <summary>
/// People's pictures: which files are accepted, and the address each is served at. The address carries the picture's
/// version (<c>?v=</c>, from its storage key), so a browser may keep a version for good and a new picture is a new address.
/// </summary>
public static class UserAvatars
{
    public const long MaxBytes = 2L * 1024 * 1024;

    private const int VersionLength = 16;

    public static readonly UploadLimits Limits = new(MaxFiles: 1, MinFiles: 1, MaxFields: 0)
    {
        MaxFileBytes = MaxBytes,
        Types = new AcceptedFileTypes(new HashSet<string>(StringComparer.Ordinal) { "image/png", "image/jpeg", "image/webp" }, "PNG, JPEG or WebP images"),
    };

    /// <summary>Where the person's picture is served, or null when they have none (initials are shown).</summary>
    public static string? UrlOf(Guid userId, string? avatarKey) =>
        avatarKey is null ? null : $"/api/users/{userId}/avatar?v={VersionOf(avatarKey)}";

    /// <summary>The version part of the address: the random tail of the key (version 7 GUIDs start with the time).</summary>
    public static string VersionOf(string avatarKey)
    {
        ArgumentNullException.ThrowIfNull(avatarKey);
        return avatarKey.Length <= VersionLength ? avatarKey : avatarKey[^VersionLength..];
    }

    /// <summary>The strong entity tag of a picture: its key, which a new upload always changes.</summary>
    public static string EntityTagOf(string avatarKey) => $"\"{avatarKey}\"";
}
