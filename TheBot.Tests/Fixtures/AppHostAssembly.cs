namespace TheBot.Tests;

/// <summary>
/// The AppHost as built in its own project folder, to run as a separate process (publishing, the
/// fail-fast check). The copy next to the tests is not runnable on its own: the test project's build
/// resolves shared-framework assemblies differently and leaves some of the AppHost's out.
/// </summary>
internal static class AppHostAssembly
{
    public static string Path { get; } = Locate();

    private static string Locate()
    {
        var root = RepositoryRoot.Find();
        var testOutput = System.IO.Path.GetRelativePath(System.IO.Path.Combine(root, "TheBot.Tests"), AppContext.BaseDirectory);
        var own = System.IO.Path.Combine(root, "TheBot.AppHost", testOutput, "TheBot.AppHost.dll");
        return File.Exists(own)
            ? own
            : throw new FileNotFoundException($"The AppHost's build output was not found at {own}; build the solution first.");
    }
}
