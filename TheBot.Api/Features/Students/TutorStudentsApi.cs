using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Features.ParentInvitations;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Auth;
using TheBot.Api.Platform.Errors;
using TheBot.Api.Platform.Paging;

namespace TheBot.Api.Features.Students;

public static class TutorStudentsApi
{
    public static IEndpointRouteBuilder MapTutorStudentsApi(this IEndpointRouteBuilder api)
    {
        var students = api.MapGroup("/tutor/students").WithTags("Tutor: students").RequireRoles(UserRole.Tutor);

        students.MapPost("/", CreateAsync).WithName("CreateStudentWithParent")
            .WithSummary("Create a student (one-time initial password) and invite their parent by email (a one-time code to hand over)");
        students.MapGet("/", ListAsync).WithName("ListMyStudents").WithSummary("The signed-in tutor's students with their parents and open invitations");
        students.MapPost("/{studentId:guid}/parent-invitations", InviteAsync).WithName("InviteParent")
            .WithSummary("Invite a parent of one of my students by email (again: a new code, the previous one stops working)")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return api;
    }

    private static async Task<Results<Created<CreateStudentResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateStudentRequest request, CurrentUser caller, TheBotDbContext db, UserAccounts accounts, ParentInvitationIssuer invitations,
        CancellationToken ct)
    {
        var tutorId = caller.Id;
        // Whether the parent's email has an account, and whose, changes nothing here: the reply is the same.
        if (ParentInvitationIssuer.Normalize(request.Parent.Email) == ParentInvitationIssuer.Normalize(request.Student.Email))
        {
            return ApiProblems.Invalid("parent.email", "The parent's email must differ from the student's.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        var student = await accounts.CreateAsync(new NewUser(request.Student.Email, request.Student.FullName, UserRole.Student, request.Student.Phone), ct);
        if (!student.Succeeded)
        {
            return ApiProblems.Invalid(student.Errors!.ToDictionary(e => "student." + e.Key, e => e.Value));
        }

        var profile = await db.StudentProfiles.FirstAsync(p => p.UserId == student.User!.Id, ct);
        profile.TutorId = tutorId;
        profile.Grade = request.Student.Grade;
        profile.Goal = request.Student.Goal;
        await db.SaveChangesAsync(ct);
        var invitation = await invitations.IssueAsync(student.User!.Id, tutorId, request.Parent.Email, request.Parent.FullName, request.Parent.Phone, ct);
        await transaction.CommitAsync(ct);
        await invitations.NotifyAsync(invitation.InvitationId, ct);

        var studentAccount = new CreatedAccount(student.User.Id, student.User.Email!, student.User.FullName, student.InitialPassword, Existing: false);
        return TypedResults.Created($"/api/tutor/students/{student.User.Id}", new CreateStudentResponse(studentAccount, invitation));
    }

    private static async Task<Results<Created<ParentInvitationIssued>, ValidationProblem, ProblemHttpResult>> InviteAsync(
        Guid studentId, InvitedParent request, CurrentUser caller, TheBotDbContext db, ParentInvitationIssuer invitations, CancellationToken ct)
    {
        var tutorId = caller.Id;
        var studentEmail = await db.Users.AsNoTracking()
            .Where(u => u.Id == studentId && u.Role == UserRole.Student && u.StudentProfile!.TutorId == tutorId)
            .Select(u => u.NormalizedEmail)
            .FirstOrDefaultAsync(ct);
        if (studentEmail is null)
        {
            return ApiProblems.NotFound("The student");
        }

        if (ParentInvitationIssuer.Normalize(request.Email) == studentEmail)
        {
            return ApiProblems.Invalid("email", "The parent's email must differ from the student's.");
        }

        ParentInvitationIssued invitation;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            invitation = await invitations.IssueAsync(studentId, tutorId, request.Email, request.FullName, request.Phone, ct);
            await transaction.CommitAsync(ct);
        }

        await invitations.NotifyAsync(invitation.InvitationId, ct);
        return TypedResults.Created($"/api/tutor/students/{studentId}", invitation);
    }

    private static async Task<Ok<PagedResult<TutorStudentItem>>> ListAsync(
        [AsParameters] TutorStudentQuery query, CurrentUser caller, TheBotDbContext db, CancellationToken ct)
    {
        var tutorId = caller.Id;
        var students = db.Users.AsNoTracking().Where(u => u.Role == UserRole.Student && u.StudentProfile!.TutorId == tutorId);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = SearchPattern.Containing(query.Search);
            students = students.Where(u => EF.Functions.ILike(u.FullName, pattern, SearchPattern.EscapeCharacter) || EF.Functions.ILike(u.Email!, pattern, SearchPattern.EscapeCharacter));
        }

        if (query.Active is { } active)
        {
            students = students.Where(u => u.IsActive == active);
        }

        var page = await students
            .OrderBy(u => u.FullName).ThenBy(u => u.Id)
            .Select(u => new TutorStudentItem(
                u.Id, u.FullName, u.Email!, u.StudentProfile!.Grade, u.StudentProfile.Goal, u.IsActive,
                u.StudentProfile.Parents.Select(p => new PersonRef(p.ParentId, p.Parent!.FullName, p.Parent.Email!)).ToList(),
                db.ParentInvitations
                    .Where(i => i.StudentId == u.Id && i.InvitedById == tutorId
                        && (i.Status == ParentInvitationStatus.Pending || i.Status == ParentInvitationStatus.Declined || i.Status == ParentInvitationStatus.Expired))
                    .OrderByDescending(i => i.CreatedAt)
                    .Select(i => new TutorStudentInvitation(i.Id, i.Email, i.Status, i.ExpiresAt))
                    .ToList(),
                UserAvatars.UrlOf(u.Id, u.AvatarKey)))
            .ToPageAsync(query.Paging, ct);
        return TypedResults.Ok(page);
    }
}
