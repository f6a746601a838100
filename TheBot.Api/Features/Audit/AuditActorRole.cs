using TheBot.Api.Platform.Auth;

namespace TheBot.Api.Features.Audit;

/// <summary>
/// The role an audit row's actor acted in: a user's role, or <see cref="System"/> for what TheBot did by itself (a job,
/// a payment provider's notification). Stored by name in the same varchar(16) column as before.
/// </summary>
public enum AuditActorRole
{
    Student,
    Teacher,
    Tutor,
    Parent,
    Admin,
    System,
}

public static class AuditActorRoles
{
    public static AuditActorRole Of(UserRole role) => role switch
    {
        UserRole.Student => AuditActorRole.Student,
        UserRole.Teacher => AuditActorRole.Teacher,
        UserRole.Tutor => AuditActorRole.Tutor,
        UserRole.Parent => AuditActorRole.Parent,
        UserRole.Admin => AuditActorRole.Admin,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Not a role."),
    };
}
