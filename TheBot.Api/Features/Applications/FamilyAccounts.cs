using Microsoft.AspNetCore.Http.HttpResults;
using TheBot.Api.Data;
using TheBot.Api.Features.Notifications.Delivery;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Auth;
using TheBot.Api.Platform.Errors;

namespace TheBot.Api.Features.Applications;

/// <summary>What an approval created, or the problem that stopped it (nothing is kept then: the caller rolls back).</summary>
public sealed record FamilyCreation(ApprovedAccount? Applicant, ApprovedAccount? Parent, ProblemHttpResult? Conflict = null, ValidationProblem? Invalid = null)
{
    public bool Failed => Conflict is not null || Invalid is not null;
}

/// <summary>
/// The accounts an approval creates, inside the caller's transaction: the applicant's in the approved role and — for a
/// student whose application named a parent — the parent's, linked as the student's parent. Each gets an initial
/// password (<see cref="FamilyPasswords"/>) and a welcome e-mail with it in the outbox (<see cref="FamilyWelcomeMail"/>),
/// written with the approval and sent after the commit when an SMTP server is configured.
/// </summary>
public sealed class FamilyAccounts(TheBotDbContext db, UserAccounts accounts, FamilyPasswords passwords, SmtpTransport smtp, FamilyWelcomeMailer mailer, TimeProvider clock)
{
    public async Task<FamilyCreation> CreateAsync(SignupApplication application, UserRole role, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(application);
        var applicant = await CreateOneAsync(application, new NewUser(application.Email, application.FullName, role, application.Phone, Language: application.Language), "email", ct);
        if (applicant.Failed)
        {
            return applicant;
        }

        if (role != UserRole.Student || application.ParentEmail is null || application.ParentFullName is null)
        {
            return applicant;
        }

        var parent = await CreateOneAsync(application, new NewUser(application.ParentEmail, application.ParentFullName, UserRole.Parent, Language: application.Language), "parentEmail", ct);
        if (parent.Failed)
        {
            return parent;
        }

        db.StudentParents.Add(new StudentParent { StudentId = applicant.Applicant!.UserId, ParentId = parent.Applicant!.UserId, LinkedAt = clock.GetUtcNow() });
        return applicant with { Parent = parent.Applicant };
    }

    /// <summary>After the commit: the welcome e-mails go now rather than at the next poll.</summary>
    public void Committed() => mailer.Wake();

    private async Task<FamilyCreation> CreateOneAsync(SignupApplication application, NewUser user, string emailField, CancellationToken ct)
    {
        var mailId = Guid.CreateVersion7();
        var password = passwords.For(mailId);
        var created = await accounts.CreateAsync(user with { Password = password }, ct);
        if (!created.Succeeded)
        {
            return created.Errors!.ContainsKey("email")
                ? new FamilyCreation(null, null, Conflict: ApiProblems.Conflict($"An account with the e-mail {user.Email} already exists.", new Dictionary<string, object?> { ["field"] = emailField }))
                : new FamilyCreation(null, null, Invalid: ApiProblems.Invalid(created.Errors!));
        }

        if (smtp.Enabled)
        {
            var now = clock.GetUtcNow();
            db.FamilyWelcomeMails.Add(new FamilyWelcomeMail
            {
                Id = mailId,
                ApplicationId = application.Id,
                UserId = created.User!.Id,
                Status = FamilyWelcomeMailStatus.Pending,
                NextAttemptAt = now,
                CreatedAt = now,
            });
        }

        return new FamilyCreation(new ApprovedAccount(created.User!.Id, user.FullName, created.User.Email!, user.Role, password), null);
    }
}
