using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Features.Enrollments;
using TheBot.Api.Features.StudyPlans;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Auth;
using TheBot.Api.Platform.Errors;
using TheBot.Api.Platform.Paging;
using TheBot.Api.Platform.Realtime;

namespace TheBot.Api.Features.Knowledge;

/// <summary>Graphs of lessons: a teacher builds them (a student's, or a template applied to students); readers see statuses.</summary>
public static class KnowledgeGraphsApi
{
    public const string GraphCycleCode = "graphCycle";

    public static RouteGroupBuilder MapKnowledgeGraphsApi(this RouteGroupBuilder knowledge)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        knowledge.MapGet("/graphs", ListAsync).RequireSignedIn()
            .WithName("ListKnowledgeGraphs").WithSummary("The knowledge graphs I may read (mine, my own, my children's or my students')");
        knowledge.MapPost("/graphs", CreateAsync).RequireRoles(UserRole.Teacher)
            .WithName("CreateKnowledgeGraph").WithSummary("Start a student's graph (one per student and subject) or a template in a subject I teach")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        knowledge.MapGet("/graphs/{id:guid}", GetAsync).RequireSignedIn()
            .WithName("GetKnowledgeGraph").WithSummary("A graph's lessons (with status and score on a student's graph) and edges")
            .ProducesProblem(StatusCodes.Status404NotFound);
        knowledge.MapDelete("/graphs/{id:guid}", DeleteAsync).RequireRoles(UserRole.Teacher)
            .WithName("DeleteKnowledgeGraph").WithSummary("Delete my graph and its progress")
            .ProducesProblem(StatusCodes.Status404NotFound);
        knowledge.MapPost("/graphs/{id:guid}/nodes", AddNodeAsync).RequireRoles(UserRole.Teacher)
            .WithName("AddKnowledgeNode").WithSummary("Place one of my lessons of the graph's subject on my graph")
            .ProducesProblem(StatusCodes.Status404NotFound);
        knowledge.MapPut("/graphs/{id:guid}/nodes/{nodeId:guid}", MoveNodeAsync).RequireRoles(UserRole.Teacher)
            .WithName("MoveKnowledgeNode").WithSummary("Move a lesson on my graph (204)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        knowledge.MapDelete("/graphs/{id:guid}/nodes/{nodeId:guid}", RemoveNodeAsync).RequireRoles(UserRole.Teacher)
            .WithName("RemoveKnowledgeNode").WithSummary("Take a lesson off my graph, with its edges and progress")
            .ProducesProblem(StatusCodes.Status404NotFound);
        knowledge.MapPost("/graphs/{id:guid}/edges", AddEdgeAsync).RequireRoles(UserRole.Teacher)
            .WithName("AddKnowledgeEdge").WithSummary("Make one lesson of my graph a prerequisite of another (422 graphCycle)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        knowledge.MapDelete("/graphs/{id:guid}/edges/{edgeId:guid}", RemoveEdgeAsync).RequireRoles(UserRole.Teacher)
            .WithName("RemoveKnowledgeEdge").WithSummary("Remove a prerequisite from my graph")
            .ProducesProblem(StatusCodes.Status404NotFound);
        knowledge.MapPost("/graphs/{id:guid}/apply", ApplyAsync).RequireRoles(UserRole.Teacher)
            .WithName("ApplyKnowledgeTemplate").WithSummary("Copy my template's lessons and edges onto the graphs of students I teach the subject")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        return knowledge;
    }

    private static async Task<Ok<PagedResult<KnowledgeGraphSummary>>> ListAsync(
        [AsParameters] KnowledgeGraphQuery query, CurrentUser caller, TheBotDbContext db, CancellationToken ct)
    {
        var graphs = KnowledgeAccess.Graphs(db, caller).AsNoTracking()
            .FilteredBy(query.StudentId, studentId => g => g.StudentId == studentId)
            .FilteredBy(query.SubjectId, subjectId => g => g.SubjectId == subjectId)
            .FilteredBy(query.Templates, templates => g => (g.StudentId == null) == templates);
        return TypedResults.Ok(await graphs.OrderByDescending(g => g.UpdatedAt).ThenBy(g => g.Id)
            .Select(KnowledgeAccess.GraphSummary).ToPageAsync(query.Paging, ct));
    }

    private static async Task<Results<Created<KnowledgeGraphResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        KnowledgeGraphRequest request, CurrentUser caller, TheBotDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var subjectId = request.SubjectId!.Value;
        if (request.StudentId is { } studentId
            ? !await StudyPlanAccess.Teaches(db, caller.Id, studentId, subjectId).AnyAsync(ct)
            : !await KnowledgeAccess.TaughtSubjects(db, caller.Id).AnyAsync(s => s == subjectId, ct))
        {
            return ApiProblems.Forbidden(request.StudentId is null ? "You do not teach this subject." : "You do not teach this student this subject.");
        }

        if (request.StudentId is not null && await db.KnowledgeGraphs.AnyAsync(g => g.StudentId == request.StudentId && g.SubjectId == subjectId, ct))
        {
            return ApiProblems.Conflict("The student already has a graph in this subject.");
        }

        var now = clock.GetUtcNow();
        var graph = new KnowledgeGraph
        {
            Id = Guid.CreateVersion7(), TeacherId = caller.Id, SubjectId = subjectId, StudentId = request.StudentId,
            Title = request.Title!.Trim(), CreatedAt = now, UpdatedAt = now,
        };
        db.KnowledgeGraphs.Add(graph);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/knowledge/graphs/{graph.Id}", (await ReadAsync(db, KnowledgeAccess.Graphs(db, caller), graph.Id, ct))!);
    }

    private static async Task<Results<Ok<KnowledgeGraphResponse>, ProblemHttpResult>> GetAsync(
        Guid id, CurrentUser caller, TheBotDbContext db, CancellationToken ct)
    {
        var graph = await ReadAsync(db, KnowledgeAccess.Graphs(db, caller), id, ct);
        return graph is null ? ApiProblems.NotFound("The graph") : TypedResults.Ok(graph);
    }

    /// <summary>The graph, its nodes with the student's statuses (one pass over nodes, edges and progress) and its edges.</summary>
    public static async Task<KnowledgeGraphResponse?> ReadAsync(TheBotDbContext db, IQueryable<KnowledgeGraph> visible, Guid id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(visible);
        var graph = await visible.AsNoTracking().Where(g => g.Id == id).FirstOrDefaultAsync(ct);
        if (graph is null)
        {
            return null;
        }

        var summary = await db.KnowledgeGraphs.AsNoTracking().Where(g => g.Id == id).Select(KnowledgeAccess.GraphSummary).FirstAsync(ct);
        var nodes = await db.KnowledgeNodes.AsNoTracking().Where(n => n.GraphId == id).OrderBy(n => n.Id)
            .Select(n => new { n.Id, n.LessonId, n.Lesson!.Title, n.X, n.Y }).ToListAsync(ct);
        var edges = await db.KnowledgeEdges.AsNoTracking().Where(e => e.GraphId == id).OrderBy(e => e.Id)
            .Select(e => new KnowledgeEdgeResponse(e.Id, e.FromNodeId, e.ToNodeId)).ToListAsync(ct);
        Dictionary<Guid, KnowledgeProgress> progress = [];
        Dictionary<Guid, KnowledgeNodeStatus>? statuses = null;
        if (graph.StudentId is not null)
        {
            progress = await db.KnowledgeProgress.AsNoTracking().Where(p => db.KnowledgeNodes.Any(n => n.Id == p.NodeId && n.GraphId == id))
                .ToDictionaryAsync(p => p.NodeId, ct);
            statuses = KnowledgeStatuses.Compute(nodes.Select(n => n.Id), edges.Select(e => (e.FromNodeId, e.ToNodeId)), progress);
        }

        return new KnowledgeGraphResponse(summary.Id, summary.Title, summary.Subject, summary.Teacher, summary.Student, summary.IsTemplate,
            summary.CreatedAt, summary.UpdatedAt,
            [.. nodes.Select(n => new KnowledgeNodeResponse(n.Id, n.LessonId, n.Title, n.X, n.Y, statuses?[n.Id],
                statuses is null ? null : progress.GetValueOrDefault(n.Id)?.ScorePercent ?? 0m, progress.GetValueOrDefault(n.Id)?.PassedAt))],
            edges);
    }

    private static Task<KnowledgeGraph?> MineAsync(TheBotDbContext db, CurrentUser caller, Guid id, CancellationToken ct) =>
        db.KnowledgeGraphs.FirstOrDefaultAsync(g => g.Id == id && g.TeacherId == caller.Id, ct);

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, CurrentUser caller, TheBotDbContext db, CancellationToken ct)
    {
        var graph = await MineAsync(db, caller, id, ct);
        if (graph is null)
        {
            return ApiProblems.NotFound("The graph");
        }

        db.KnowledgeGraphs.Remove(graph);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Created<KnowledgeNodeResponse>, ValidationProblem, ProblemHttpResult>> AddNodeAsync(
        Guid id, KnowledgeNodeRequest request, CurrentUser caller, TheBotDbContext db, IRealtimePublisher realtime, TimeProvider clock, CancellationToken ct)
    {
        var graph = await MineAsync(db, caller, id, ct);
        if (graph is null)
        {
            return ApiProblems.NotFound("The graph");
        }

        if (CheckPosition(request.X!.Value, request.Y!.Value) is { } invalid)
        {
            return invalid;
        }

        var lessonId = request.LessonId!.Value;
        var lesson = await db.KnowledgeLessons.AsNoTracking().Where(l => l.Id == lessonId && l.AuthorId == caller.Id)
            .Select(l => new { l.SubjectId, l.Title }).FirstOrDefaultAsync(ct);
        if (lesson is null || lesson.SubjectId != graph.SubjectId)
        {
            return ApiProblems.Invalid("lessonId", "Place one of your lessons of the graph's subject.");
        }

        if (await db.KnowledgeNodes.AnyAsync(n => n.GraphId == id && n.LessonId == lessonId, ct))
        {
            return ApiProblems.Invalid("lessonId", "The lesson is on this graph already.");
        }

        var node = new KnowledgeNode { Id = Guid.CreateVersion7(), GraphId = id, LessonId = lessonId, X = request.X.Value, Y = request.Y.Value };
        db.KnowledgeNodes.Add(node);
        graph.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await KnowledgeLearning.PublishGraphChangedAsync(realtime, graph, ct);
        return TypedResults.Created($"/api/knowledge/graphs/{id}/nodes/{node.Id}",
            new KnowledgeNodeResponse(node.Id, lessonId, lesson.Title, node.X, node.Y, graph.StudentId is null ? null : KnowledgeNodeStatus.Available,
                graph.StudentId is null ? null : 0m, null));
    }

    private static ValidationProblem? CheckPosition(double x, double y) =>
        double.IsFinite(x) && double.IsFinite(y) && Math.Abs(x) <= 1e6 && Math.Abs(y) <= 1e6
            ? null
            : ApiProblems.Invalid("x", "x and y are finite numbers (at most 1,000,000 from 0).");

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> MoveNodeAsync(
        Guid id, Guid nodeId, KnowledgeNodeMoveRequest request, CurrentUser caller, TheBotDbContext db, IRealtimePublisher realtime, CancellationToken ct)
    {
        var graph = await MineAsync(db, caller, id, ct);
        var node = graph is null ? null : await db.KnowledgeNodes.FirstOrDefaultAsync(n => n.Id == nodeId && n.GraphId == id, ct);
        if (graph is null || node is null)
        {
            return ApiProblems.NotFound("The node");
        }

        if (CheckPosition(request.X!.Value, request.Y!.Value) is { } invalid)
        {
            return invalid;
        }

        (node.X, node.Y) = (request.X.Value, request.Y.Value);
        await db.SaveChangesAsync(ct);
        await KnowledgeLearning.PublishGraphChangedAsync(realtime, graph, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveNodeAsync(
        Guid id, Guid nodeId, CurrentUser caller, TheBotDbContext db, IRealtimePublisher realtime, TimeProvider clock, CancellationToken ct)
    {
        var graph = await MineAsync(db, caller, id, ct);
        var node = graph is null ? null : await db.KnowledgeNodes.FirstOrDefaultAsync(n => n.Id == nodeId && n.GraphId == id, ct);
        if (graph is null || node is null)
        {
            return ApiProblems.NotFound("The node");
        }

        db.KnowledgeNodes.Remove(node);
        graph.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await KnowledgeLearning.PublishGraphChangedAsync(realtime, graph, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Created<KnowledgeEdgeResponse>, ProblemHttpResult>> AddEdgeAsync(
        Guid id, KnowledgeEdgeRequest request, CurrentUser caller, TheBotDbContext db, IRealtimePublisher realtime, TimeProvider clock, CancellationToken ct)
    {
        var (from, to) = (request.FromNodeId!.Value, request.ToNodeId!.Value);
        await using var transaction = await KnowledgeLearning.LockGraphAsync(db, id, ct);
        var graph = await MineAsync(db, caller, id, ct);
        if (graph is null)
        {
            return ApiProblems.NotFound("The graph");
        }

        var nodes = await db.KnowledgeNodes.AsNoTracking().Where(n => n.GraphId == id)
            .Select(n => new { n.Id, n.Lesson!.Title }).ToDictionaryAsync(n => n.Id, n => n.Title, ct);
        if (!nodes.ContainsKey(from) || !nodes.ContainsKey(to))
        {
            return InvalidEdge(nodes.ContainsKey(from) ? "toNodeId" : "fromNodeId", "Both lessons must be on this graph.");
        }

        if (from == to)
        {
            return InvalidEdge("toNodeId", "A lesson cannot be its own prerequisite.");
        }

        var edges = await db.KnowledgeEdges.AsNoTracking().Where(e => e.GraphId == id).Select(e => new { e.FromNodeId, e.ToNodeId }).ToListAsync(ct);
        if (edges.Any(e => e.FromNodeId == from && e.ToNodeId == to))
        {
            return InvalidEdge("toNodeId", "This edge is on the graph already.");
        }

        if (KnowledgeStatuses.CycleThrough(from, to, edges.Select(e => (e.FromNodeId, e.ToNodeId))) is { } cycle)
        {
            var titles = cycle.Select(n => nodes[n]).ToList();
            return ApiProblems.Unprocessable($"This edge would close a cycle: {string.Join(" → ", titles)}.",
                new Dictionary<string, object?> { ["code"] = GraphCycleCode, ["cycle"] = titles });
        }

        var edge = new KnowledgeEdge { Id = Guid.CreateVersion7(), GraphId = id, FromNodeId = from, ToNodeId = to };
        db.KnowledgeEdges.Add(edge);
        graph.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        await KnowledgeLearning.PublishGraphChangedAsync(realtime, graph, ct);
        return TypedResults.Created($"/api/knowledge/graphs/{id}/edges/{edge.Id}", new KnowledgeEdgeResponse(edge.Id, from, to));
    }

    /// <summary>An edge to itself, between graphs or a duplicate: 422 with the field's error (docs/knowledge-graph.md, "No cycles").</summary>
    private static ProblemHttpResult InvalidEdge(string field, string message) =>
        TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Detail = message,
        });

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveEdgeAsync(
        Guid id, Guid edgeId, CurrentUser caller, TheBotDbContext db, IRealtimePublisher realtime, TimeProvider clock, CancellationToken ct)
    {
        var graph = await MineAsync(db, caller, id, ct);
        var edge = graph is null ? null : await db.KnowledgeEdges.FirstOrDefaultAsync(e => e.Id == edgeId && e.GraphId == id, ct);
        if (graph is null || edge is null)
        {
            return ApiProblems.NotFound("The edge");
        }

        db.KnowledgeEdges.Remove(edge);
        graph.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await KnowledgeLearning.PublishGraphChangedAsync(realtime, graph, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<List<KnowledgeGraphSummary>>, ValidationProblem, ProblemHttpResult>> ApplyAsync(
        Guid id, KnowledgeApplyRequest request, CurrentUser caller, TheBotDbContext db, IRealtimePublisher realtime, TimeProvider clock, CancellationToken ct)
    {
        var template = await MineAsync(db, caller, id, ct);
        if (template is null)
        {
            return ApiProblems.NotFound("The graph");
        }

        if (template.StudentId is not null)
        {
            return ApiProblems.Invalid("id", "Only a template is applied to students.");
        }

        var studentIds = request.StudentIds!.Distinct().ToList();
        var taught = await db.Enrollments
            .Where(e => e.TeacherId == caller.Id && e.SubjectId == template.SubjectId && e.Status == EnrollmentStatus.Active && studentIds.Contains(e.StudentId))
            .Select(e => e.StudentId).Distinct().CountAsync(ct);
        if (taught != studentIds.Count)
        {
            return ApiProblems.Forbidden("You do not teach every one of these students this subject.");
        }

        var nodes = await db.KnowledgeNodes.AsNoTracking().Where(n => n.GraphId == id).ToListAsync(ct);
        var edges = await db.KnowledgeEdges.AsNoTracking().Where(e => e.GraphId == id).ToListAsync(ct);
        var existing = await db.KnowledgeGraphs.Include(g => g.Nodes).Include(g => g.Edges)
            .Where(g => g.SubjectId == template.SubjectId && g.StudentId != null && studentIds.Contains(g.StudentId.Value))
            .ToDictionaryAsync(g => g.StudentId!.Value, ct);
        var now = clock.GetUtcNow();
        var changed = new List<KnowledgeGraph>();
        foreach (var studentId in studentIds)
        {
            if (!existing.TryGetValue(studentId, out var graph))
            {
                graph = new KnowledgeGraph
                {
                    Id = Guid.CreateVersion7(), TeacherId = caller.Id, SubjectId = template.SubjectId, StudentId = studentId,
                    Title = template.Title, CreatedAt = now, UpdatedAt = now,
                };
                db.KnowledgeGraphs.Add(graph);
            }
            else if (graph.TeacherId != caller.Id)
            {
                return ApiProblems.Forbidden("A student already has another teacher's graph in this subject.");
            }

            graph.UpdatedAt = now;
            var byLesson = graph.Nodes.ToDictionary(n => n.LessonId, n => n.Id);
            foreach (var node in nodes.Where(n => !byLesson.ContainsKey(n.LessonId)))
            {
                var copy = new KnowledgeNode { Id = Guid.CreateVersion7(), GraphId = graph.Id, LessonId = node.LessonId, X = node.X, Y = node.Y };
                graph.Nodes.Add(copy);
                byLesson[node.LessonId] = copy.Id;
            }

            var lessonOf = nodes.ToDictionary(n => n.Id, n => n.LessonId);
            var have = graph.Edges.Select(e => (e.FromNodeId, e.ToNodeId)).ToList();
            foreach (var edge in edges)
            {
                var (from, to) = (byLesson[lessonOf[edge.FromNodeId]], byLesson[lessonOf[edge.ToNodeId]]);
                if (!have.Contains((from, to)) && KnowledgeStatuses.CycleThrough(from, to, have) is null)
                {
                    graph.Edges.Add(new KnowledgeEdge { Id = Guid.CreateVersion7(), GraphId = graph.Id, FromNodeId = from, ToNodeId = to });
                    have.Add((from, to));
                }
            }

            changed.Add(graph);
        }

        await db.SaveChangesAsync(ct);
        foreach (var graph in changed)
        {
            await KnowledgeLearning.PublishGraphChangedAsync(realtime, graph, ct);
        }

        var ids = changed.Select(g => g.Id).ToList();
        return TypedResults.Ok(await db.KnowledgeGraphs.AsNoTracking().Where(g => ids.Contains(g.Id)).OrderBy(g => g.Id)
            .Select(KnowledgeAccess.GraphSummary).ToListAsync(ct));
    }
}
