using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Platform.Auth;
using TheBot.Api.Platform.Errors;
using TheBot.Api.Platform.Paging;

namespace TheBot.Api.Features.Users;

public static class AdminUsersApi
{
    public static IEndpointRouteBuilder MapAdminUsersApi(this IEndpointRouteBuilder api)
    {
        var users = api.MapGroup("/admin/users").WithTags("Admin: users").RequireRoles(UserRole.Admin);

        users.MapGet("/", ListAsync).WithName("ListUsers").WithSummary("Users, filtered by role, active state and a search on name or email");
        users.MapPost("/", CreateAsync).WithName("CreateUser").WithSummary("Create a user; returns a one-time initial password when none is given");
        users.MapGet("/{id:guid}", GetAsync).WithName("GetUser").WithSummary("A user with their profile, parents and children");
        users.MapPatch("/{id:guid}", UpdateAsync).WithName("UpdateUser").WithSummary("Change a user's details, role, active state or profile");
        users.MapDelete("/{id:guid}", DeactivateAsync).WithName("DeactivateUser").WithSummary("Deactivate a user (their data is kept) and end their sessions");
        users.MapPost("/{id:guid}/reset-password", ResetPasswordAsync).WithName("ResetUserPassword").WithSummary("Set a one-time temporary password and end the user's sessions");
        users.MapPost("/bulk", BulkAsync).WithName("BulkUserAction")
            .WithSummary("Deactivate, reactivate, reset the passwords of, or assign a tutor to up to 500 users at once; says per user what was done or why not");
        users.MapPost("/{id:guid}/parents", LinkParentAsync).WithName("LinkParent").WithSummary("Link a parent to a student");

        return api;
    }

    private static async Task<Ok<PagedResult<AdminUserListItem>>> ListAsync([AsParameters] AdminUserQuery query, TheBotDbContext db, CancellationToken ct)
    {
        var users = db.Users.AsNoTracking();
        users = users.FilteredBy(query.RoleFilter, role => u => u.Role == role);
        users = users.FilteredBy(query.Active, active => u => u.IsActive == active);

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = SearchPattern.Containing(query.Search);
            users = users.Where(u => EF.Functions.ILike(u.FullName, pattern, SearchPattern.EscapeCharacter) || EF.Functions.ILike(u.Email!, pattern, SearchPattern.EscapeCharacter));
        }

        var page = await users
            .OrderBy(u => u.FullName).ThenBy(u => u.Id)
            .Select(u => new AdminUserListItem(u.Id, u.Email!, u.FullName, u.Role, u.IsActive, u.CreatedAt, UserAvatars.UrlOf(u.Id, u.AvatarKey)))
            .ToPageAsync(query.Paging, ct);
        return TypedResults.Ok(page);
    }

    private static async Task<Results<Created<CreatedUserResponse>, ValidationProblem>> CreateAsync(
        CreateUserRequest request, UserAccounts accounts, TheBotDbContext db, CancellationToken ct)
    {
        var outcome = await accounts.CreateAsync(new NewUser(request.Email, request.FullName, request.Role!.Value, request.Phone, request.Password), ct);
        if (!outcome.Succeeded)
        {
            return ApiProblems.Invalid(outcome.Errors!);
        }

        var details = (await UserDetailsQuery.LoadAsync(db, outcome.User!.Id, ct))!;
        return TypedResults.Created($"/api/admin/users/{details.Id}", new CreatedUserResponse(details, outcome.InitialPassword));
    }

    private static async Task<Results<Ok<AdminUserDetails>, ProblemHttpResult>> GetAsync(Guid id, TheBotDbContext db, CancellationToken ct) =>
        await UserDetailsQuery.LoadAsync(db, id, ct) is { } details ? TypedResults.Ok(details) : ApiProblems.NotFound("The user");

    private static async Task<Results<Ok<AdminUserDetails>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, UpdateUserRequest request, UserAccounts accounts, [AsParameters] AccountChangeServices services, CancellationToken ct)
    {
        var (db, accessChanges, accountChanges) = services;
        var user = await db.Users
            .Include(u => u.StudentProfile).Include(u => u.TeacherProfile).Include(u => u.TutorProfile)
            .FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null)
        {
            return ApiProblems.NotFound("The user");
        }

        if (request.TimeZone is { } zone && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            return ApiProblems.Invalid("timeZone", $"'{zone}' is not a known IANA time zone (e.g. Europe/Moscow).");
        }

        var losesAdmin = user.Role == UserRole.Admin
            && ((request.Role is { } newRole && newRole != UserRole.Admin) || request.IsActive == false);
        if (losesAdmin && !await db.Users.AnyAsync(u => u.Role == UserRole.Admin && u.IsActive && u.Id != id, ct))
        {
            return ApiProblems.Conflict("This is the last active admin; make someone else an admin first.");
        }

        if (request.TutorId is { } tutorId)
        {
            if (user.Role != UserRole.Student && request.Role != UserRole.Student)
            {
                return ApiProblems.Invalid("tutorId", "Only students have a tutor.");
            }

            if (!await db.Users.AnyAsync(u => u.Id == tutorId && u.Role == UserRole.Tutor && u.IsActive, ct))
            {
                return ApiProblems.Invalid("tutorId", "No active tutor has this id.");
            }
        }

        user.FullName = request.FullName?.Trim() ?? user.FullName;
        user.PhoneNumber = request.Phone is null ? user.PhoneNumber : request.Phone.Trim() is { Length: > 0 } phone ? phone : null;
        user.TimeZone = request.TimeZone ?? user.TimeZone;
        user.Language = request.Language ?? user.Language;

        var accessChanged = false;
        if (request.Role is { } role && role != user.Role)
        {
            await accounts.ChangeRoleAsync(user, role);
            accessChanged = true;
        }

        var activeChanged = false;
        if (request.IsActive is { } isActive && isActive != user.IsActive)
        {
            user.IsActive = isActive;
            accessChanged = activeChanged = true;
        }

        var formerTutorId = user.StudentProfile?.TutorId;
        ApplyProfile(user, request);
        await db.SaveChangesAsync(ct);

        if (activeChanged)
        {
            await accessChanges.UserActiveChangedAsync(user.Id, user.IsActive);
        }

        if (accessChanged)
        {
            await accountChanges.AccessChangedAsync(user.Id, ct);
        }

        if (user.StudentProfile is { } profile && profile.TutorId != formerTutorId)
        {
            await accountChanges.StudentPeopleChangedAsync(user.Id, formerTutorId is { } former ? [former] : [], ct);
        }

        if (user.IsActive == false)
        {
            await accountChanges.DeactivatedAsync(user.Id, ct);
        }
        else if (accessChanged)
        {
            await accessChanges.UserChangedAsync(user.Id);
        }

        return TypedResults.Ok((await UserDetailsQuery.LoadAsync(db, id, ct))!);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeactivateAsync(
        Guid id, [AsParameters] AccountChangeServices services, CancellationToken ct)
    {
        var (db, accessChanges, accountChanges) = services;
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null)
        {
            return ApiProblems.NotFound("The user");
        }

        if (user.Role == UserRole.Admin && user.IsActive
            && !await db.Users.AnyAsync(u => u.Role == UserRole.Admin && u.IsActive && u.Id != id, ct))
        {
            return ApiProblems.Conflict("This is the last active admin; make someone else an admin first.");
        }

        user.IsActive = false;
        await db.SaveChangesAsync(ct);
        await accessChanges.UserActiveChangedAsync(user.Id, isActive: false);
        await accountChanges.DeactivatedAsync(user.Id, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<ResetPasswordResponse>, ProblemHttpResult>> ResetPasswordAsync(
        Guid id, UserManager<User> users, TheBotDbContext db, AccountChanges accountChanges, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return ApiProblems.NotFound("The user");
        }

        // Removing the old password and setting the new one are two saves: one transaction, so neither lands alone
        // (the audit log records the reset with the second).
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var temporary = InitialPassword.Create();
        var result = await users.RemovePasswordAsync(user);
        if (result.Succeeded)
        {
            result = await users.AddPasswordAsync(user, temporary);
        }

        if (!result.Succeeded)
        {
            throw new InvalidOperationException("A generated password was refused: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }

        await transaction.CommitAsync(ct);
        await accountChanges.PasswordResetAsync(user.Id, ct);
        return TypedResults.Ok(new ResetPasswordResponse(temporary));
    }

    private static async Task<Results<Ok<BulkUserActionResponse>, ProblemHttpResult>> BulkAsync(
        BulkUserActionRequest request, BulkUserActions bulk, CurrentUser caller, TheBotDbContext db, CancellationToken ct)
    {
        var action = request.Action!.Trim().ToLowerInvariant();
        if (!BulkUserActionNames.All.Contains(action))
        {
            return ApiProblems.Unprocessable($"Unknown action '{request.Action}'; use one of: {string.Join(", ", BulkUserActionNames.All)}.");
        }

        var ids = request.UserIds!.Distinct().ToList();
        if (ids.Count == 0)
        {
            return ApiProblems.Unprocessable("Select at least one user.");
        }

        if (ids.Count > BulkUserActions.MaxUsers)
        {
            return ApiProblems.Unprocessable($"At most {BulkUserActions.MaxUsers} users at once.");
        }

        if (action == BulkUserActionNames.AssignTutor)
        {
            if (request.TutorId is not { } tutorId)
            {
                return ApiProblems.Unprocessable("Choose the tutor to assign.");
            }

            if (!await db.Users.AnyAsync(u => u.Id == tutorId && u.Role == UserRole.Tutor && u.IsActive, ct))
            {
                return ApiProblems.Unprocessable("No active tutor has this id.");
            }
        }

        var tutor = action == BulkUserActionNames.AssignTutor ? request.TutorId : null;
        return TypedResults.Ok(await bulk.RunAsync(action, ids, tutor, caller.Id, ct));
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> LinkParentAsync(
        Guid id, LinkParentRequest request, TheBotDbContext db, AccountChanges accountChanges, TimeProvider clock, CancellationToken ct)
    {
        var student = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => new { u.Role }).FirstOrDefaultAsync(ct);
        if (student is null)
        {
            return ApiProblems.NotFound("The student");
        }

        if (student.Role != UserRole.Student)
        {
            return ApiProblems.Unprocessable("Parents can be linked only to students.");
        }

        var parentId = request.ParentId!.Value;
        if (!await db.Users.AnyAsync(u => u.Id == parentId && u.Role == UserRole.Parent, ct))
        {
            return ApiProblems.Invalid("parentId", "No parent has this id.");
        }

        if (!await db.StudentParents.AnyAsync(sp => sp.StudentId == id && sp.ParentId == parentId, ct))
        {
            db.StudentParents.Add(new StudentParent { StudentId = id, ParentId = parentId, LinkedAt = clock.GetUtcNow() });
            await db.SaveChangesAsync(ct);
            await accountChanges.StudentPeopleChangedAsync(id, [], ct);
        }

        return TypedResults.NoContent();
    }

    private static void ApplyProfile(User user, UpdateUserRequest request)
    {
        if (user.StudentProfile is { } student && user.Role == UserRole.Student)
        {
            student.Grade = request.Grade ?? student.Grade;
            student.Goal = request.Goal ?? student.Goal;
            student.TutorId = request.TutorId ?? student.TutorId;
        }

        if (request.Bio is not null)
        {
            if (user.TeacherProfile is { } teacher && user.Role == UserRole.Teacher)
            {
                teacher.Bio = request.Bio;
            }

            if (user.TutorProfile is { } tutor && user.Role == UserRole.Tutor)
            {
                tutor.Bio = request.Bio;
            }
        }
    }
}

/// <summary>What changing an account needs: the database, the signed-in sessions' access cache and the followers of accounts.</summary>
internal sealed record AccountChangeServices(
    [FromServices] TheBotDbContext Db, [FromServices] AccessChangeNotifier AccessChanges, [FromServices] AccountChanges AccountChanges);
