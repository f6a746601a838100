using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;

namespace TheBot.Tests.Deployment;

/// <summary>
/// An overlay of the committed deploy/k8s rendered by <c>kubectl kustomize</c>, the way an operator applies it:
/// from a copy where every committed <c>secrets/*.env.example</c> has become a filled-in <c>secrets/*.env</c>.
/// </summary>
internal sealed class RenderedOverlay
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<RenderedOverlay>>> Cache = new();

    private RenderedOverlay(string file, JsonElement[] objects)
    {
        File = file;
        Objects = objects;
    }

    public string File { get; }

    public JsonElement[] Objects { get; }

    public static Task<RenderedOverlay> GetAsync(string overlay) =>
        Cache.GetOrAdd(overlay, name => new Lazy<Task<RenderedOverlay>>(() => RenderAsync(name))).Value;

    public IEnumerable<JsonElement> OfKind(string kind) => Objects.Where(o => o.GetProperty("kind").GetString() == kind);

    public JsonElement Single(string kind, string name) =>
        OfKind(kind).Single(o => o.GetProperty("metadata").GetProperty("name").GetString() == name);

    private static async Task<RenderedOverlay> RenderAsync(string overlay)
    {
        var copy = Directory.CreateTempSubdirectory("thebot-k8s-").FullName;
        var source = Path.Combine(Tool.Root, "deploy", "k8s");
        foreach (var file in GeneratedDeployment.Files(source))
        {
            var target = Path.Combine(copy, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            System.IO.File.Copy(Path.Combine(source, file), target);
            if (file.EndsWith(".env.example", StringComparison.Ordinal))
            {
                var filled = (await System.IO.File.ReadAllLinesAsync(target, TestContext.Current.CancellationToken))
                    .Where(l => !l.StartsWith('#') && l.Contains('=', StringComparison.Ordinal))
                    .Select(l => $"{l[..l.IndexOf('=', StringComparison.Ordinal)]}=filled{RandomNumberGenerator.GetHexString(32, lowercase: true)}");
                await System.IO.File.WriteAllLinesAsync(target[..^".example".Length], filled, TestContext.Current.CancellationToken);
            }
        }

        // "dev+aspire-dashboard": the overlay with an opt-in component, the way an operator's own overlay adds it.
        if (overlay.Split('+') is [var baseOverlay, var component])
        {
            Directory.CreateDirectory(Path.Combine(copy, "overlays", overlay));
            await System.IO.File.WriteAllTextAsync(Path.Combine(copy, "overlays", overlay, "kustomization.yaml"),
                $"apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [../{baseOverlay}]\ncomponents: [../../components/{component}]\n",
                TestContext.Current.CancellationToken);
        }

        var result = await Tool.RunAsync("kubectl", ["kustomize", Path.Combine(copy, "overlays", overlay)]);
        Assert.True(result.ExitCode == 0, $"kubectl kustomize overlays/{overlay} failed: {result.Describe()}");
        var rendered = Path.Combine(copy, $"{overlay}.rendered.yaml");
        await System.IO.File.WriteAllTextAsync(rendered, result.Output, TestContext.Current.CancellationToken);
        return new RenderedOverlay(rendered, await Tool.ReadYamlAsync(rendered));
    }
}
