using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
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
            .WithSummary("Create a student and their parent in one step (or link an existing parent by email); returns one-time initial passwords");
        students.MapGet("/", ListAsync).WithName("ListMyStudents").WithSummary("The signed-in tutor's students with their parents");

        return api;
    }

    private static async Task<Results<Created<CreateStudentResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateStudentRequest request, ClaimsPrincipal principal, TheBotDbContext db, UserAccounts accounts, TimeProvider clock, CancellationToken ct)
    {
        var tutorId = principal.GetUserId();
        var parentEmail = request.Parent.Email.Trim().ToUpperInvariant();
        var existingParent = await db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == parentEmail, ct);
        if (existingParent is not null && existingParent.Role != UserRole.Parent)
        {
            return ApiProblems.Invalid("parent.email", "This email belongs to an account that is not a parent.");
        }

        if (existingParent is null && string.IsNullOrWhiteSpace(request.Parent.FullName))
        {
            return ApiProblems.Invalid("parent.fullName", "The parent's name is needed to create their account.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        var student = await accounts.CreateAsync(new NewUser(request.Student.Email, request.Student.FullName, UserRole.Student, request.Student.Phone), ct);
        if (!student.Succeeded)
        {
            return ApiProblems.Invalid(student.Errors!.ToDictionary(e => "student." + e.Key, e => e.Value));
        }

        CreatedAccount parentAccount;
        Guid parentId;
        if (existingParent is null)
        {
            var parent = await accounts.CreateAsync(new NewUser(request.Parent.Email, request.Parent.FullName!, UserRole.Parent, request.Parent.Phone), ct);
            if (!parent.Succeeded)
            {
                return ApiProblems.Invalid(parent.Errors!.ToDictionary(e => "parent." + e.Key, e => e.Value));
            }

            parentId = parent.User!.Id;
            parentAccount = new CreatedAccount(parentId, parent.User.Email!, parent.User.FullName, parent.InitialPassword, Existing: false);
        }
        else
        {
            parentId = existingParent.Id;
            parentAccount = new CreatedAccount(parentId, existingParent.Email!, existingParent.FullName, null, Existing: true);
        }

        var profile = await db.StudentProfiles.FirstAsync(p => p.UserId == student.User!.Id, ct);
        profile.TutorId = tutorId;
        profile.Grade = request.Student.Grade;
        profile.Goal = request.Student.Goal;
        db.StudentParents.Add(new StudentParent { StudentId = student.User!.Id, ParentId = parentId, LinkedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        var studentAccount = new CreatedAccount(student.User.Id, student.User.Email!, student.User.FullName, student.InitialPassword, Existing: false);
        return TypedResults.Created($"/api/tutor/students/{student.User.Id}", new CreateStudentResponse(studentAccount, parentAccount));
    }

    private static async Task<Ok<PagedResult<TutorStudentItem>>> ListAsync(
        [AsParameters] TutorStudentQuery query, ClaimsPrincipal principal, TheBotDbContext db, CancellationToken ct)
    {
        var tutorId = principal.GetUserId();
        var students = db.Users.AsNoTracking().Where(u => u.Role == UserRole.Student && u.StudentProfile!.TutorId == tutorId);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = $"%{AdminUsersApi.EscapeLike(query.Search.Trim())}%";
            students = students.Where(u => EF.Functions.ILike(u.FullName, pattern) || EF.Functions.ILike(u.Email!, pattern));
        }

        var page = await students
            .OrderBy(u => u.FullName).ThenBy(u => u.Id)
            .Select(u => new TutorStudentItem(
                u.Id, u.FullName, u.Email!, u.StudentProfile!.Grade, u.StudentProfile.Goal, u.IsActive,
                u.StudentProfile.Parents.Select(p => new PersonRef(p.ParentId, p.Parent!.FullName, p.Parent.Email!)).ToList()))
            .ToPageAsync(query.Paging, ct);
        return TypedResults.Ok(page);
    }
}
