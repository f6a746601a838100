using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Platform.Auth;
using TheBot.Api.Platform.Errors;
using TheBot.Api.Platform.Paging;
using TheBot.Api.Platform.Validation;

namespace TheBot.Api.Features.Knowledge;

/// <summary>The element bank and the lessons made of it (teachers; docs/knowledge-graph.md).</summary>
public static class KnowledgeBankApi
{
    public static RouteGroupBuilder MapKnowledgeBankApi(this RouteGroupBuilder knowledge)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        knowledge.MapGet("/elements", ListElementsAsync).RequireRoles(UserRole.Teacher)
            .WithName("ListKnowledgeElements").WithSummary("My elements and those shared with me in subjects I teach, newest first");
        knowledge.MapGet("/elements/{id:guid}", GetElementAsync).RequireRoles(UserRole.Teacher)
            .WithName("GetKnowledgeElement").WithSummary("One element with its answer key")
            .ProducesProblem(StatusCodes.Status404NotFound);
        knowledge.MapPost("/elements", CreateElementAsync).RequireRoles(UserRole.Teacher)
            .WithName("CreateKnowledgeElement").WithSummary("Write an element in a subject I teach")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        knowledge.MapPut("/elements/{id:guid}", UpdateElementAsync).RequireRoles(UserRole.Teacher)
            .WithName("UpdateKnowledgeElement").WithSummary("Replace my element")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        knowledge.MapDelete("/elements/{id:guid}", DeleteElementAsync).RequireRoles(UserRole.Teacher)
            .WithName("DeleteKnowledgeElement").WithSummary("Delete my element (409 elementInUse while a lesson has it)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        knowledge.MapGet("/lessons", ListLessonsAsync).RequireRoles(UserRole.Teacher)
            .WithName("ListKnowledgeLessons").WithSummary("My lessons, newest first");
        knowledge.MapGet("/lessons/{id:guid}", GetLessonAsync).RequireRoles(UserRole.Teacher)
            .WithName("GetKnowledgeLesson").WithSummary("My lesson with its elements (with answer keys)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        knowledge.MapPost("/lessons", CreateLessonAsync).RequireRoles(UserRole.Teacher)
            .WithName("CreateKnowledgeLesson").WithSummary("Write a lesson of elements from my bank in a subject I teach")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        knowledge.MapPut("/lessons/{id:guid}", UpdateLessonAsync).RequireRoles(UserRole.Teacher)
            .WithName("UpdateKnowledgeLesson").WithSummary("Replace my lesson's title, description, pass mark and elements")
            .ProducesProblem(StatusCodes.Status404NotFound);
        knowledge.MapDelete("/lessons/{id:guid}", DeleteLessonAsync).RequireRoles(UserRole.Teacher)
            .WithName("DeleteKnowledgeLesson").WithSummary("Delete my lesson (409 lessonInUse while a graph has it)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return knowledge;
    }

    public const string ElementInUseCode = "elementInUse";
    public const string LessonInUseCode = "lessonInUse";

    private static async Task<Ok<PagedResult<KnowledgeElementResponse>>> ListElementsAsync(
        [AsParameters] KnowledgeElementQuery query, CurrentUser caller, TheBotDbContext db, CancellationToken ct)
    {
        var kind = WireName.Parse<KnowledgeElementKind>(query.Kind);
        var elements = KnowledgeAccess.Elements(db, caller).AsNoTracking()
            .FilteredBy(query.SubjectId, subjectId => e => e.SubjectId == subjectId)
            .FilteredBy(kind, k => e => e.Kind == k)
            .FilteredBy(query.Tag, tag => e => e.Tags.Contains(tag))
            .FilteredBy(query.Search, search => e => EF.Functions.ILike(e.Title, SearchPattern.Containing(search), SearchPattern.EscapeCharacter));
        var page = await elements.OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id)
            .Select(KnowledgeAccess.ElementProjection).ToPageAsync(query.Paging, ct);
        return TypedResults.Ok(page with { Items = [.. page.Items.Select(e => e with { Mine = e.Author.Id == caller.Id })] });
    }

    private static async Task<Results<Ok<KnowledgeElementResponse>, ProblemHttpResult>> GetElementAsync(
        Guid id, CurrentUser caller, TheBotDbContext db, CancellationToken ct)
    {
        var element = await ReadElementAsync(db, caller, id, ct);
        return element is null ? ApiProblems.NotFound("The element") : TypedResults.Ok(element);
    }

    private static async Task<KnowledgeElementResponse?> ReadElementAsync(TheBotDbContext db, CurrentUser caller, Guid id, CancellationToken ct)
    {
        var element = await KnowledgeAccess.Elements(db, caller).AsNoTracking().Where(e => e.Id == id)
            .Select(KnowledgeAccess.ElementProjection).FirstOrDefaultAsync(ct);
        return element is null ? null : element with { Mine = element.Author.Id == caller.Id };
    }

    private static async Task<ProblemHttpResult?> CheckSubjectAsync(TheBotDbContext db, CurrentUser caller, Guid subjectId, CancellationToken ct) =>
        await KnowledgeAccess.TaughtSubjects(db, caller.Id).AnyAsync(s => s == subjectId, ct)
            ? null
            : ApiProblems.Forbidden("You do not teach this subject.");

    private static async Task<Results<Created<KnowledgeElementResponse>, ValidationProblem, ProblemHttpResult>> CreateElementAsync(
        KnowledgeElementRequest request, CurrentUser caller, TheBotDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var element = new KnowledgeElement { Id = Guid.CreateVersion7(), AuthorId = caller.Id, Title = "", CreatedAt = now, UpdatedAt = now };
        if (KnowledgeChecking.Apply(request, element) is { } invalid)
        {
            return invalid;
        }

        if (await CheckSubjectAsync(db, caller, element.SubjectId, ct) is { } refused)
        {
            return refused;
        }

        db.KnowledgeElements.Add(element);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/knowledge/elements/{element.Id}", await ReadElementAsync(db, caller, element.Id, ct));
    }

    private static async Task<Results<Ok<KnowledgeElementResponse>, ValidationProblem, ProblemHttpResult>> UpdateElementAsync(
        Guid id, KnowledgeElementRequest request, CurrentUser caller, TheBotDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var element = await db.KnowledgeElements.FirstOrDefaultAsync(e => e.Id == id && e.AuthorId == caller.Id, ct);
        if (element is null)
        {
            return ApiProblems.NotFound("The element");
        }

        var subjectBefore = element.SubjectId;
        if (KnowledgeChecking.Apply(request, element) is { } invalid)
        {
            return invalid;
        }

        if (element.SubjectId != subjectBefore && await CheckSubjectAsync(db, caller, element.SubjectId, ct) is { } refused)
        {
            return refused;
        }

        element.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok((await ReadElementAsync(db, caller, id, ct))!);
    }

    private static Task<Results<NoContent, ProblemHttpResult>> DeleteElementAsync(Guid id, CurrentUser caller, TheBotDbContext db, CancellationToken ct) =>
        DeleteUnlessUsedAsync(db, db.KnowledgeElements.Where(e => e.Id == id && e.AuthorId == caller.Id), "The element",
            db.KnowledgeLessonElements.Where(e => e.ElementId == id).Select(e => true), ElementInUseCode,
            "The element is in a lesson; take it out of its lessons first.", ct);

    /// <summary>Deletes the caller's element or lesson (404 if not theirs), unless something uses it (409 with <paramref name="code"/>).</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteUnlessUsedAsync<T>(
        TheBotDbContext db, IQueryable<T> mine, string what, IQueryable<bool> uses, string code, string detail, CancellationToken ct)
        where T : class
    {
        var found = await mine.FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return ApiProblems.NotFound(what);
        }

        if (await uses.AnyAsync(ct))
        {
            return ApiProblems.Conflict(detail, new Dictionary<string, object?> { ["code"] = code });
        }

        db.Remove(found);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<PagedResult<KnowledgeLessonSummary>>> ListLessonsAsync(
        [AsParameters] KnowledgeLessonQuery query, CurrentUser caller, TheBotDbContext db, CancellationToken ct)
    {
        var lessons = db.KnowledgeLessons.AsNoTracking().Where(l => l.AuthorId == caller.Id)
            .FilteredBy(query.SubjectId, subjectId => l => l.SubjectId == subjectId)
            .FilteredBy(query.Search, search => l => EF.Functions.ILike(l.Title, SearchPattern.Containing(search), SearchPattern.EscapeCharacter));
        return TypedResults.Ok(await lessons.OrderByDescending(l => l.CreatedAt).ThenByDescending(l => l.Id)
            .Select(l => new KnowledgeLessonSummary(l.Id, l.SubjectId, l.Title, l.Description, l.PassPercent, l.Elements.Count, l.CreatedAt, l.UpdatedAt))
            .ToPageAsync(query.Paging, ct));
    }

    private static async Task<Results<Ok<KnowledgeLessonResponse>, ProblemHttpResult>> GetLessonAsync(
        Guid id, CurrentUser caller, TheBotDbContext db, CancellationToken ct)
    {
        var lesson = await ReadLessonAsync(db, caller, id, ct);
        return lesson is null ? ApiProblems.NotFound("The lesson") : TypedResults.Ok(lesson);
    }

    private static async Task<KnowledgeLessonResponse?> ReadLessonAsync(TheBotDbContext db, CurrentUser caller, Guid id, CancellationToken ct)
    {
        var lesson = await db.KnowledgeLessons.AsNoTracking().Where(l => l.Id == id && l.AuthorId == caller.Id)
            .Select(l => new { l.Id, l.SubjectId, l.Title, l.Description, l.PassPercent, l.CreatedAt, l.UpdatedAt })
            .FirstOrDefaultAsync(ct);
        if (lesson is null)
        {
            return null;
        }

        var elements = await db.KnowledgeLessonElements.AsNoTracking().Where(e => e.LessonId == id).OrderBy(e => e.Position)
            .Select(e => e.Element!).Select(KnowledgeAccess.ElementProjection).ToListAsync(ct);
        return new KnowledgeLessonResponse(lesson.Id, lesson.SubjectId, lesson.Title, lesson.Description, lesson.PassPercent,
            lesson.CreatedAt, lesson.UpdatedAt, [.. elements.Select(e => e with { Mine = e.Author.Id == caller.Id })]);
    }

    /// <summary>The elements must be ones the teacher may use, in the lesson's subject, each once.</summary>
    private static async Task<ValidationProblem?> CheckElementsAsync(
        TheBotDbContext db, CurrentUser caller, Guid subjectId, IReadOnlyList<Guid> elementIds, CancellationToken ct)
    {
        if (elementIds.Distinct().Count() != elementIds.Count)
        {
            return ApiProblems.Invalid("elementIds", "Each element appears once in a lesson.");
        }

        var usable = await KnowledgeAccess.Elements(db, caller).CountAsync(e => elementIds.Contains(e.Id) && e.SubjectId == subjectId, ct);
        return usable == elementIds.Count ? null : ApiProblems.Invalid("elementIds", "Use elements of the lesson's subject from your bank.");
    }

    private static void SetElements(KnowledgeLesson lesson, IReadOnlyList<Guid> elementIds)
    {
        lesson.Elements.Clear();
        lesson.Elements.AddRange(elementIds.Select((id, i) => new KnowledgeLessonElement { LessonId = lesson.Id, ElementId = id, Position = i }));
    }

    private static async Task<Results<Created<KnowledgeLessonResponse>, ValidationProblem, ProblemHttpResult>> CreateLessonAsync(
        KnowledgeLessonRequest request, CurrentUser caller, TheBotDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var subjectId = request.SubjectId!.Value;
        if (await CheckSubjectAsync(db, caller, subjectId, ct) is { } refused)
        {
            return refused;
        }

        if (await CheckElementsAsync(db, caller, subjectId, request.ElementIds!, ct) is { } invalid)
        {
            return invalid;
        }

        var now = clock.GetUtcNow();
        var lesson = new KnowledgeLesson
        {
            Id = Guid.CreateVersion7(),
            AuthorId = caller.Id,
            SubjectId = subjectId,
            Title = request.Title!.Trim(),
            Description = request.Description,
            PassPercent = request.PassPercent ?? 80,
            CreatedAt = now,
            UpdatedAt = now,
        };
        SetElements(lesson, request.ElementIds!);
        db.KnowledgeLessons.Add(lesson);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/knowledge/lessons/{lesson.Id}", await ReadLessonAsync(db, caller, lesson.Id, ct));
    }

    private static async Task<Results<Ok<KnowledgeLessonResponse>, ValidationProblem, ProblemHttpResult>> UpdateLessonAsync(
        Guid id, KnowledgeLessonRequest request, CurrentUser caller, TheBotDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var lesson = await db.KnowledgeLessons.Include(l => l.Elements).FirstOrDefaultAsync(l => l.Id == id && l.AuthorId == caller.Id, ct);
        if (lesson is null)
        {
            return ApiProblems.NotFound("The lesson");
        }

        if (request.SubjectId != lesson.SubjectId)
        {
            return ApiProblems.Invalid("subjectId", "A lesson stays in its subject.");
        }

        if (await CheckElementsAsync(db, caller, lesson.SubjectId, request.ElementIds!, ct) is { } invalid)
        {
            return invalid;
        }

        lesson.Title = request.Title!.Trim();
        lesson.Description = request.Description;
        lesson.PassPercent = request.PassPercent ?? lesson.PassPercent;
        lesson.UpdatedAt = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.KnowledgeLessonElements.RemoveRange(lesson.Elements);
        await db.SaveChangesAsync(ct);
        SetElements(lesson, request.ElementIds!);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Ok((await ReadLessonAsync(db, caller, id, ct))!);
    }

    private static Task<Results<NoContent, ProblemHttpResult>> DeleteLessonAsync(Guid id, CurrentUser caller, TheBotDbContext db, CancellationToken ct) =>
        DeleteUnlessUsedAsync(db, db.KnowledgeLessons.Where(l => l.Id == id && l.AuthorId == caller.Id), "The lesson",
            db.KnowledgeNodes.Where(n => n.LessonId == id).Select(n => true), LessonInUseCode,
            "The lesson is on a graph; take it off its graphs first.", ct);
}
