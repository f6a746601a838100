using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using TheBot.Api.Data;
using TheBot.Api.Platform.Auth;
using TheBot.Api.Platform.Errors;
using TheBot.Api.Platform.Storage;

namespace TheBot.Api.Features.Users;

/// <summary>
/// A person's own profile (picture, bio, school year and goal) and everyone's pictures. Name, phone, time zone and
/// language are the account's (<c>/api/auth/me</c>); the tutor and the admin keep what only they decide (who tutors whom).
/// </summary>
public static class ProfileApi
{
    public static IEndpointRouteBuilder MapProfileApi(this IEndpointRouteBuilder api)
    {
        var profile = api.MapGroup("/profile").WithTags("Profile");
        profile.MapGet("/", GetAsync).RequireSignedIn()
            .WithName("GetProfile").WithSummary("My picture and the details of my role that are mine to edit");
        profile.MapPatch("/", UpdateAsync).RequireSignedIn()
            .WithName("UpdateProfile").WithSummary("Change my bio (teachers, tutors) or school year and goal (students)")
            .ProducesValidationProblem();
        profile.MapPut("/avatar", UploadAvatarAsync).RequireSignedIn()
            .WithName("UploadAvatar").WithSummary("Set or replace my picture (multipart; PNG, JPEG or WebP by content; at most 2 MB)")
            .AcceptsFileUpload()
            .Produces<ProfileResponse>()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        profile.MapDelete("/avatar", DeleteAvatarAsync).RequireSignedIn()
            .WithName("DeleteAvatar").WithSummary("Remove my picture (my initials are shown again)");

        var users = api.MapGroup("/users").WithTags("Profile");
        users.MapGet("/{id:guid}/avatar", GetAvatarAsync).RequireSignedIn()
            .WithName("GetUserAvatar").WithSummary("A person's picture (ETag; kept for good when asked with its current ?v=)")
            .Produces(StatusCodes.Status200OK, responseType: null, "image/png", "image/jpeg", "image/webp")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Ok<ProfileResponse>, ProblemHttpResult>> GetAsync(CurrentUser caller, TheBotDbContext db, CancellationToken ct) =>
        await ReadAsync(db, caller.Id, ct) is { } profile ? TypedResults.Ok(profile) : ApiProblems.NotFound("The user");

    private static async Task<Results<Ok<ProfileResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        UpdateProfileRequest request, CurrentUser caller, TheBotDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request.Bio is not null && caller.Role is not (UserRole.Teacher or UserRole.Tutor))
        {
            errors["bio"] = ["Only teachers and tutors have a bio."];
        }

        if (caller.Role != UserRole.Student)
        {
            if (request.Grade is not null)
            {
                errors["grade"] = ["Only students have a school year."];
            }

            if (request.Goal is not null)
            {
                errors["goal"] = ["Only students have a goal."];
            }
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors);
        }

        var userId = caller.Id;
        var user = await db.Users.Include(u => u.StudentProfile).Include(u => u.TeacherProfile).Include(u => u.TutorProfile)
            .FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
        {
            return ApiProblems.NotFound("The user");
        }

        switch (user.Role)
        {
            case UserRole.Teacher when request.Bio is not null:
                (user.TeacherProfile ??= new TeacherProfile { UserId = userId }).Bio = Cleared(request.Bio);
                break;
            case UserRole.Tutor when request.Bio is not null:
                (user.TutorProfile ??= new TutorProfile { UserId = userId }).Bio = Cleared(request.Bio);
                break;
            case UserRole.Student:
                var student = user.StudentProfile ??= new StudentProfile { UserId = userId };
                student.Grade = request.Grade ?? student.Grade;
                student.Goal = request.Goal is null ? student.Goal : Cleared(request.Goal);
                break;
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok((await ReadAsync(db, userId, ct))!);
    }

    private static async Task<IResult> UploadAvatarAsync(
        HttpRequest http, CurrentUser caller, TheBotDbContext db, [AsParameters] FileUploads uploads, CancellationToken ct)
    {
        var userId = caller.Id;
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
        {
            return ApiProblems.NotFound("The user");
        }

        var upload = await uploads.Reader.ReadAsync(http, UserAvatars.Limits, ct);
        if (upload.Problem is not null)
        {
            return upload.Problem;
        }

        // The previous picture is left to RemoveUnreferencedFilesJob: a download may still be reading it.
        var file = upload.Form!.Files[0];
        user.AvatarKey = file.StorageKey;
        user.AvatarContentType = file.ContentType;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            await uploads.Quota.ForgetAsync([file.StorageKey], CancellationToken.None);
            throw;
        }

        return TypedResults.Ok((await ReadAsync(db, userId, ct))!);
    }

    private static async Task<NoContent> DeleteAvatarAsync(CurrentUser caller, TheBotDbContext db, CancellationToken ct)
    {
        var userId = caller.Id;
        await db.Users.Where(u => u.Id == userId && u.AvatarKey != null)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.AvatarKey, (string?)null).SetProperty(x => x.AvatarContentType, (string?)null), ct);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> GetAvatarAsync(
        Guid id, string? v, HttpContext http, TheBotDbContext db, IContentStore store, CancellationToken ct)
    {
        var avatar = await db.Users.AsNoTracking()
            .Where(u => u.Id == id && u.AvatarKey != null)
            .Select(u => new { Key = u.AvatarKey!, ContentType = u.AvatarContentType! })
            .FirstOrDefaultAsync(ct);
        if (avatar is null)
        {
            return ApiProblems.NotFound("The picture");
        }

        var headers = http.Response.Headers;
        var entityTag = UserAvatars.EntityTagOf(avatar.Key);
        headers.ETag = entityTag;
        // The current version's address never changes content; any other address is checked each time.
        headers.CacheControl = v == UserAvatars.VersionOf(avatar.Key) ? "private, max-age=31536000, immutable" : "private, no-cache";
        headers.XContentTypeOptions = "nosniff";
        if (http.Request.GetTypedHeaders().IfNoneMatch is { Count: > 0 } presented
            && presented.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(new EntityTagHeaderValue(entityTag), useStrongComparison: false)))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return await store.OpenReadAsync(avatar.Key, ct) is { } content
            ? TypedResults.Stream(content, avatar.ContentType)
            : ApiProblems.NotFound("The picture");
    }

    private static string? Cleared(string text) => text.Trim() is { Length: > 0 } trimmed ? trimmed : null;

    private static Task<ProfileResponse?> ReadAsync(TheBotDbContext db, Guid userId, CancellationToken ct) =>
        db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new ProfileResponse(
                u.Id,
                u.FullName,
                u.Role,
                UserAvatars.UrlOf(u.Id, u.AvatarKey),
                u.Role == UserRole.Teacher ? u.TeacherProfile!.Bio : u.Role == UserRole.Tutor ? u.TutorProfile!.Bio : null,
                u.Role == UserRole.Student ? u.StudentProfile!.Grade : null,
                u.Role == UserRole.Student ? u.StudentProfile!.Goal : null))
            .FirstOrDefaultAsync(ct);
}
