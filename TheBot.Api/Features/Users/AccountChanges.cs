namespace TheBot.Api.Features.Users;

/// <summary>
/// Something another feature does when an admin changes an account: Auth ends sessions, Chat rechecks who may
/// talk to whom. Users names the moments and those features implement them, so Users depends on neither.
/// </summary>
public interface IAccountChangeFollower
{
    /// <summary>The account's role or active state changed (saved).</summary>
    Task AccessChangedAsync(Guid userId, CancellationToken ct) => Task.CompletedTask;

    /// <summary>The people around a student changed (tutor, parent); <paramref name="formerPeople"/> may no longer belong.</summary>
    Task StudentPeopleChangedAsync(Guid studentId, IReadOnlyCollection<Guid> formerPeople, CancellationToken ct) => Task.CompletedTask;

    /// <summary>The account was deactivated.</summary>
    Task DeactivatedAsync(Guid userId, CancellationToken ct) => Task.CompletedTask;

    /// <summary>An admin replaced the account's password with a temporary one.</summary>
    Task PasswordResetAsync(Guid userId, CancellationToken ct) => Task.CompletedTask;
}

/// <summary>Tells every registered <see cref="IAccountChangeFollower"/>, in registration order.</summary>
public sealed class AccountChanges(IEnumerable<IAccountChangeFollower> followers)
{
    public async Task AccessChangedAsync(Guid userId, CancellationToken ct)
    {
        foreach (var follower in followers)
        {
            await follower.AccessChangedAsync(userId, ct);
        }
    }

    public async Task StudentPeopleChangedAsync(Guid studentId, IReadOnlyCollection<Guid> formerPeople, CancellationToken ct)
    {
        foreach (var follower in followers)
        {
            await follower.StudentPeopleChangedAsync(studentId, formerPeople, ct);
        }
    }

    public async Task DeactivatedAsync(Guid userId, CancellationToken ct)
    {
        foreach (var follower in followers)
        {
            await follower.DeactivatedAsync(userId, ct);
        }
    }

    public async Task PasswordResetAsync(Guid userId, CancellationToken ct)
    {
        foreach (var follower in followers)
        {
            await follower.PasswordResetAsync(userId, ct);
        }
    }
}
