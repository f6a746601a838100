using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Auth;
using TheBot.Api.Platform.Errors;
using TheBot.Api.Platform.Paging;

namespace TheBot.Api.Features.ParentInvitations;

/// <summary>
/// The invited side of linking a parent to a student: an existing parent lists, accepts or declines the
/// invitations addressed to their email; a new parent redeems the code the tutor handed over and sets
/// their own password. Only then is the parent linked (and only then may the tutor bill or message them
/// about the child). Admins link directly (<c>POST /api/admin/users/{id}/parents</c>).
/// </summary>
public static class ParentInvitationsApi
{
    public static IEndpointRouteBuilder MapParentInvitationsApi(this IEndpointRouteBuilder api)
    {
        var invitations = api.MapGroup("/parent-invitations").WithTags("Parent invitations");
        invitations.MapGet("/", ListMineAsync).RequireRoles(UserRole.Parent)
            .WithName("ListMyParentInvitations").WithSummary("Open invitations to become a parent of a student, addressed to my email");
        invitations.MapPost("/{id:guid}/accept", AcceptAsync).RequireRoles(UserRole.Parent)
            .WithName("AcceptParentInvitation").WithSummary("Yes, this is my child: I am linked to the student")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        invitations.MapPost("/{id:guid}/decline", DeclineAsync).RequireRoles(UserRole.Parent)
            .WithName("DeclineParentInvitation").WithSummary("Not my child: nothing is linked")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        invitations.MapPost("/redeem", RedeemAsync).AllowAnyone()
            .WithName("RedeemParentInvitation").WithSummary("A new parent makes their account with the invitation's code and their own password")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<Ok<PagedResult<ParentInvitationResponse>>> ListMineAsync(
        [AsParameters] ParentInvitationQuery query, CurrentUser caller, TheBotDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return TypedResults.Ok(await ParentInvitationAccess.AddressedTo(db, caller.Id).AsNoTracking()
            .Where(i => i.Status == ParentInvitationStatus.Pending && i.ExpiresAt > now)
            .OrderByDescending(i => i.CreatedAt).ThenBy(i => i.Id)
            .Select(ParentInvitationAccess.Projection)
            .ToPageAsync(query.Paging, ct));
    }

    private static Task<Results<Ok<ParentInvitationResponse>, ProblemHttpResult>> AcceptAsync(
        Guid id, CurrentUser caller, [AsParameters] ParentInvitationServices services, CancellationToken ct) =>
        AnswerAsync(id, accept: true, caller, services, ct);

    private static Task<Results<Ok<ParentInvitationResponse>, ProblemHttpResult>> DeclineAsync(
        Guid id, CurrentUser caller, [AsParameters] ParentInvitationServices services, CancellationToken ct) =>
        AnswerAsync(id, accept: false, caller, services, ct);

    private static async Task<Results<Ok<ParentInvitationResponse>, ProblemHttpResult>> AnswerAsync(
        Guid id, bool accept, CurrentUser caller, ParentInvitationServices services, CancellationToken ct)
    {
        var (db, accountChanges, clock) = services;
        var me = caller.Id;
        var invitation = await ParentInvitationAccess.AddressedTo(db, me).AsNoTracking()
            .Where(i => i.Id == id)
            .Select(i => new { i.StudentId, i.Status, i.ExpiresAt })
            .FirstOrDefaultAsync(ct);
        if (invitation is null)
        {
            return ApiProblems.NotFound("The invitation");
        }

        var now = clock.GetUtcNow();
        if (invitation.Status != ParentInvitationStatus.Pending)
        {
            return ApiProblems.Conflict($"The invitation is no longer open (it is {invitation.Status.ToString().ToLowerInvariant()}).");
        }

        if (invitation.ExpiresAt <= now)
        {
            return ApiProblems.Conflict("The invitation has expired; ask the tutor for a new one.");
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            // Conditional: two answers at once (two devices) settle it once.
            var answered = await db.ParentInvitations
                .Where(i => i.Id == id && i.Status == ParentInvitationStatus.Pending)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(i => i.Status, accept ? ParentInvitationStatus.Accepted : ParentInvitationStatus.Declined)
                    .SetProperty(i => i.RespondedAt, now)
                    .SetProperty(i => i.ParentId, accept ? (Guid?)me : null), ct);
            if (answered == 0)
            {
                return ApiProblems.Conflict("The invitation was answered at the same time.");
            }

            if (accept && !await db.StudentParents.AnyAsync(sp => sp.StudentId == invitation.StudentId && sp.ParentId == me, ct))
            {
                db.StudentParents.Add(new StudentParent { StudentId = invitation.StudentId, ParentId = me, LinkedAt = now });
                await db.SaveChangesAsync(ct);
            }

            await transaction.CommitAsync(ct);
        }

        if (accept)
        {
            await accountChanges.StudentPeopleChangedAsync(invitation.StudentId, [], ct);
        }

        return TypedResults.Ok(await db.ParentInvitations.AsNoTracking().Where(i => i.Id == id).Select(ParentInvitationAccess.Projection).FirstAsync(ct));
    }

    private static async Task<Results<Created<RedeemedParentInvitation>, ValidationProblem, ProblemHttpResult>> RedeemAsync(
        RedeemParentInvitationRequest request, TheBotDbContext db, UserAccounts accounts, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var hash = ParentInvitationIssuer.Hash(request.Code!.Trim());
        var invitation = await db.ParentInvitations.AsNoTracking()
            .Where(i => i.CodeHash == hash && i.Status == ParentInvitationStatus.Pending && i.ExpiresAt > now)
            .Select(i => new { i.Id, i.StudentId, i.Email, i.NormalizedEmail, i.FullName, i.Phone })
            .FirstOrDefaultAsync(ct);
        if (invitation is null)
        {
            return ApiProblems.NotFound("An open invitation with this code");
        }

        var fullName = string.IsNullOrWhiteSpace(request.FullName) ? invitation.FullName : request.FullName.Trim();
        if (fullName is null)
        {
            return ApiProblems.Invalid("fullName", "Your name is needed to make your account.");
        }

        var taken = ApiProblems.Conflict("An account already uses this email address: sign in with it and accept the invitation under Family.");
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == invitation.NormalizedEmail, ct))
        {
            return taken;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var parent = await accounts.CreateAsync(new NewUser(invitation.Email, fullName, UserRole.Parent, invitation.Phone, request.Password), ct);
        if (!parent.Succeeded)
        {
            return parent.Errors!.ContainsKey("email") ? taken : ApiProblems.Invalid(parent.Errors!);
        }

        var redeemed = await db.ParentInvitations
            .Where(i => i.Id == invitation.Id && i.Status == ParentInvitationStatus.Pending)
            .ExecuteUpdateAsync(s => s
                .SetProperty(i => i.Status, ParentInvitationStatus.Accepted)
                .SetProperty(i => i.RespondedAt, now)
                .SetProperty(i => i.ParentId, parent.User!.Id), ct);
        if (redeemed == 0)
        {
            return ApiProblems.NotFound("An open invitation with this code");
        }

        db.StudentParents.Add(new StudentParent { StudentId = invitation.StudentId, ParentId = parent.User!.Id, LinkedAt = now });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Created("/api/auth/login", new RedeemedParentInvitation(parent.User.Email!));
    }
}

/// <summary>What answering an invitation needs: the database, the followers of accounts and the clock.</summary>
internal sealed record ParentInvitationServices(TheBotDbContext Db, AccountChanges AccountChanges, TimeProvider Clock);
