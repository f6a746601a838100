using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Features.Enrollments;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Auth;
using TheBot.Api.Platform.Errors;
using TheBot.Api.Platform.Paging;
using TheBot.Api.Platform.Storage;
using TheBot.Api.Platform.Validation;

namespace TheBot.Api.Features.Materials;

public static class MaterialsApi
{
    public static IEndpointRouteBuilder MapMaterialsApi(this IEndpointRouteBuilder api)
    {
        var materials = api.MapGroup("/materials").WithTags("Materials");
        materials.MapGet("/", ListAsync).RequireSignedIn()
            .WithName("ListMaterials").WithSummary("Materials the caller may see (own, or active ones for a visible student's enrollment)");
        materials.MapPost("/", CreateAsync).RequireRoles(UserRole.Teacher)
            .WithName("CreateMaterial").WithSummary("Publish a material for my students of a subject (all, or chosen ones)")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        materials.MapPatch("/{id:guid}", UpdateAsync).RequireRoles(UserRole.Teacher)
            .WithName("UpdateMaterial").WithSummary("Edit my material, or move it between draft, active and archived")
            .ProducesProblem(StatusCodes.Status404NotFound);
        materials.MapPost("/{id:guid}/files", UploadAsync).RequireRoles(UserRole.Teacher)
            .WithName("UploadMaterialFile").WithSummary("Attach a file (multipart, at most 50 MB, type checked by content); replaces any previous one")
            .AcceptsFileUpload()
            .Produces<MaterialResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        materials.MapGet("/{id:guid}/files", DownloadAsync).RequireSignedIn()
            .WithName("DownloadMaterialFile").WithSummary("Download the attached file (only materials the caller may see)")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status404NotFound);
        materials.MapPost("/{id:guid}/progress", ProgressAsync).RequireRoles(UserRole.Student)
            .WithName("RecordMaterialProgress")
            .WithSummary("Mark a material opened or completed, and report time spent with it open (a heartbeat of at most 60 seconds)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        materials.MapGet("/{id:guid}/progress", ListProgressAsync).RequireRoles(UserRole.Teacher, UserRole.Admin)
            .WithName("ListMaterialProgress").WithSummary("Which students opened and completed a material, and the time each spent on it")
            .ProducesProblem(StatusCodes.Status404NotFound);
        materials.MapGet("/progress", MaterialProgressSummaries.ListAsync).RequireSignedIn()
            .WithName("ListMaterialProgressSummaries")
            .WithSummary("Per student and subject: materials opened and completed, the share completed and the time spent (students they may see)");
        materials.MapMaterialQuestions();
        return api;
    }

    private static async Task<Ok<PagedResult<MaterialResponse>>> ListAsync(
        [AsParameters] MaterialQuery query, CurrentUser caller, TheBotDbContext db, CancellationToken ct)
    {
        var materials = MaterialAccess.Visible(db, caller.Id, caller.Role).AsNoTracking();
        materials = materials.FilteredBy(query.SubjectId, subjectId => m => m.SubjectId == subjectId);

        var page = await materials.OrderByDescending(m => m.CreatedAt).ThenBy(m => m.Id).Select(MaterialAccess.Projection).ToPageAsync(query.Paging, ct);
        if (caller.Role != UserRole.Student || page.Items.Count == 0)
        {
            return TypedResults.Ok(page);
        }

        // A student's list carries their own progress on each material: one more query for the page.
        var ids = page.Items.Select(m => m.Id).ToList();
        var mine = await db.MaterialProgress.AsNoTracking().Where(p => p.StudentId == caller.Id && ids.Contains(p.MaterialId))
            .ToDictionaryAsync(p => p.MaterialId, p => new MyMaterialProgress(p.OpenedAt, p.CompletedAt, p.SecondsSpent), ct);
        return TypedResults.Ok(page with { Items = [.. page.Items.Select(m => m with { Progress = mine.GetValueOrDefault(m.Id) })] });
    }

    private static async Task<Results<Created<MaterialResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateMaterialRequest request, CurrentUser caller, [AsParameters] MaterialServices services, CancellationToken ct)
    {
        var (db, clock) = services;
        var teacherId = caller.Id;
        var subjectId = request.SubjectId!.Value;
        if (!await db.TeacherSubjects.AnyAsync(ts => ts.TeacherId == teacherId && ts.SubjectId == subjectId, ct))
        {
            return ApiProblems.Unprocessable("You do not teach this subject.");
        }

        var kind = Enum.Parse<MaterialKind>(request.Kind!, ignoreCase: true);
        var videoUrl = string.IsNullOrWhiteSpace(request.VideoUrl) ? null : request.VideoUrl.Trim();
        if (CheckVideoUrl(kind, videoUrl) is { } videoProblem)
        {
            return videoProblem;
        }

        var recipients = request.StudentIds?.Distinct().ToList() ?? [];
        if (recipients.Count > 0)
        {
            var enrolled = await db.Enrollments.CountAsync(e => e.TeacherId == teacherId && e.SubjectId == subjectId
                && e.Status == EnrollmentStatus.Active && recipients.Contains(e.StudentId), ct);
            if (enrolled != recipients.Count)
            {
                return ApiProblems.Invalid("studentIds", "Every chosen student must be enrolled with you in this subject.");
            }
        }

        var now = clock.GetUtcNow();
        var material = new Material
        {
            Id = Guid.CreateVersion7(),
            TeacherId = teacherId,
            SubjectId = subjectId,
            Title = request.Title!.Trim(),
            Description = request.Description,
            Kind = kind,
            Status = request.Status is null ? MaterialStatus.Active : Enum.Parse<MaterialStatus>(request.Status, ignoreCase: true),
            Difficulty = request.Difficulty ?? 1,
            VideoUrl = videoUrl,
            ForAllStudents = recipients.Count == 0,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Materials.Add(material);
        db.MaterialRecipients.AddRange(recipients.Select(s => new MaterialRecipient { MaterialId = material.Id, StudentId = s }));
        await db.SaveChangesAsync(ct);
        var response = await db.Materials.AsNoTracking().Where(m => m.Id == material.Id).Select(MaterialAccess.Projection).FirstAsync(ct);
        return TypedResults.Created($"/api/materials/{material.Id}", response);
    }

    private static async Task<Results<Ok<MaterialResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, UpdateMaterialRequest request, CurrentUser caller, [AsParameters] MaterialServices services, CancellationToken ct)
    {
        var (db, clock) = services;
        var material = await db.Materials.FirstOrDefaultAsync(m => m.Id == id && m.TeacherId == caller.Id, ct);
        if (material is null)
        {
            return ApiProblems.NotFound("The material");
        }

        if (request.Title is not null && string.IsNullOrWhiteSpace(request.Title))
        {
            return ApiProblems.Invalid("title", "The title cannot be blank.");
        }

        var videoUrl = request.VideoUrl is null ? material.VideoUrl : string.IsNullOrWhiteSpace(request.VideoUrl) ? null : request.VideoUrl.Trim();
        if (CheckVideoUrl(material.Kind, videoUrl) is { } videoProblem)
        {
            return videoProblem;
        }

        material.Title = request.Title?.Trim() ?? material.Title;
        material.Description = request.Description is null ? material.Description : string.IsNullOrWhiteSpace(request.Description) ? null : request.Description;
        material.Difficulty = request.Difficulty ?? material.Difficulty;
        material.VideoUrl = videoUrl;
        material.Status = request.Status is null ? material.Status : Enum.Parse<MaterialStatus>(request.Status, ignoreCase: true);
        material.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await db.Materials.AsNoTracking().Where(m => m.Id == id).Select(MaterialAccess.Projection).FirstAsync(ct));
    }

    private static ValidationProblem? CheckVideoUrl(MaterialKind kind, string? videoUrl)
    {
        if (videoUrl is not null && !(Uri.TryCreate(videoUrl, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps))
        {
            return ApiProblems.Invalid("videoUrl", "The video link must be an https:// address.");
        }

        return kind == MaterialKind.VideoLink && videoUrl is null
            ? ApiProblems.Invalid("videoUrl", "A video link material needs its https:// address.")
            : null;
    }

    private static async Task<IResult> UploadAsync(
        Guid id, HttpRequest http, CurrentUser caller, [AsParameters] MaterialServices services, [AsParameters] FileUploads uploads,
        CancellationToken ct)
    {
        var (db, clock) = services;
        var material = await db.Materials.FirstOrDefaultAsync(m => m.Id == id && m.TeacherId == caller.Id, ct);
        if (material is null)
        {
            return ApiProblems.NotFound("The material");
        }

        var upload = await uploads.Reader.ReadAsync(http, new UploadLimits(MaxFiles: 1, MinFiles: 1), ct);
        if (upload.Problem is not null)
        {
            return upload.Problem;
        }

        // The previous file is left to RemoveUnreferencedFilesJob: a download may still be reading it.
        var file = upload.Form!.Files[0];
        material.FileKey = file.StorageKey;
        material.FileName = file.FileName;
        material.FileContentType = file.ContentType;
        material.FileLength = file.Length;
        material.FileSha256 = file.Sha256;
        material.UpdatedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            await uploads.Quota.ForgetAsync([file.StorageKey], CancellationToken.None);
            throw;
        }

        return TypedResults.Ok(await db.Materials.AsNoTracking().Where(m => m.Id == id).Select(MaterialAccess.Projection).FirstAsync(ct));
    }

    private static async Task<IResult> DownloadAsync(
        Guid id, CurrentUser caller, TheBotDbContext db, IContentStore store, CancellationToken ct)
    {
        var file = await MaterialAccess.Visible(db, caller.Id, caller.Role).AsNoTracking()
            .Where(m => m.Id == id && m.FileKey != null)
            .Select(m => new { m.FileKey, m.FileName, m.FileContentType })
            .FirstOrDefaultAsync(ct);
        if (file is null || await store.OpenReadAsync(file.FileKey!, ct) is not { } content)
        {
            return ApiProblems.NotFound("The file");
        }

        return StorageRegistration.Download(content, file.FileContentType!, file.FileName!);
    }

    private static async Task<Results<Ok<MaterialProgressItem>, ProblemHttpResult>> ProgressAsync(
        Guid id, MaterialProgressRequest? request, CurrentUser caller, [AsParameters] MaterialServices services, CancellationToken ct)
    {
        var (db, clock) = services;
        var studentId = caller.Id;
        if (!await MaterialAccess.Visible(db, studentId, UserRole.Student).AnyAsync(m => m.Id == id, ct))
        {
            return ApiProblems.NotFound("The material");
        }

        var now = clock.GetUtcNow();
        var progress = await db.MaterialProgress.FirstOrDefaultAsync(p => p.MaterialId == id && p.StudentId == studentId, ct);
        if (progress is null)
        {
            // The opening itself: no time is credited until a heartbeat shows the material stayed open.
            progress = new MaterialProgress { MaterialId = id, StudentId = studentId, OpenedAt = now, LastActiveAt = now };
            db.MaterialProgress.Add(progress);
        }
        else
        {
            progress.SecondsSpent += MaterialProgressRules.Credit(request?.Seconds ?? 0, progress.LastActiveAt, now);
            progress.LastActiveAt = now;
        }

        if (request?.Completed == true)
        {
            progress.CompletedAt ??= now;
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await db.MaterialProgress.AsNoTracking().Where(p => p.MaterialId == id && p.StudentId == studentId)
            .Select(p => new MaterialProgressItem(p.MaterialId, db.Users.Where(u => u.Id == p.StudentId).Select(u => new PersonRef(u.Id, u.FullName, u.Email!)).First(),
                p.OpenedAt, p.CompletedAt, p.SecondsSpent, p.LastActiveAt))
            .FirstAsync(ct));
    }

    private static async Task<Results<Ok<List<MaterialProgressItem>>, ProblemHttpResult>> ListProgressAsync(
        Guid id, CurrentUser caller, TheBotDbContext db, CancellationToken ct)
    {
        if (!await MaterialAccess.Visible(db, caller.Id, caller.Role).AnyAsync(m => m.Id == id, ct))
        {
            return ApiProblems.NotFound("The material");
        }

        return TypedResults.Ok(await db.MaterialProgress.AsNoTracking().Where(p => p.MaterialId == id)
            .Join(db.Users, p => p.StudentId, u => u.Id, (p, u) => new { p, u })
            .OrderBy(x => x.u.FullName).ThenBy(x => x.u.Id)
            .Select(x => new MaterialProgressItem(x.p.MaterialId, new PersonRef(x.u.Id, x.u.FullName, x.u.Email!), x.p.OpenedAt, x.p.CompletedAt,
                x.p.SecondsSpent, x.p.LastActiveAt))
            .ToListAsync(ct));
    }
}

/// <summary>What changing a material needs: the database and the clock.</summary>
internal sealed record MaterialServices(TheBotDbContext Db, TimeProvider Clock);
