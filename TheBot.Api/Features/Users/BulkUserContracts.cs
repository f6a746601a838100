using System.ComponentModel.DataAnnotations;

namespace TheBot.Api.Features.Users;

/// <summary>One action on many users at once.</summary>
/// <param name="Action">deactivate, reactivate, reset-password or assign-tutor.</param>
/// <param name="UserIds">The selected users (1 to <see cref="BulkUserActions.MaxUsers"/>; repeats count once).</param>
/// <param name="TutorId">The tutor to assign (assign-tutor only).</param>
public sealed record BulkUserActionRequest(
    [property: Required, MaxLength(32)] string? Action,
    [property: Required] IReadOnlyList<Guid>? UserIds,
    Guid? TutorId);

/// <param name="Done">How many users the action changed.</param>
/// <param name="Skipped">How many were left as they were (each result says why).</param>
public sealed record BulkUserActionResponse(string Action, int Done, int Skipped, IReadOnlyList<BulkUserResult> Results);

/// <param name="Outcome">done or skipped.</param>
/// <param name="Reason">Why it was skipped: not-found, already-inactive, already-active, self, not-a-student, already-assigned.</param>
/// <param name="TemporaryPassword">reset-password: the one-time temporary password (shown once), as a single reset returns it.</param>
public sealed record BulkUserResult(Guid UserId, string? FullName, string Outcome, string? Reason, string? TemporaryPassword = null);

/// <summary>The bulk actions and the reasons a user is skipped.</summary>
public static class BulkUserActionNames
{
    public const string Deactivate = "deactivate";
    public const string Reactivate = "reactivate";
    public const string ResetPassword = "reset-password";
    public const string AssignTutor = "assign-tutor";

    public static readonly IReadOnlyList<string> All = [Deactivate, Reactivate, ResetPassword, AssignTutor];

    public const string Done = "done";
    public const string Skipped = "skipped";

    public const string NotFound = "not-found";
    public const string AlreadyInactive = "already-inactive";
    public const string AlreadyActive = "already-active";
    public const string Self = "self";
    public const string NotAStudent = "not-a-student";
    public const string AlreadyAssigned = "already-assigned";
}
