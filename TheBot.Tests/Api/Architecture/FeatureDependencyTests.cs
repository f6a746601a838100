using System.Globalization;
using System.Text;
using TheBot.Api;

namespace TheBot.Tests.Api.Architecture;

/// <summary>
/// Features depend on each other in one direction only, and the platform on none of them: read from the compiled
/// api, so a use the source hides (a lambda, an attribute, a generic argument) counts too.
/// </summary>
public sealed class FeatureDependencyTests
{
    private const string FeaturesNamespace = "TheBot.Api.Features.";
    private const string PlatformNamespace = "TheBot.Api.Platform";

    private static readonly Lazy<IReadOnlyList<TypeUse>> ApiTypeUses =
        new(() => AssemblyTypeReferences.Read(typeof(ApiServiceExtensions).Assembly.Location));

    [Fact]
    public void No_two_features_depend_on_each_other_even_through_others()
    {
        var between = ApiTypeUses.Value
            .Select(u => (Use: u, From: Feature(u.FromNamespace), To: Feature(u.ToNamespace)))
            .Where(u => u.From is not null && u.To is not null && u.From != u.To)
            .Select(u => (u.Use, From: u.From!, To: u.To!))
            .ToList();
        var graph = between.GroupBy(u => u.From)
            .ToDictionary(g => g.Key, g => (IReadOnlySet<string>)g.Select(u => u.To).ToHashSet());

        var cycles = DependencyCycles.Find(graph);

        if (cycles.Count > 0)
        {
            var report = new StringBuilder("Feature namespaces depend on each other in a cycle (move the shared type to its owner, or invert the call):");
            foreach (var cycle in cycles)
            {
                report.AppendLine().Append("  ").AppendJoin(" ⇄ ", cycle);
                var inside = between.Where(u => cycle.Contains(u.From) && cycle.Contains(u.To));
                foreach (var edge in inside.GroupBy(u => (u.From, u.To)).OrderBy(g => g.Key.From).ThenBy(g => g.Key.To))
                {
                    var examples = edge.Select(u => $"{Short(u.Use.From)} uses {Short(u.Use.To)}").Distinct().Order().ToList();
                    report.AppendLine().Append(CultureInfo.InvariantCulture, $"    {edge.Key.From} → {edge.Key.To}: ").AppendJoin("; ", examples.Take(4));
                    if (examples.Count > 4)
                    {
                        report.Append(CultureInfo.InvariantCulture, $"; and {examples.Count - 4} more");
                    }
                }
            }

            Assert.Fail(report.ToString());
        }
    }

    [Fact]
    public void The_platform_uses_no_feature()
    {
        var uses = ApiTypeUses.Value
            .Where(u => IsPlatform(u.FromNamespace) && Feature(u.ToNamespace) is not null)
            .Select(u => $"{Short(u.From)} uses {Short(u.To)}")
            .Distinct()
            .Order()
            .ToList();

        Assert.True(uses.Count == 0, "Platform/ is infrastructure and must not reach into Features/:\n  " + string.Join("\n  ", uses));
    }

    [Fact]
    public void The_reader_sees_the_features_the_api_composes()
    {
        // The graph is read, not assumed: the composition root uses every feature folder's types.
        var features = Directory.GetDirectories(Path.Combine(RepositoryRoot.Find(), "TheBot.Api", "Features")).Select(Path.GetFileName).ToHashSet();
        var used = ApiTypeUses.Value.Where(u => u.FromNamespace == "TheBot.Api").Select(u => Feature(u.ToNamespace)).OfType<string>().ToHashSet();

        Assert.Subset(features!, used);
    }

    private static string? Feature(string ns) =>
        ns.StartsWith(FeaturesNamespace, StringComparison.Ordinal) ? ns[FeaturesNamespace.Length..].Split('.')[0] : null;

    private static bool IsPlatform(string ns) =>
        ns == PlatformNamespace || ns.StartsWith(PlatformNamespace + ".", StringComparison.Ordinal);

    private static string Short(string fullName) =>
        fullName.StartsWith(FeaturesNamespace, StringComparison.Ordinal) ? fullName[FeaturesNamespace.Length..]
        : fullName.StartsWith("TheBot.Api.", StringComparison.Ordinal) ? fullName["TheBot.Api.".Length..]
        : fullName;
}
