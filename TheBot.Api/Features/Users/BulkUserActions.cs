using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Platform.Auth;
using static TheBot.Api.Features.Users.BulkUserActionNames;

namespace TheBot.Api.Features.Users;

/// <summary>
/// An admin's action on many users: the changes are saved in one transaction, then each changed user is followed up
/// exactly as a single change is (access cache, sessions ended, chats rechecked), so a bulk deactivation ends sessions
/// like <c>DELETE /api/admin/users/{id}</c> does. Users the action does not apply to are skipped, with the reason.
/// </summary>
public sealed class BulkUserActions(TheBotDbContext db, AccessChangeNotifier accessChanges, AccountChanges accountChanges, UserManager<User> users)
{
    public const int MaxUsers = 500;

    public async Task<BulkUserActionResponse> RunAsync(string action, IReadOnlyCollection<Guid> ids, Guid? tutorId, Guid callerId, CancellationToken ct)
    {
        var found = await db.Users.Include(u => u.StudentProfile).Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        var results = new List<BulkUserResult>(ids.Count);
        var changed = new List<(User User, Guid? FormerTutor)>();
        var passwords = new Dictionary<Guid, string>();

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            // A retried attempt starts over: nothing of a rolled-back one is reported.
            results.Clear();
            changed.Clear();
            passwords.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            foreach (var id in ids)
            {
                if (!found.TryGetValue(id, out var user))
                {
                    results.Add(new BulkUserResult(id, null, Skipped, NotFound));
                    continue;
                }

                var skip = action switch
                {
                    Deactivate when user.Id == callerId => Self,
                    Deactivate when !user.IsActive => AlreadyInactive,
                    Reactivate when user.IsActive => AlreadyActive,
                    AssignTutor when user.Role != UserRole.Student || user.StudentProfile is null => NotAStudent,
                    AssignTutor when user.StudentProfile!.TutorId == tutorId => AlreadyAssigned,
                    _ => null,
                };
                if (skip is not null)
                {
                    results.Add(new BulkUserResult(id, user.FullName, Skipped, skip));
                    continue;
                }

                var formerTutor = user.StudentProfile?.TutorId;
                switch (action)
                {
                    case Deactivate:
                        user.IsActive = false;
                        break;
                    case Reactivate:
                        user.IsActive = true;
                        break;
                    case AssignTutor:
                        user.StudentProfile!.TutorId = tutorId;
                        break;
                    case ResetPassword:
                        passwords[id] = await ResetPasswordAsync(user);
                        break;
                }

                changed.Add((user, formerTutor));
                results.Add(new BulkUserResult(id, user.FullName, Done, null, passwords.GetValueOrDefault(id)));
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        });

        foreach (var (user, formerTutor) in changed)
        {
            await FollowUpAsync(action, user, formerTutor, ct);
        }

        var done = results.Count(r => r.Outcome == Done);
        return new BulkUserActionResponse(action, done, results.Count - done, results);
    }

    private async Task<string> ResetPasswordAsync(User user)
    {
        var temporary = InitialPassword.Create();
        var result = await users.RemovePasswordAsync(user);
        if (result.Succeeded)
        {
            result = await users.AddPasswordAsync(user, temporary);
        }

        return result.Succeeded
            ? temporary
            : throw new InvalidOperationException("A generated password was refused: " + string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    /// <summary>What the single-user endpoints do after saving the same change.</summary>
    private async Task FollowUpAsync(string action, User user, Guid? formerTutor, CancellationToken ct)
    {
        switch (action)
        {
            case Deactivate:
                await accessChanges.UserActiveChangedAsync(user.Id, isActive: false);
                await accountChanges.DeactivatedAsync(user.Id, ct);
                break;
            case Reactivate:
                await accessChanges.UserActiveChangedAsync(user.Id, isActive: true);
                await accountChanges.AccessChangedAsync(user.Id, ct);
                await accessChanges.UserChangedAsync(user.Id);
                break;
            case AssignTutor:
                await accountChanges.StudentPeopleChangedAsync(user.Id, formerTutor is { } former ? [former] : [], ct);
                break;
            case ResetPassword:
                await accountChanges.PasswordResetAsync(user.Id, ct);
                break;
        }
    }
}
