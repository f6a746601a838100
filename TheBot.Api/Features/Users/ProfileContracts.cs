using System.ComponentModel.DataAnnotations;
using TheBot.Api.Platform.Auth;

namespace TheBot.Api.Features.Users;

/// <summary>
/// The signed-in person's own details that are theirs to edit: the picture for everyone, the bio for teachers and
/// tutors, the school year and goal for students (null for other roles).
/// </summary>
public sealed record ProfileResponse(Guid Id, string FullName, UserRole Role, string? AvatarUrl, string? Bio, int? Grade, string? Goal);

/// <summary>
/// Fields left out (null) stay as they are; an empty bio or goal clears it. A field of another role is refused.
/// </summary>
public sealed record UpdateProfileRequest(
    [property: MaxLength(ProfileLimits.BioLength)] string? Bio,
    [property: Range(ProfileLimits.MinGrade, ProfileLimits.MaxGrade)] int? Grade,
    [property: MaxLength(ProfileLimits.GoalLength)] string? Goal);

public static class ProfileLimits
{
    public const int BioLength = 4000;
    public const int GoalLength = 1000;
    public const int MinGrade = 1;
    public const int MaxGrade = 12;
}
