namespace TheBot.Realtime.Contracts;

/// <summary>
/// <c>knowledgeProgressChanged</c>: a student answered in, opened or passed a lesson of their knowledge graph, or the
/// teacher marked a free answer (to the student, the graph's teacher and the student's tutor). <see cref="Status"/> is
/// the node's new status (locked, available, inProgress, passed); <see cref="UnlockedNodeIds"/> the nodes it opened.
/// </summary>
public sealed record KnowledgeProgressChangedEvent(
    Guid GraphId, Guid StudentId, Guid NodeId, string Status, decimal ScorePercent, IReadOnlyList<Guid> UnlockedNodeIds);

/// <summary><c>knowledgeGraphChanged</c>: the teacher added, moved or removed lessons or edges of the student's graph (to the student).</summary>
public sealed record KnowledgeGraphChangedEvent(Guid GraphId, Guid StudentId, Guid SubjectId);

public static class KnowledgeEventNames
{
    public const string KnowledgeProgressChanged = "knowledgeProgressChanged";
    public const string KnowledgeGraphChanged = "knowledgeGraphChanged";
}
