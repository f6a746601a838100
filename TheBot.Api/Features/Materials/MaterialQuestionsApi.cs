using System.Linq.Expressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Features.Enrollments;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Auth;
using TheBot.Api.Platform.Errors;
using TheBot.Api.Platform.Paging;
using TheBot.Api.Platform.Validation;

namespace TheBot.Api.Features.Materials;

/// <summary>
/// Questions under a material: students it is for ask, the teacher answers in the thread and moderates (publishes to
/// the class, hides, deletes, marks answered). Whoever cannot see the material gets 404.
/// </summary>
public static class MaterialQuestionsApi
{
    public static RouteGroupBuilder MapMaterialQuestions(this RouteGroupBuilder materials)
    {
        ArgumentNullException.ThrowIfNull(materials);
        var questions = materials.MapGroup("/{id:guid}/questions");
        questions.MapGet("/", ListAsync).RequireSignedIn()
            .WithName("ListMaterialQuestions")
            .WithSummary("Questions under a material with their replies, newest first (the teacher: all; others: published ones and their students' own)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        questions.MapPost("/", AskAsync).RequireRoles(UserRole.Student)
            .WithName("AskMaterialQuestion").WithSummary("Ask a question under a material I have (the teacher is notified)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        questions.MapPost("/{questionId:guid}/replies", ReplyAsync).RequireRoles(UserRole.Student, UserRole.Teacher)
            .WithName("ReplyToMaterialQuestion")
            .WithSummary("Reply in a question's thread: the material's teacher answers (the asker is notified), students follow up")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        questions.MapPatch("/{questionId:guid}", ModerateAsync).RequireRoles(UserRole.Teacher)
            .WithName("ModerateMaterialQuestion").WithSummary("Publish a question to the class, hide it or mark it answered (the material's teacher)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        questions.MapDelete("/{questionId:guid}", DeleteAsync).RequireRoles(UserRole.Teacher)
            .WithName("DeleteMaterialQuestion").WithSummary("Delete a question and its replies (the material's teacher)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        questions.MapPatch("/{questionId:guid}/replies/{replyId:guid}", ModerateReplyAsync).RequireRoles(UserRole.Teacher)
            .WithName("ModerateMaterialQuestionReply").WithSummary("Hide or show a reply (the material's teacher)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        questions.MapDelete("/{questionId:guid}/replies/{replyId:guid}", DeleteReplyAsync).RequireRoles(UserRole.Teacher)
            .WithName("DeleteMaterialQuestionReply").WithSummary("Delete a reply (the material's teacher)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return materials;
    }

    private static async Task<Results<Ok<PagedResult<MaterialQuestionResponse>>, ProblemHttpResult>> ListAsync(
        Guid id, [AsParameters] MaterialQuestionQuery query, CurrentUser caller, TheBotDbContext db, CancellationToken ct)
    {
        var material = await MaterialAccess.Visible(db, caller.Id, caller.Role).AsNoTracking()
            .Where(m => m.Id == id).Select(m => new { m.TeacherId }).FirstOrDefaultAsync(ct);
        if (material is null)
        {
            return ApiProblems.NotFound("The material");
        }

        var moderates = caller.Role == UserRole.Admin || material.TeacherId == caller.Id;
        var mine = StudentRelations.VisibleStudentIds(db, caller.Id, caller.Role);
        var questions = db.MaterialQuestions.AsNoTracking().Where(q => q.MaterialId == id);
        if (!moderates)
        {
            questions = questions.Where(q => q.Status == MaterialQuestionStatus.Published || mine.Contains(q.AuthorId));
        }

        return TypedResults.Ok(await questions.OrderByDescending(q => q.CreatedAt).ThenBy(q => q.Id)
            .Select(Projection(moderates, mine)).ToPageAsync(query.Paging, ct));
    }

    private static async Task<Results<Created<MaterialQuestionResponse>, ValidationProblem, ProblemHttpResult>> AskAsync(
        Guid id, AskMaterialQuestionRequest request, CurrentUser caller, [AsParameters] MaterialQuestionServices services, CancellationToken ct)
    {
        var (db, notices, clock) = services;
        var material = await MaterialAccess.Visible(db, caller.Id, UserRole.Student).FirstOrDefaultAsync(m => m.Id == id, ct);
        if (material is null)
        {
            return ApiProblems.NotFound("The material");
        }

        if (string.IsNullOrWhiteSpace(request.Text))
        {
            return ApiProblems.Invalid("text", "The question cannot be blank.");
        }

        var now = clock.GetUtcNow();
        var question = new MaterialQuestion
        {
            Id = Guid.CreateVersion7(), MaterialId = id, AuthorId = caller.Id, Text = request.Text.Trim(), CreatedAt = now, UpdatedAt = now,
        };
        db.MaterialQuestions.Add(question);
        var asker = await db.Users.Where(u => u.Id == caller.Id).Select(u => u.FullName).FirstAsync(ct);
        await notices.StageAskedAsync(material, asker, question.Text, followUp: false, ct);
        await db.SaveChangesAsync(ct);
        await notices.PublishAsync(material, question, "asked", ct);
        return TypedResults.Created($"/api/materials/{id}/questions/{question.Id}", await ReadAsync(db, question.Id, moderates: false, caller, ct));
    }

    private static async Task<Results<Created<MaterialQuestionReplyResponse>, ValidationProblem, ProblemHttpResult>> ReplyAsync(
        Guid id, Guid questionId, ReplyToMaterialQuestionRequest request, CurrentUser caller, [AsParameters] MaterialQuestionServices services,
        CancellationToken ct)
    {
        var (db, notices, clock) = services;
        var material = await MaterialAccess.Visible(db, caller.Id, caller.Role).FirstOrDefaultAsync(m => m.Id == id, ct);
        var question = material is null ? null : await db.MaterialQuestions.FirstOrDefaultAsync(q => q.Id == questionId && q.MaterialId == id, ct);
        var byTeacher = material is not null && material.TeacherId == caller.Id;
        if (material is null || question is null || (!byTeacher && question.Status != MaterialQuestionStatus.Published && question.AuthorId != caller.Id))
        {
            return ApiProblems.NotFound("The question");
        }

        if (!byTeacher && question.Status == MaterialQuestionStatus.Hidden)
        {
            return ApiProblems.Conflict("The teacher has hidden this question: it takes no more replies.");
        }

        if (string.IsNullOrWhiteSpace(request.Text))
        {
            return ApiProblems.Invalid("text", "The reply cannot be blank.");
        }

        var now = clock.GetUtcNow();
        var reply = new MaterialQuestionReply { Id = Guid.CreateVersion7(), QuestionId = questionId, AuthorId = caller.Id, Text = request.Text.Trim(), CreatedAt = now };
        db.MaterialQuestionReplies.Add(reply);
        question.UpdatedAt = now;
        if (byTeacher)
        {
            question.AnsweredAt ??= now;
            await notices.StageAnsweredAsync(material, question, reply.Text, ct);
        }
        else
        {
            var name = await db.Users.Where(u => u.Id == caller.Id).Select(u => u.FullName).FirstAsync(ct);
            await notices.StageAskedAsync(material, name, reply.Text, followUp: true, ct);
        }

        await db.SaveChangesAsync(ct);
        await notices.PublishAsync(material, question, "replied", ct);
        var response = await db.MaterialQuestionReplies.AsNoTracking().Where(r => r.Id == reply.Id)
            .Select(r => new MaterialQuestionReplyResponse(r.Id, new PersonRef(r.AuthorId, r.Author!.FullName, r.Author.Email!), byTeacher, r.Text, r.Hidden, r.CreatedAt))
            .FirstAsync(ct);
        return TypedResults.Created($"/api/materials/{id}/questions/{questionId}/replies/{reply.Id}", response);
    }

    private static async Task<Results<Ok<MaterialQuestionResponse>, ValidationProblem, ProblemHttpResult>> ModerateAsync(
        Guid id, Guid questionId, ModerateMaterialQuestionRequest request, CurrentUser caller, [AsParameters] MaterialQuestionServices services,
        CancellationToken ct)
    {
        var (db, notices, clock) = services;
        var (material, question) = await FindMineAsync(db, id, questionId, caller, ct);
        if (material is null || question is null)
        {
            return ApiProblems.NotFound("The question");
        }

        var now = clock.GetUtcNow();
        question.Status = WireName.Parse<MaterialQuestionStatus>(request.Status) ?? question.Status;
        question.AnsweredAt = request.Answered switch { true => question.AnsweredAt ?? now, false => null, null => question.AnsweredAt };
        question.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        await notices.PublishAsync(material, question, "moderated", ct);
        return TypedResults.Ok(await ReadAsync(db, questionId, moderates: true, caller, ct));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, Guid questionId, CurrentUser caller, [AsParameters] MaterialQuestionServices services, CancellationToken ct)
    {
        var (db, notices, _) = services;
        var (material, question) = await FindMineAsync(db, id, questionId, caller, ct);
        if (material is null || question is null)
        {
            return ApiProblems.NotFound("The question");
        }

        db.MaterialQuestions.Remove(question);
        await db.SaveChangesAsync(ct);
        await notices.PublishAsync(material, question, "deleted", ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<MaterialQuestionReplyResponse>, ProblemHttpResult>> ModerateReplyAsync(
        Guid id, Guid questionId, Guid replyId, ModerateMaterialQuestionReplyRequest request, CurrentUser caller,
        [AsParameters] MaterialQuestionServices services, CancellationToken ct)
    {
        var (db, notices, _) = services;
        var (material, question) = await FindMineAsync(db, id, questionId, caller, ct);
        var reply = question is null ? null : await db.MaterialQuestionReplies.FirstOrDefaultAsync(r => r.Id == replyId && r.QuestionId == questionId, ct);
        if (material is null || question is null || reply is null)
        {
            return ApiProblems.NotFound("The reply");
        }

        reply.Hidden = request.Hidden!.Value;
        await db.SaveChangesAsync(ct);
        await notices.PublishAsync(material, question, "moderated", ct);
        return TypedResults.Ok(await db.MaterialQuestionReplies.AsNoTracking().Where(r => r.Id == replyId)
            .Select(r => new MaterialQuestionReplyResponse(r.Id, new PersonRef(r.AuthorId, r.Author!.FullName, r.Author.Email!), r.AuthorId == material.TeacherId, r.Text, r.Hidden, r.CreatedAt))
            .FirstAsync(ct));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteReplyAsync(
        Guid id, Guid questionId, Guid replyId, CurrentUser caller, [AsParameters] MaterialQuestionServices services, CancellationToken ct)
    {
        var (db, notices, _) = services;
        var (material, question) = await FindMineAsync(db, id, questionId, caller, ct);
        var deleted = question is null ? 0 : await db.MaterialQuestionReplies.Where(r => r.Id == replyId && r.QuestionId == questionId).ExecuteDeleteAsync(ct);
        if (material is null || question is null || deleted == 0)
        {
            return ApiProblems.NotFound("The reply");
        }

        await notices.PublishAsync(material, question, "moderated", ct);
        return TypedResults.NoContent();
    }

    /// <summary>The question under one of the caller's own materials (tracked), or nulls.</summary>
    private static async Task<(Material? Material, MaterialQuestion? Question)> FindMineAsync(
        TheBotDbContext db, Guid id, Guid questionId, CurrentUser caller, CancellationToken ct)
    {
        var material = await db.Materials.FirstOrDefaultAsync(m => m.Id == id && m.TeacherId == caller.Id, ct);
        var question = material is null ? null : await db.MaterialQuestions.FirstOrDefaultAsync(q => q.Id == questionId && q.MaterialId == id, ct);
        return (material, question);
    }

    private static Task<MaterialQuestionResponse> ReadAsync(TheBotDbContext db, Guid questionId, bool moderates, CurrentUser caller, CancellationToken ct) =>
        db.MaterialQuestions.AsNoTracking().Where(q => q.Id == questionId)
            .Select(Projection(moderates, StudentRelations.VisibleStudentIds(db, caller.Id, caller.Role))).FirstAsync(ct);

    /// <summary>A question and the replies the caller sees: the teacher every one; others the shown ones and their students' own.</summary>
    private static Expression<Func<MaterialQuestion, MaterialQuestionResponse>> Projection(bool moderates, IQueryable<Guid> mine) => q =>
        new MaterialQuestionResponse(
            q.Id,
            q.MaterialId,
            new PersonRef(q.AuthorId, q.Author!.FullName, q.Author.Email!),
            q.Text,
            q.Status,
            q.AnsweredAt,
            q.CreatedAt,
            q.Replies.Where(r => moderates || !r.Hidden || mine.Contains(r.AuthorId)).OrderBy(r => r.CreatedAt).ThenBy(r => r.Id)
                .Select(r => new MaterialQuestionReplyResponse(
                    r.Id, new PersonRef(r.AuthorId, r.Author!.FullName, r.Author.Email!), r.AuthorId == q.Material!.TeacherId, r.Text, r.Hidden, r.CreatedAt))
                .ToList());
}

/// <summary>What asking, replying and moderating need: the database, the notices and the clock.</summary>
internal sealed record MaterialQuestionServices(TheBotDbContext Db, MaterialQuestionNotices Notices, TimeProvider Clock);
