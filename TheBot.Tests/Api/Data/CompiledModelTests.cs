using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Scaffolding;
using Microsoft.Extensions.DependencyInjection;
using Npgsql.EntityFrameworkCore.PostgreSQL.Design.Internal;
using TheBot.Api.Data;

namespace TheBot.Tests.Api.Data;

/// <summary>
/// Issue #18: api runs on the compiled EF model in <c>TheBot.Api/Data/CompiledModel</c> (built at compile time instead
/// of at every start). It is generated code: a migration or any change to the entities' configuration makes it stale,
/// and api would then map entities as they were. This test generates the model again, as
/// <c>dotnet ef dbcontext optimize</c> does, and fails when the checked-in files differ (docs/architecture.md says how to
/// regenerate them).
/// </summary>
public sealed partial class CompiledModelTests
{
    [Fact]
    public void The_checked_in_compiled_model_is_what_the_current_entity_configuration_generates()
    {
        // The context as api configures it, without the compiled model: the model is built from OnModelCreating.
        using var context = new TheBotDbContext(new DbContextOptionsBuilder<TheBotDbContext>()
            .UseNpgsql("Host=localhost")
            .UseSnakeCaseNamingConvention()
            .Options);
        var services = new ServiceCollection().AddEntityFrameworkDesignTimeServices();
#pragma warning disable EF1001 // The provider's design-time services, as the dotnet-ef tool loads them.
        new NpgsqlDesignTimeServices().ConfigureDesignTimeServices(services);
#pragma warning restore EF1001
        services.AddDbContextDesignTimeServices(context);
        using var provider = services.BuildServiceProvider();
        var options = new CompiledModelCodeGenerationOptions
        {
            ContextType = typeof(TheBotDbContext),
            ModelNamespace = "TheBot.Api.Data.CompiledModel",
            Language = "C#",
            UseNullableReferenceTypes = true,
        };
        var generated = provider.GetRequiredService<ICompiledModelCodeGeneratorSelector>().Select(options)
            .GenerateModel(context.GetService<IDesignTimeModel>().Model, options)
            .ToDictionary(f => f.Path, f => f.Code, StringComparer.Ordinal);

        var folder = Path.Combine(RepositoryRoot.Find(), "TheBot.Api", "Data", "CompiledModel");
        var checkedIn = Directory.GetFiles(folder, "*.cs").ToDictionary(f => Path.GetFileName(f), File.ReadAllText, StringComparer.Ordinal);

        const string Regenerate = "the compiled model is stale: regenerate it (docs/architecture.md, \"Data\")";
        Assert.True(generated.Keys.Order(StringComparer.Ordinal).SequenceEqual(checkedIn.Keys.Order(StringComparer.Ordinal)),
            $"{Regenerate}; generated files: {string.Join(", ", generated.Keys.Order(StringComparer.Ordinal))}");
        var differing = generated.Where(f => Normalized(f.Value) != Normalized(checkedIn[f.Key])).Select(f => f.Key).ToList();
        var written = Path.Combine(Path.GetTempPath(), "thebot-compiled-model");
        if (differing.Count > 0)
        {
            Directory.CreateDirectory(written);
            foreach (var file in differing)
            {
                File.WriteAllText(Path.Combine(written, file), generated[file]);
            }
        }

        Assert.True(differing.Count == 0, $"{Regenerate}; differing: {string.Join(", ", differing)} (this test's output is in {written})");
    }

    // Each generation gives the model a new random id, and the tool writes a byte-order mark: neither is a difference.
    private static string Normalized(string code) =>
        ModelId().Replace(code.TrimStart('\uFEFF').ReplaceLineEndings("\n").TrimEnd(), "modelId: new Guid(\"…\")");

    [GeneratedRegex("""modelId: new Guid\("[0-9a-f-]{36}"\)""")]
    private static partial Regex ModelId();
}
