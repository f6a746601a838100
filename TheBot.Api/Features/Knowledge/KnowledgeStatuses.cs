namespace TheBot.Api.Features.Knowledge;

/// <summary>
/// A student's graph in one pass: a node is locked while any prerequisite is not passed; otherwise available until
/// opened, in progress once opened, passed once passed (for good, whatever came before).
/// </summary>
public static class KnowledgeStatuses
{
    public static Dictionary<Guid, KnowledgeNodeStatus> Compute(
        IEnumerable<Guid> nodeIds, IEnumerable<(Guid From, Guid To)> edges, IReadOnlyDictionary<Guid, KnowledgeProgress> progress)
    {
        ArgumentNullException.ThrowIfNull(nodeIds);
        ArgumentNullException.ThrowIfNull(edges);
        ArgumentNullException.ThrowIfNull(progress);
        var passed = progress.Values.Where(p => p.PassedAt is not null).Select(p => p.NodeId).ToHashSet();
        var blocked = edges.Where(e => !passed.Contains(e.From)).Select(e => e.To).ToHashSet();
        return nodeIds.ToDictionary(id => id, id =>
            passed.Contains(id) ? KnowledgeNodeStatus.Passed
            : blocked.Contains(id) ? KnowledgeNodeStatus.Locked
            : progress.TryGetValue(id, out var p) && p.OpenedAt is not null ? KnowledgeNodeStatus.InProgress
            : KnowledgeNodeStatus.Available);
    }

    /// <summary>The nodes locked before and not after.</summary>
    public static List<Guid> Unlocked(IReadOnlyDictionary<Guid, KnowledgeNodeStatus> before, IReadOnlyDictionary<Guid, KnowledgeNodeStatus> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return [.. before.Where(b => b.Value == KnowledgeNodeStatus.Locked && after.TryGetValue(b.Key, out var now) && now != KnowledgeNodeStatus.Locked)
            .Select(b => b.Key)];
    }

    /// <summary>
    /// The lesson titles along the cycle an edge from → to would close: a path from <paramref name="to"/> back to
    /// <paramref name="from"/> along the edges (breadth first), or null when there is none.
    /// </summary>
    public static List<Guid>? CycleThrough(Guid from, Guid to, IEnumerable<(Guid From, Guid To)> edges)
    {
        ArgumentNullException.ThrowIfNull(edges);
        var next = edges.ToLookup(e => e.From, e => e.To);
        var cameFrom = new Dictionary<Guid, Guid> { [to] = to };
        var queue = new Queue<Guid>([to]);
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            if (node == from)
            {
                var path = new List<Guid>();
                for (var at = from; at != to; at = cameFrom[at])
                {
                    path.Add(at);
                }

                path.Add(to);
                path.Reverse();
                return [from, .. path];
            }

            foreach (var after in next[node].Where(n => !cameFrom.ContainsKey(n)))
            {
                cameFrom[after] = node;
                queue.Enqueue(after);
            }
        }

        return null;
    }
}
