using TheBot.Tests.Api.Architecture.Samples.Used;

// Each type uses one sample type where the source hides it (a lambda, an attribute, a generic argument, an async method).
namespace TheBot.Tests.Api.Architecture.Samples.Users;

public static class InALambda
{
    public static Func<int> Make() => () => InALambdaTarget.Value;
}

[System.ComponentModel.TypeConverter(typeof(InAnAttributeTarget))]
public sealed class InAnAttributeArgument;

public static class InAGenericArgument
{
    public static int Count() => new List<InAGenericArgumentTarget>().Count;
}

public static class InAnAsyncMethod
{
    public static async Task<int> RunAsync()
    {
        await Task.Yield();
        return await InAnAsyncMethodTarget.GetAsync();
    }
}

public static class UsesNothing
{
    public static int Value() => 1;
}
