namespace TheBot.AppHost.Deployment;

/// <summary>
/// Files a generator produces, by path relative to its output folder (always with '/'), written with LF
/// line endings in ordinal path order so that the same model gives the same bytes on every machine.
/// </summary>
public sealed class GeneratedFiles
{
    private readonly SortedDictionary<string, string> _files = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string> Files => _files;

    public void Add(string relativePath, string content)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        ArgumentNullException.ThrowIfNull(content);
        if (!_files.TryAdd(relativePath, content.ReplaceLineEndings("\n")))
        {
            throw new InvalidOperationException($"'{relativePath}' is generated twice.");
        }
    }

    public async Task WriteAsync(string outputDirectory, CancellationToken cancellationToken)
    {
        foreach (var (relativePath, content) in _files)
        {
            var path = Path.Combine(outputDirectory, relativePath.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, content, cancellationToken);
        }
    }
}
