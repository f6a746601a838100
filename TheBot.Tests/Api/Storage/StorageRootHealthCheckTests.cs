using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TheBot.Api.Platform.Storage;

namespace TheBot.Tests.Api.Storage;

/// <summary>Issue #15, item 3: api's readiness says plainly when it cannot write its file store.</summary>
public sealed class StorageRootHealthCheckTests
{
    [Fact]
    public async Task A_writable_storage_root_is_healthy_and_keeps_no_probe_file()
    {
        var root = Directory.CreateTempSubdirectory("thebot-storage-").FullName;

        var result = await Check(root);

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Empty(Directory.EnumerateFileSystemEntries(root));
    }

    [Fact]
    public async Task A_storage_root_that_cannot_be_written_is_unhealthy_and_says_which_and_why()
    {
        // Running as root here, permissions alone do not stop a write: a path below a regular file cannot exist.
        var file = Path.GetTempFileName();
        var root = Path.Combine(file, "files");

        var result = await Check(root);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains(root, result.Description, StringComparison.Ordinal);
        Assert.Contains("cannot write", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void The_content_store_registers_the_check_with_api_readiness()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Root"] = "/tmp" });

        builder.Services.AddContentStore(builder.Configuration);

        using var provider = builder.Services.BuildServiceProvider();
        var registrations = provider.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations;
        Assert.Contains(registrations, r => r.Name == StorageRootHealthCheck.Name && !r.Tags.Contains(ServiceDefaultsExtensions.LiveTag));
    }

    private static Task<HealthCheckResult> Check(string root)
    {
        var check = new StorageRootHealthCheck(Options.Create(new StorageOptions { Root = root }));
        return check.CheckHealthAsync(new HealthCheckContext
        {
            Registration = new HealthCheckRegistration(StorageRootHealthCheck.Name, check, HealthStatus.Unhealthy, []),
        }, TestContext.Current.CancellationToken);
    }
}
