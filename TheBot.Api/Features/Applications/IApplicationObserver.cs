namespace TheBot.Api.Features.Applications;

/// <summary>
/// Another feature that follows sign-up applications (Telegram: the admins' group). <see cref="SubmittedAsync"/> runs
/// before the application is saved, so what it stages in the scope's database context is written with it (one
/// transaction); <see cref="CommittedAsync"/> after the commit (best effort: it must not throw for its own failures).
/// </summary>
public interface IApplicationObserver
{
    Task SubmittedAsync(SignupApplication application, CancellationToken cancellationToken);

    void Committed();
}
