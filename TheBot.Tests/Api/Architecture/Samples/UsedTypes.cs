// Sample types the reader test looks for: used by the types in UserTypes.cs, each in a different way.
namespace TheBot.Tests.Api.Architecture.Samples.Used;

public sealed class InALambdaTarget
{
    public static int Value => 1;
}

public sealed class InAnAttributeTarget;

public sealed class InAGenericArgumentTarget;

public sealed class InAnAsyncMethodTarget
{
    public static Task<int> GetAsync() => Task.FromResult(1);
}
