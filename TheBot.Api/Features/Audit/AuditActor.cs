using System.Security.Claims;
using TheBot.Api.Platform.Auth;
using TheBot.ServiceDefaults.Authentication;

namespace TheBot.Api.Features.Audit;

/// <summary>
/// Who is acting and from where, read from the current request (none outside a signed-in request: jobs, seeders), or
/// <see cref="System"/> for the steps TheBot takes by itself.
/// </summary>
public sealed record AuditActor(Guid Id, string Name, AuditActorRole Role, string? ClientIp, string? UserAgent)
{
    /// <summary>TheBot itself: a scheduled job or a payment provider's notification, with no signed-in user.</summary>
    public static AuditActor System { get; } = new(Guid.Empty, "TheBot", AuditActorRole.System, null, null);

    /// <summary>Roles whose changes are recorded automatically: the staff (parents and students change only their own things).</summary>
    public bool IsStaff => Role is AuditActorRole.Admin or AuditActorRole.Tutor or AuditActorRole.Teacher;

    public static AuditActor? Of(HttpContext? context)
    {
        var user = context?.User;
        if (context is null || user?.Identity?.IsAuthenticated != true
            || !Guid.TryParse(user.FindFirstValue(TheBotClaims.UserId), out var id)
            || !UserRoleNames.TryParse(user.FindFirstValue(TheBotClaims.Role), out var role))
        {
            return null;
        }

        var agent = context.Request.Headers.UserAgent.ToString();
        return new AuditActor(
            id,
            user.FindFirstValue(TheBotClaims.Name) ?? user.FindFirstValue(TheBotClaims.Email) ?? id.ToString(),
            AuditActorRoles.Of(role),
            context.GetClientIp(),
            agent.Length == 0 ? null : agent[..Math.Min(agent.Length, AuditEntry.UserAgentLength)]);
    }

    internal AuditEntry Entry(string entityType, Guid entityId, string label, string action, IReadOnlyList<AuditFieldChange> changes, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(at),
        At = at,
        ActorId = Id,
        ActorName = Name.Length > 200 ? Name[..200] : Name,
        ActorRole = Role,
        EntityType = entityType,
        EntityId = entityId,
        EntityLabel = label.Length > AuditEntry.LabelLength ? label[..AuditEntry.LabelLength] : label,
        Action = action,
        Changes = AuditFieldChange.Format(changes),
        ClientIp = ClientIp,
        UserAgent = UserAgent,
    };
}
