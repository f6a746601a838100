using System.Collections;

namespace TheBot.AppHost.Deployment.Yaml;

/// <summary>A YAML mapping that keeps insertion order; entries whose value is null are left out.</summary>
public sealed class YamlMap : IEnumerable<KeyValuePair<string, object>>
{
    private readonly List<KeyValuePair<string, object>> _entries = [];

    public YamlMap()
    {
    }

    public YamlMap(IEnumerable<KeyValuePair<string, string>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var (key, value) in entries)
        {
            Add(key, value);
        }
    }

    public int Count => _entries.Count;

    public void Add(string key, object? value)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (value is null)
        {
            return;
        }

        if (_entries.Exists(e => e.Key == key))
        {
            throw new InvalidOperationException($"Duplicate YAML key '{key}'.");
        }

        _entries.Add(new(key, value));
    }

    public IEnumerator<KeyValuePair<string, object>> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
