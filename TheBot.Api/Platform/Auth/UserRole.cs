namespace TheBot.Api.Platform.Auth;

/// <summary>The one role a user has. Rights follow the current value on every request.</summary>
public enum UserRole
{
    Student,
    Teacher,
    Tutor,
    Parent,
    Admin,
}

public static class UserRoleNames
{
    public const string Student = "student";
    public const string Teacher = "teacher";
    public const string Tutor = "tutor";
    public const string Parent = "parent";
    public const string Admin = "admin";

    public static string ToName(this UserRole role) => role switch
    {
        UserRole.Student => Student,
        UserRole.Teacher => Teacher,
        UserRole.Tutor => Tutor,
        UserRole.Parent => Parent,
        UserRole.Admin => Admin,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    public static bool TryParse(string? name, out UserRole role)
    {
        role = default;
        switch (name?.Trim().ToLowerInvariant())
        {
            case Student: role = UserRole.Student; return true;
            case Teacher: role = UserRole.Teacher; return true;
            case Tutor: role = UserRole.Tutor; return true;
            case Parent: role = UserRole.Parent; return true;
            case Admin: role = UserRole.Admin; return true;
            default: return false;
        }
    }
}
