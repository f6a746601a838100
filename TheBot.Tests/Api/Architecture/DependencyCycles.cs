namespace TheBot.Tests.Api.Architecture;

/// <summary>
/// The cycles of a directed graph: its strongly connected components of more than one node (Tarjan's algorithm).
/// A node's edges to itself are no cycle here: a feature may use its own types.
/// </summary>
public static class DependencyCycles
{
    /// <summary>Each cycle's nodes, sorted; the cycles ordered by their first node.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Find(IReadOnlyDictionary<string, IReadOnlySet<string>> edges)
    {
        ArgumentNullException.ThrowIfNull(edges);

        var nodes = edges.Keys.Concat(edges.Values.SelectMany(targets => targets)).Distinct().Order(StringComparer.Ordinal).ToList();
        var index = new Dictionary<string, int>();
        var lowLink = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var cycles = new List<IReadOnlyList<string>>();

        void Visit(string node)
        {
            index[node] = lowLink[node] = index.Count;
            stack.Push(node);
            onStack.Add(node);

            foreach (var target in Targets(edges, node))
            {
                if (!index.TryGetValue(target, out var targetIndex))
                {
                    Visit(target);
                    lowLink[node] = Math.Min(lowLink[node], lowLink[target]);
                }
                else if (onStack.Contains(target))
                {
                    lowLink[node] = Math.Min(lowLink[node], targetIndex);
                }
            }

            if (lowLink[node] != index[node])
            {
                return;
            }

            var component = new List<string>();
            string member;
            do
            {
                member = stack.Pop();
                onStack.Remove(member);
                component.Add(member);
            }
            while (member != node);

            if (component.Count > 1)
            {
                cycles.Add(component.Order(StringComparer.Ordinal).ToList());
            }
        }

        foreach (var node in nodes.Where(n => !index.ContainsKey(n)))
        {
            Visit(node);
        }

        return cycles.OrderBy(c => c[0], StringComparer.Ordinal).ToList();
    }

    private static IEnumerable<string> Targets(IReadOnlyDictionary<string, IReadOnlySet<string>> edges, string node) =>
        edges.TryGetValue(node, out var targets) ? targets.Where(t => t != node).Order(StringComparer.Ordinal) : [];
}
