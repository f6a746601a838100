using TheBot.Tests.Api.Architecture.Samples.Used;

namespace TheBot.Tests.Api.Architecture;

/// <summary>The reader finds uses the source hides, read from this test assembly's own sample types.</summary>
public sealed class AssemblyTypeReferencesTests
{
    private static readonly Lazy<IReadOnlyList<TypeUse>> Uses = new(() => AssemblyTypeReferences.Read(typeof(AssemblyTypeReferencesTests).Assembly.Location));

    [Theory]
    [InlineData(typeof(Samples.Users.InALambda), nameof(InALambdaTarget))]
    [InlineData(typeof(Samples.Users.InAnAttributeArgument), nameof(InAnAttributeTarget))]
    [InlineData(typeof(Samples.Users.InAGenericArgument), nameof(InAGenericArgumentTarget))]
    [InlineData(typeof(Samples.Users.InAnAsyncMethod), nameof(InAnAsyncMethodTarget))]
    public void A_use_counts_for_the_type_that_wrote_it(Type user, string used)
    {
        Assert.Contains(Uses.Value, u => u.From == user.FullName && u.To == typeof(InALambdaTarget).Namespace + "." + used);
    }

    [Fact]
    public void A_type_that_uses_nothing_of_another_namespace_shows_no_use()
    {
        Assert.DoesNotContain(Uses.Value, u => u.From == typeof(Samples.Users.UsesNothing).FullName && u.ToNamespace == typeof(InALambdaTarget).Namespace);
    }
}
