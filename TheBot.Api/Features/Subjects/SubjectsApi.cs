using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using TheBot.Api.Data;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Auth;
using TheBot.Api.Platform.Errors;
using TheBot.Api.Platform.Paging;

namespace TheBot.Api.Features.Subjects;

public static class SubjectsApi
{
    public static IEndpointRouteBuilder MapSubjectsApi(this IEndpointRouteBuilder api)
    {
        var subjects = api.MapGroup("/subjects").WithTags("Subjects");
        subjects.MapGet("/", ListAsync).RequireSignedIn()
            .WithName("ListSubjects").WithSummary("The centre's subjects, by name");
        subjects.MapPost("/", CreateAsync).RequireRoles(UserRole.Admin)
            .WithName("CreateSubject").WithSummary("Add a subject").ProducesProblem(StatusCodes.Status409Conflict);
        subjects.MapPatch("/{id:guid}", UpdateAsync).RequireRoles(UserRole.Admin)
            .WithName("UpdateSubject").WithSummary("Rename, describe, recolour or (de)activate a subject").ProducesProblem(StatusCodes.Status409Conflict);
        subjects.MapGet("/{id:guid}/teachers", ListTeachersAsync).RequireSignedIn()
            .WithName("ListSubjectTeachers").WithSummary("Active teachers who teach the subject");

        var mine = api.MapGroup("/teacher/subjects").WithTags("Subjects").RequireRoles(UserRole.Teacher);
        mine.MapGet("/", ListMineAsync).WithName("ListMySubjects").WithSummary("The subjects the signed-in teacher teaches");
        mine.MapPut("/", SetMineAsync).WithName("SetMySubjects").WithSummary("Declare the subjects the signed-in teacher teaches");

        return api;
    }

    private static async Task<Ok<PagedResult<SubjectResponse>>> ListAsync(
        [AsParameters] SubjectQuery query, CurrentUser caller, TheBotDbContext db, CancellationToken ct)
    {
        var subjects = db.Subjects.AsNoTracking();
        if (query.IncludeInactive != true || !caller.IsAdmin)
        {
            subjects = subjects.Where(s => s.IsActive);
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = SearchPattern.Containing(query.Search);
            subjects = subjects.Where(s => EF.Functions.ILike(s.Name, pattern, SearchPattern.EscapeCharacter));
        }

        return TypedResults.Ok(await subjects.OrderBy(s => s.Name).ThenBy(s => s.Id)
            .Select(s => new SubjectResponse(s.Id, s.Name, s.Description, s.Color, s.IsActive))
            .ToPageAsync(query.Paging, ct));
    }

    private static async Task<Results<Created<SubjectResponse>, ProblemHttpResult>> CreateAsync(
        CreateSubjectRequest request, TheBotDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var subject = new Subject
        {
            Id = Guid.CreateVersion7(),
            Name = request.Name.Trim(),
            Description = request.Description?.Trim(),
            Color = request.Color ?? "#4F46E5",
            CreatedAt = clock.GetUtcNow(),
        };
        db.Subjects.Add(subject);
        if (!await TrySaveAsync(db, ct))
        {
            return ApiProblems.Conflict($"A subject named '{subject.Name}' already exists.");
        }

        return TypedResults.Created($"/api/subjects/{subject.Id}", ToResponse(subject));
    }

    private static async Task<Results<Ok<SubjectResponse>, ProblemHttpResult>> UpdateAsync(
        Guid id, UpdateSubjectRequest request, TheBotDbContext db, CancellationToken ct)
    {
        var subject = await db.Subjects.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (subject is null)
        {
            return ApiProblems.NotFound("The subject");
        }

        subject.Name = request.Name?.Trim() ?? subject.Name;
        subject.Description = request.Description is null ? subject.Description : request.Description.Trim();
        subject.Color = request.Color ?? subject.Color;
        subject.IsActive = request.IsActive ?? subject.IsActive;
        if (!await TrySaveAsync(db, ct))
        {
            return ApiProblems.Conflict($"A subject named '{subject.Name}' already exists.");
        }

        return TypedResults.Ok(ToResponse(subject));
    }

    private static async Task<Results<Ok<List<TeacherRef>>, ProblemHttpResult>> ListTeachersAsync(Guid id, TheBotDbContext db, CancellationToken ct)
    {
        if (!await db.Subjects.AnyAsync(s => s.Id == id, ct))
        {
            return ApiProblems.NotFound("The subject");
        }

        return TypedResults.Ok(await db.TeacherSubjects.AsNoTracking()
            .Where(ts => ts.SubjectId == id)
            .Join(db.Users.Where(u => u.IsActive && u.Role == UserRole.Teacher), ts => ts.TeacherId, u => u.Id, (_, u) => u)
            .OrderBy(u => u.FullName)
            .Select(u => new TeacherRef(u.Id, u.FullName, u.Email!))
            .ToListAsync(ct));
    }

    private static async Task<Ok<List<SubjectResponse>>> ListMineAsync(CurrentUser caller, TheBotDbContext db, CancellationToken ct)
    {
        var teacherId = caller.Id;
        return TypedResults.Ok(await db.TeacherSubjects.AsNoTracking()
            .Where(ts => ts.TeacherId == teacherId)
            .OrderBy(ts => ts.Subject!.Name)
            .Select(ts => new SubjectResponse(ts.Subject!.Id, ts.Subject.Name, ts.Subject.Description, ts.Subject.Color, ts.Subject.IsActive))
            .ToListAsync(ct));
    }

    private static async Task<Results<Ok<List<SubjectResponse>>, ValidationProblem>> SetMineAsync(
        SetTeacherSubjectsRequest request, CurrentUser caller, TheBotDbContext db, CancellationToken ct)
    {
        var teacherId = caller.Id;
        var wanted = request.SubjectIds!.Distinct().ToList();
        var known = await db.Subjects.Where(s => wanted.Contains(s.Id) && s.IsActive).Select(s => s.Id).ToListAsync(ct);
        if (known.Count != wanted.Count)
        {
            return ApiProblems.Invalid("subjectIds", "Some of these are not active subjects.");
        }

        var current = await db.TeacherSubjects.Where(ts => ts.TeacherId == teacherId).ToListAsync(ct);
        db.TeacherSubjects.RemoveRange(current.Where(ts => !wanted.Contains(ts.SubjectId)));
        db.TeacherSubjects.AddRange(wanted.Where(id => current.TrueForAll(ts => ts.SubjectId != id))
            .Select(id => new TeacherSubject { TeacherId = teacherId, SubjectId = id }));
        await db.SaveChangesAsync(ct);
        return await ListMineAsync(caller, db, ct);
    }

    private static async Task<bool> TrySaveAsync(TheBotDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return false;
        }
    }

    private static SubjectResponse ToResponse(Subject s) => new(s.Id, s.Name, s.Description, s.Color, s.IsActive);
}
