namespace TheBot.Tests.Api.Architecture;

/// <summary>The cycle finder the feature dependency test relies on, over graphs small enough to read.</summary>
public sealed class DependencyCyclesTests
{
    private static Dictionary<string, IReadOnlySet<string>> Graph(params (string From, string To)[] edges) =>
        edges.GroupBy(e => e.From).ToDictionary(g => g.Key, g => (IReadOnlySet<string>)g.Select(e => e.To).ToHashSet());

    [Fact]
    public void A_graph_that_only_flows_one_way_has_no_cycle()
    {
        var graph = Graph(("Lessons", "Enrollments"), ("Lessons", "Users"), ("Enrollments", "Users"), ("Chat", "Users"));

        Assert.Empty(DependencyCycles.Find(graph));
    }

    [Fact]
    public void Two_features_using_each_other_are_a_cycle()
    {
        var graph = Graph(("Users", "Auth"), ("Auth", "Users"), ("Lessons", "Users"));

        var cycle = Assert.Single(DependencyCycles.Find(graph));
        Assert.Equal(["Auth", "Users"], cycle);
    }

    [Fact]
    public void A_cycle_through_several_features_is_reported_once_with_all_of_them()
    {
        var graph = Graph(("A", "B"), ("B", "C"), ("C", "A"), ("C", "D"), ("D", "E"));

        var cycle = Assert.Single(DependencyCycles.Find(graph));
        Assert.Equal(["A", "B", "C"], cycle);
    }

    [Fact]
    public void Separate_cycles_are_reported_separately()
    {
        var graph = Graph(("Chat", "Notifications"), ("Notifications", "Chat"), ("Invoices", "Payments"), ("Payments", "Invoices"), ("Chat", "Invoices"));

        Assert.Equal([["Chat", "Notifications"], ["Invoices", "Payments"]], DependencyCycles.Find(graph));
    }

    [Fact]
    public void A_feature_using_itself_is_no_cycle()
    {
        var graph = Graph(("Chat", "Chat"), ("Chat", "Users"));

        Assert.Empty(DependencyCycles.Find(graph));
    }
}
