using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using TheBot.Api.Data;
using TheBot.Api.Features.Notifications;
using TheBot.Api.Platform.Realtime;
using TheBot.Realtime.Contracts;

namespace TheBot.Api.Features.Knowledge;

/// <summary>
/// A student's way through their graph: opening a lesson, answering, a teacher's review of a free answer. Each change
/// is reckoned in one pass over the graph (nodes, edges, progress), the lesson's score from the latest answer to each
/// element; passing stores <c>knowledgeLessonPassed</c> for the teacher and tutor, and after the save
/// <c>knowledgeProgressChanged</c> goes to the student, the teacher and the tutor.
/// </summary>
public sealed class KnowledgeLearning(TheBotDbContext db, Notifier notifier, IRealtimePublisher realtime, TimeProvider clock)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>The graph's nodes, edges and the student's progress (tracked), loaded once.</summary>
    public sealed class GraphState
    {
        public required KnowledgeGraph Graph { get; init; }

        public required List<Guid> NodeIds { get; init; }

        public required List<(Guid From, Guid To)> Edges { get; init; }

        public required Dictionary<Guid, KnowledgeProgress> Progress { get; init; }

        public Dictionary<Guid, KnowledgeNodeStatus> Statuses() => KnowledgeStatuses.Compute(NodeIds, Edges, Progress);
    }

    /// <summary>
    /// The transaction a change to a graph runs in, holding the graph's row until it commits: edges, answers,
    /// openings and reviews on one graph take turns, so two edges cannot together close a cycle, no answer is
    /// reckoned without the one saved just before it, and a node's progress is created once.
    /// </summary>
    public static async Task<IDbContextTransaction> LockGraphAsync(TheBotDbContext db, Guid graphId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM knowledge_graphs WHERE id = {graphId} FOR UPDATE", ct);
        return transaction;
    }

    public static async Task<GraphState> LoadAsync(TheBotDbContext db, KnowledgeGraph graph, bool track, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(graph);
        var nodeIds = await db.KnowledgeNodes.Where(n => n.GraphId == graph.Id).Select(n => n.Id).ToListAsync(ct);
        var edges = await db.KnowledgeEdges.Where(e => e.GraphId == graph.Id).Select(e => new { e.FromNodeId, e.ToNodeId }).ToListAsync(ct);
        var progress = db.KnowledgeProgress.Where(p => db.KnowledgeNodes.Any(n => n.Id == p.NodeId && n.GraphId == graph.Id));
        return new GraphState
        {
            Graph = graph,
            NodeIds = nodeIds,
            Edges = [.. edges.Select(e => (e.FromNodeId, e.ToNodeId))],
            Progress = await (track ? progress : progress.AsNoTracking()).ToDictionaryAsync(p => p.NodeId, ct),
        };
    }

    /// <summary>What a change did: the node's status and score after it, and what it opened.</summary>
    public sealed record Reckoning(KnowledgeNodeStatus Status, decimal ScorePercent, List<Guid> Unlocked, bool Passed);

    /// <summary>
    /// Opens the node (first time), takes in <paramref name="attempt"/> (a new answer, or a reviewed one), reckons the
    /// lesson's score and the graph's statuses, and stages the notices; the caller saves, then calls <see cref="PublishAsync"/>.
    /// </summary>
    public async Task<Reckoning> ReckonAsync(GraphState state, KnowledgeNode node, KnowledgeAttempt? attempt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(node);
        var studentId = state.Graph.StudentId!.Value;
        var before = state.Statuses();
        var now = Now;
        if (!state.Progress.TryGetValue(node.Id, out var progress))
        {
            progress = new KnowledgeProgress { NodeId = node.Id, StudentId = studentId };
            db.KnowledgeProgress.Add(progress);
            state.Progress[node.Id] = progress;
        }

        progress.OpenedAt ??= now;
        if (attempt is not null)
        {
            progress.LastActivityAt = now;
        }

        var lesson = await db.KnowledgeLessons.AsNoTracking().Where(l => l.Id == node.LessonId)
            .Select(l => new
            {
                l.PassPercent,
                l.Title,
                Points = l.Elements.Where(e => e.Element!.Check != KnowledgeCheck.None).Select(e => new { e.ElementId, Points = e.Element!.Points ?? 1 }).ToList(),
            })
            .FirstAsync(ct);
        var latest = await db.KnowledgeAttempts.AsNoTracking().Where(a => a.NodeId == node.Id)
            .GroupBy(a => a.ElementId)
            .Select(g => g.OrderByDescending(a => a.AnsweredAt).ThenByDescending(a => a.Id).Select(a => new { a.ElementId, a.Id, a.Points }).First())
            .ToDictionaryAsync(a => a.ElementId, a => (a.Id, a.Points), ct);
        if (attempt is not null && (db.Entry(attempt).State == EntityState.Added || (latest.TryGetValue(attempt.ElementId, out var known) && known.Id == attempt.Id)))
        {
            latest[attempt.ElementId] = (attempt.Id, attempt.Points);
        }

        var total = lesson.Points.Sum(p => p.Points);
        var scored = lesson.Points.Sum(p => latest.TryGetValue(p.ElementId, out var a) ? a.Points : 0m);
        progress.ScorePercent = total == 0 ? 100m : decimal.Round(Math.Min(100m, scored * 100m / total), 1, MidpointRounding.AwayFromZero);
        var passed = false;
        if (progress.PassedAt is null && progress.ScorePercent >= lesson.PassPercent)
        {
            progress.PassedAt = now;
            passed = true;
            await StagePassedAsync(state.Graph, lesson.Title, ct);
        }

        var after = state.Statuses();
        return new Reckoning(after[node.Id], progress.ScorePercent, KnowledgeStatuses.Unlocked(before, after), passed);
    }

    private async Task StagePassedAsync(KnowledgeGraph graph, string lessonTitle, CancellationToken ct)
    {
        var studentId = graph.StudentId!.Value;
        var about = await db.Users.Where(u => u.Id == studentId)
            .Select(u => new { u.FullName, Tutor = db.StudentProfiles.Where(p => p.UserId == u.Id).Select(p => p.TutorId).FirstOrDefault() })
            .FirstAsync(ct);
        Guid[] readers = about.Tutor is { } tutor ? [graph.TeacherId, tutor] : [graph.TeacherId];
        await notifier.StageAsync(readers, NotificationTypes.KnowledgeLessonPassed, r => r.Say(
            new($"{about.FullName} passed \"{lessonTitle}\"", graph.Title),
            new($"{about.FullName}: урок «{lessonTitle}» пройден", graph.Title)).To($"/knowledge/graphs/{graph.Id}"), cancellationToken: ct);
    }

    /// <summary>After the save: the live event to the student, the graph's teacher and the student's tutor, and the stored notices.</summary>
    public async Task PublishAsync(KnowledgeGraph graph, Guid nodeId, Reckoning reckoning, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(reckoning);
        var studentId = graph.StudentId!.Value;
        var tutor = await db.StudentProfiles.Where(p => p.UserId == studentId).Select(p => p.TutorId).FirstOrDefaultAsync(ct);
        Guid[] audience = tutor is { } t ? [studentId, graph.TeacherId, t] : [studentId, graph.TeacherId];
        await realtime.PublishAsync(KnowledgeEventNames.KnowledgeProgressChanged, RealtimeAudience.ToUsers(audience),
            new KnowledgeProgressChangedEvent(graph.Id, studentId, nodeId, Platform.Validation.WireName.Of(reckoning.Status),
                reckoning.ScorePercent, reckoning.Unlocked), ct);
        if (reckoning.Passed)
        {
            await notifier.PublishStagedAsync(ct);
        }
    }

    /// <summary>The teacher changed the student's graph: tell the student.</summary>
    public static async Task PublishGraphChangedAsync(IRealtimePublisher realtime, KnowledgeGraph graph, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(realtime);
        ArgumentNullException.ThrowIfNull(graph);
        if (graph.StudentId is { } studentId)
        {
            await realtime.PublishAsync(KnowledgeEventNames.KnowledgeGraphChanged, RealtimeAudience.ToUsers([studentId]),
                new KnowledgeGraphChangedEvent(graph.Id, studentId, graph.SubjectId), ct);
        }
    }
}
