using System.Reflection;
using System.Text.RegularExpressions;
using TheBot.Api.Platform.Jobs;
using TheBot.Api.Platform.Storage;

namespace TheBot.Tests.Api;

/// <summary>Names the documentation gives operators and admins (settings, jobs) exist in the code.</summary>
public sealed partial class DocumentedNamesTests
{
    private static IEnumerable<(string File, string Text)> Documents()
    {
        var root = RepositoryRoot.Find();
        return Directory.GetFiles(Path.Combine(root, "docs"), "*.md").Append(Path.Combine(root, "README.md"))
            .Select(file => (Path.GetFileName(file), File.ReadAllText(file)));
    }

    [Fact]
    public void Every_storage_setting_the_docs_name_is_an_option()
    {
        var options = typeof(StorageOptions).GetProperties().Concat(typeof(StorageQuotaOptions).GetProperties()).Select(p => p.Name).ToHashSet();

        var named = Documents().SelectMany(d => StorageSetting().Matches(d.Text).Select(m => (d.File, Name: m.Groups["name"].Value))).ToList();

        Assert.Contains(named, n => n.Name == nameof(StorageQuotaOptions.QuotaPerUserBytes));
        Assert.Contains(named, n => n.Name == nameof(StorageQuotaOptions.UploadsPerUserPerHour));
        Assert.All(named, n => Assert.True(options.Contains(n.Name), $"{n.File} names Storage:{n.Name}, which no storage options class has"));
    }

    [Fact]
    public void Every_job_the_docs_name_is_a_scheduled_job()
    {
        var jobs = typeof(IScheduledJob).Assembly.GetTypes()
            .Where(t => t.IsClass && typeof(IScheduledJob).IsAssignableFrom(t))
            .Select(t => (string)t.GetProperty(nameof(IScheduledJob.Name), BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!)
            .ToHashSet();

        var named = Documents().SelectMany(d => JobMention().Matches(d.Text).Select(m => (d.File, Name: m.Groups["name"].Value))).ToList();

        Assert.Contains(named, n => n.Name == "remove-unreferenced-files");
        Assert.Contains(named, n => n.Name == "expire-parent-invitations");
        Assert.All(named, n => Assert.True(jobs.Contains(n.Name), $"{n.File} names the job {n.Name}, which does not exist"));
    }

    [GeneratedRegex(@"Storage(?::|__)(?<name>[A-Z][A-Za-z]+)")]
    private static partial Regex StorageSetting();

    /// <summary>"the hourly `remove-unreferenced-files` job".</summary>
    [GeneratedRegex(@"`(?<name>[a-z]+(?:-[a-z]+)+)` job")]
    private static partial Regex JobMention();
}
