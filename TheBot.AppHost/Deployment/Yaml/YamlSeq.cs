namespace TheBot.AppHost.Deployment.Yaml;

/// <summary>A YAML sequence.</summary>
public sealed class YamlSeq : List<object>
{
    public YamlSeq()
    {
    }

    public YamlSeq(IEnumerable<object> items) : base(items)
    {
    }
}
