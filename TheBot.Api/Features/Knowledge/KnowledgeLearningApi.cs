using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Features.Enrollments;
using TheBot.Api.Features.Progress;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Auth;
using TheBot.Api.Platform.Errors;
using TheBot.Api.Platform.Paging;

namespace TheBot.Api.Features.Knowledge;

/// <summary>The student works through their graph; teachers review free answers; teachers, tutors and admins read progress.</summary>
public static class KnowledgeLearningApi
{
    public const string LessonLockedCode = "lessonLocked";

    public static RouteGroupBuilder MapKnowledgeLearningApi(this RouteGroupBuilder knowledge)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        knowledge.MapGet("/graphs/{id:guid}/nodes/{nodeId:guid}/lesson", OpenAsync).RequireRoles(UserRole.Student)
            .WithName("OpenKnowledgeLesson").WithSummary("Open a lesson of my graph: its elements without answer keys and my latest answer to each (409 lessonLocked)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        knowledge.MapPost("/graphs/{id:guid}/nodes/{nodeId:guid}/answers", AnswerAsync).RequireRoles(UserRole.Student)
            .WithName("AnswerKnowledgeElement").WithSummary("Answer an element of an open lesson of my graph; checked at once")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        knowledge.MapGet("/graphs/{id:guid}/progress", ProgressAsync).RequireRoles(UserRole.Teacher, UserRole.Tutor, UserRole.Admin)
            .WithName("GetKnowledgeProgress").WithSummary("A student's graph lesson by lesson: status, score, time, attempts, common wrong answers")
            .ProducesProblem(StatusCodes.Status404NotFound);
        knowledge.MapGet("/graphs/{id:guid}/progress.xlsx", ExportAsync).RequireRoles(UserRole.Teacher, UserRole.Tutor, UserRole.Admin)
            .WithName("ExportKnowledgeProgress").WithSummary("The progress report as an Excel workbook (.xlsx)")
            .Produces(StatusCodes.Status200OK, contentType: ProgressApi.ExcelContentType).ProducesProblem(StatusCodes.Status404NotFound);
        knowledge.MapGet("/reviews", ReviewsAsync).RequireRoles(UserRole.Teacher)
            .WithName("ListKnowledgeReviews").WithSummary("Free answers on my graphs waiting for me, oldest first");
        knowledge.MapPost("/reviews/{attemptId:guid}", ReviewAsync).RequireRoles(UserRole.Teacher)
            .WithName("ReviewKnowledgeAnswer").WithSummary("Mark a free answer right or wrong (409 if already marked)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return knowledge;
    }

    private static async Task<(KnowledgeGraph? Graph, KnowledgeNode? Node)> StudentNodeAsync(
        TheBotDbContext db, CurrentUser caller, Guid id, Guid nodeId, CancellationToken ct)
    {
        var graph = await db.KnowledgeGraphs.AsNoTracking().FirstOrDefaultAsync(g => g.Id == id && g.StudentId == caller.Id, ct);
        var node = graph is null ? null : await db.KnowledgeNodes.AsNoTracking().FirstOrDefaultAsync(n => n.Id == nodeId && n.GraphId == id, ct);
        return (graph, node);
    }

    private static ProblemHttpResult Locked() =>
        ApiProblems.Conflict("This lesson opens once the lessons before it are passed.",
            new Dictionary<string, object?> { ["code"] = LessonLockedCode });

    private static async Task<Results<Ok<KnowledgeStudentLesson>, ProblemHttpResult>> OpenAsync(
        Guid id, Guid nodeId, CurrentUser caller, TheBotDbContext db, KnowledgeLearning learning, CancellationToken ct)
    {
        var (graph, node) = await StudentNodeAsync(db, caller, id, nodeId, ct);
        if (graph is null || node is null)
        {
            return ApiProblems.NotFound("The lesson");
        }

        await using var transaction = await KnowledgeLearning.LockGraphAsync(db, graph.Id, ct);
        var state = await KnowledgeLearning.LoadAsync(db, graph, track: true, ct);
        var status = state.Statuses()[nodeId];
        if (status == KnowledgeNodeStatus.Locked)
        {
            return Locked();
        }

        var score = state.Progress.GetValueOrDefault(nodeId)?.ScorePercent ?? 0m;
        if (status == KnowledgeNodeStatus.Available)
        {
            var reckoning = await learning.ReckonAsync(state, node, attempt: null, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            await learning.PublishAsync(graph, nodeId, reckoning, ct);
            (status, score) = (reckoning.Status, reckoning.ScorePercent);
        }

        var lesson = await db.KnowledgeLessons.AsNoTracking().Where(l => l.Id == node.LessonId)
            .Select(l => new { l.Id, l.Title, l.Description, l.PassPercent }).FirstAsync(ct);
        var elements = await db.KnowledgeLessonElements.AsNoTracking().Where(e => e.LessonId == node.LessonId).OrderBy(e => e.Position)
            .Select(e => e.Element!)
            .Select(e => new
            {
                e.Id, e.Kind, e.Check, e.Title, e.Body, e.VideoUrl, e.Points, e.Difficulty, e.EstimatedMinutes,
                Options = e.Options.Select(o => new KnowledgeStudentOption(o.Id, o.Text)).ToList(),
                Latest = db.KnowledgeAttempts.Where(a => a.NodeId == nodeId && a.ElementId == e.Id)
                    .OrderByDescending(a => a.AnsweredAt).ThenByDescending(a => a.Id)
                    .Select(a => new KnowledgeMyAttempt(a.Outcome, a.Points, a.AnsweredAt, a.OptionIds, a.Number, a.Text)).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return TypedResults.Ok(new KnowledgeStudentLesson(graph.Id, nodeId, lesson.Id, lesson.Title, lesson.Description, lesson.PassPercent, status, score,
            [.. elements.Select(e => new KnowledgeStudentElement(e.Id, e.Kind, e.Check, e.Title, e.Body, e.VideoUrl, e.Options, e.Points,
                e.Difficulty, e.EstimatedMinutes, e.Latest))]));
    }

    private static async Task<Results<Ok<KnowledgeAnswerResponse>, ValidationProblem, ProblemHttpResult>> AnswerAsync(
        Guid id, Guid nodeId, KnowledgeAnswerRequest request, CurrentUser caller, TheBotDbContext db, KnowledgeLearning learning, CancellationToken ct)
    {
        var (graph, node) = await StudentNodeAsync(db, caller, id, nodeId, ct);
        if (graph is null || node is null)
        {
            return ApiProblems.NotFound("The lesson");
        }

        await using var transaction = await KnowledgeLearning.LockGraphAsync(db, graph.Id, ct);
        var state = await KnowledgeLearning.LoadAsync(db, graph, track: true, ct);
        if (state.Statuses()[nodeId] == KnowledgeNodeStatus.Locked)
        {
            return Locked();
        }

        var elementId = request.ElementId!.Value;
        var element = await db.KnowledgeElements.AsNoTracking()
            .FirstOrDefaultAsync(e => e.Id == elementId && db.KnowledgeLessonElements.Any(le => le.LessonId == node.LessonId && le.ElementId == e.Id), ct);
        if (element is null)
        {
            return ApiProblems.Invalid("elementId", "Not an element of this lesson.");
        }

        if (KnowledgeChecking.CheckAnswer(element, request) is { } invalid)
        {
            return invalid;
        }

        var attempt = new KnowledgeAttempt
        {
            Id = Guid.CreateVersion7(),
            NodeId = nodeId,
            StudentId = caller.Id,
            ElementId = elementId,
            OptionIds = [.. (request.OptionIds ?? []).OfType<string>()],
            Number = request.Number,
            Text = string.IsNullOrWhiteSpace(request.Text) ? null : request.Text.Trim(),
            AnsweredAt = learning.Now,
        };
        (attempt.Outcome, attempt.Points) = KnowledgeChecking.Score(element, attempt);
        db.KnowledgeAttempts.Add(attempt);
        var reckoning = await learning.ReckonAsync(state, node, attempt, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        await learning.PublishAsync(graph, nodeId, reckoning, ct);
        return TypedResults.Ok(new KnowledgeAnswerResponse(attempt.Id, attempt.Outcome, attempt.Points, element.Points ?? 1,
            reckoning.Status, reckoning.ScorePercent, reckoning.Unlocked));
    }

    private static async Task<Ok<PagedResult<KnowledgePendingReview>>> ReviewsAsync(
        [AsParameters] KnowledgeReviewQuery query, CurrentUser caller, TheBotDbContext db, CancellationToken ct)
    {
        var teacherId = caller.Id;
        return TypedResults.Ok(await db.KnowledgeAttempts.AsNoTracking()
            .Where(a => a.Outcome == KnowledgeOutcome.Pending && db.KnowledgeGraphs.Any(g => g.Id == a.Node!.GraphId && g.TeacherId == teacherId))
            .OrderBy(a => a.AnsweredAt).ThenBy(a => a.Id)
            .Select(a => new KnowledgePendingReview(a.Id, a.Node!.GraphId, a.NodeId,
                db.Users.Where(u => u.Id == a.StudentId).Select(u => new PersonRef(u.Id, u.FullName, u.Email!)).First(),
                a.Node.LessonId, a.Node.Lesson!.Title, a.ElementId, a.Element!.Title, a.Text, a.Element.Points, a.AnsweredAt))
            .ToPageAsync(query.Paging, ct));
    }

    private static async Task<Results<Ok<KnowledgeReviewResponse>, ProblemHttpResult>> ReviewAsync(
        Guid attemptId, KnowledgeReviewRequest request, CurrentUser caller, TheBotDbContext db, KnowledgeLearning learning, CancellationToken ct)
    {
        var graphId = await db.KnowledgeAttempts.Where(a => a.Id == attemptId).Select(a => (Guid?)a.Node!.GraphId).FirstOrDefaultAsync(ct);
        if (graphId is null)
        {
            return ApiProblems.NotFound("The answer");
        }

        // Marked under the graph's lock: two marks of one answer cannot both pass, nor race the student's answers.
        await using var transaction = await KnowledgeLearning.LockGraphAsync(db, graphId.Value, ct);
        var attempt = await db.KnowledgeAttempts.Include(a => a.Node).Include(a => a.Element)
            .FirstOrDefaultAsync(a => a.Id == attemptId && db.KnowledgeGraphs.Any(g => g.Id == a.Node!.GraphId && g.TeacherId == caller.Id), ct);
        if (attempt is null)
        {
            return ApiProblems.NotFound("The answer");
        }

        if (attempt.Outcome != KnowledgeOutcome.Pending)
        {
            return ApiProblems.Conflict("This answer has been marked already.");
        }

        var correct = request.Correct!.Value;
        attempt.Outcome = correct ? KnowledgeOutcome.Correct : KnowledgeOutcome.Wrong;
        attempt.Points = correct ? attempt.Element!.Points ?? 1 : 0m;
        attempt.ReviewedAt = learning.Now;
        var graph = await db.KnowledgeGraphs.AsNoTracking().FirstAsync(g => g.Id == attempt.Node!.GraphId, ct);
        var state = await KnowledgeLearning.LoadAsync(db, graph, track: true, ct);
        var reckoning = await learning.ReckonAsync(state, attempt.Node!, attempt, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        await learning.PublishAsync(graph, attempt.NodeId, reckoning, ct);
        return TypedResults.Ok(new KnowledgeReviewResponse(attempt.Id, attempt.Outcome, attempt.Points, attempt.NodeId,
            reckoning.Status, reckoning.ScorePercent, reckoning.Unlocked));
    }

    private static async Task<Results<Ok<KnowledgeProgressResponse>, ProblemHttpResult>> ProgressAsync(
        Guid id, CurrentUser caller, TheBotDbContext db, CancellationToken ct)
    {
        var report = await ReportAsync(db, caller, id, ct);
        return report is null ? ApiProblems.NotFound("The graph") : TypedResults.Ok(report);
    }

    /// <summary>The report in a fixed number of queries: the graph, its statuses, its lessons' elements and every attempt.</summary>
    private static async Task<KnowledgeProgressResponse?> ReportAsync(TheBotDbContext db, CurrentUser caller, Guid id, CancellationToken ct)
    {
        var graph = await KnowledgeAccess.ProgressReaders(db, caller).AsNoTracking().FirstOrDefaultAsync(g => g.Id == id, ct);
        if (graph is null)
        {
            return null;
        }

        var summary = await db.KnowledgeGraphs.AsNoTracking().Where(g => g.Id == id).Select(KnowledgeAccess.GraphSummary).FirstAsync(ct);
        var state = await KnowledgeLearning.LoadAsync(db, graph, track: false, ct);
        var statuses = state.Statuses();
        var nodes = await db.KnowledgeNodes.AsNoTracking().Where(n => n.GraphId == id).OrderBy(n => n.Y).ThenBy(n => n.X).ThenBy(n => n.Id)
            .Select(n => new
            {
                n.Id, n.LessonId, n.Lesson!.Title, n.Lesson.PassPercent,
                Elements = n.Lesson.Elements.Where(e => e.Element!.Check != KnowledgeCheck.None).OrderBy(e => e.Position)
                    .Select(e => new { e.ElementId, e.Element!.Title, e.Element.Check }).ToList(),
            })
            .ToListAsync(ct);
        var attempts = (await db.KnowledgeAttempts.AsNoTracking().Where(a => a.Node!.GraphId == id).OrderBy(a => a.AnsweredAt).ThenBy(a => a.Id)
            .ToListAsync(ct)).ToLookup(a => (a.NodeId, a.ElementId));
        var lessons = nodes.Select(n =>
        {
            var progress = state.Progress.GetValueOrDefault(n.Id);
            var all = n.Elements.SelectMany(e => attempts[(n.Id, e.ElementId)]).ToList();
            var end = progress?.PassedAt ?? progress?.LastActivityAt;
            var minutes = progress?.OpenedAt is { } opened && end is { } until ? (int?)Math.Max(0, (int)Math.Round((until - opened).TotalMinutes)) : null;
            return new KnowledgeLessonProgress(n.Id, n.LessonId, n.Title, statuses[n.Id], progress?.ScorePercent ?? 0m, n.PassPercent, minutes,
                all.Count, progress?.OpenedAt, progress?.PassedAt,
                [.. n.Elements.Select(e =>
                {
                    var tries = attempts[(n.Id, e.ElementId)].ToList();
                    return new KnowledgeElementProgress(e.ElementId, e.Title, e.Check, tries.Count, tries.Count == 0 ? null : tries[^1].Outcome,
                        [.. tries.Where(a => a.Outcome == KnowledgeOutcome.Wrong).GroupBy(KnowledgeChecking.Given)
                            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(3)
                            .Select(g => new KnowledgeWrongAnswer(g.Key, g.Count()))]);
                })]);
        }).ToList();
        return new KnowledgeProgressResponse(graph.Id, graph.Title, summary.Student!, summary.Subject, lessons);
    }

    private static async Task<IResult> ExportAsync(HttpContext http, Guid id, CurrentUser caller, TheBotDbContext db, CancellationToken ct)
    {
        var report = await ReportAsync(db, caller, id, ct);
        if (report is null)
        {
            return ApiProblems.NotFound("The graph");
        }

        var rows = report.Lessons.Select(l => new LessonRow
        {
            Lesson = l.Title,
            Status = Platform.Validation.WireName.Of(l.Status),
            ScorePercent = l.ScorePercent,
            PassPercent = l.PassPercent,
            Minutes = l.MinutesSpent,
            Attempts = l.Attempts,
            PassedAt = l.PassedAt?.UtcDateTime,
        });
        await ProgressApi.WriteWorkbookAsync(http, "knowledge-progress", "Lessons", rows, ct);
        return TypedResults.Empty;
    }

    /// <summary>One row of the export; property names are the column headers.</summary>
    public sealed class LessonRow
    {
        public required string Lesson { get; init; }

        public required string Status { get; init; }

        public decimal ScorePercent { get; init; }

        public int PassPercent { get; init; }

        public int? Minutes { get; init; }

        public int Attempts { get; init; }

        public DateTime? PassedAt { get; init; }
    }
}
