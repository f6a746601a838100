using Microsoft.Extensions.Logging;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Data;

/// <summary>Issue #16, item 8: what a newcomer sees on a first start.</summary>
public sealed class DatabaseMigratorTests(TheBotAppFixture fixture)
{
    [Fact]
    public async Task A_first_start_on_an_empty_database_migrates_it_without_logging_an_error()
    {
        await using var database = await FreshDatabase.NameAsync(fixture.Host, "first_start");
        await using var api = await InProcessApi.BuildAsync(fixture.Host, settings: new Dictionary<string, string?>
        {
            ["ConnectionStrings__thebot"] = database.ConnectionString,
        });

        Assert.True(await api.MigrateDatabaseAsync(TestContext.Current.CancellationToken));

        Assert.Contains(api.Logs.Entries, e => e.Message.StartsWith("Applying ", StringComparison.Ordinal));
        var errors = api.Logs.Entries.Where(e => e.Level >= LogLevel.Error).ToList();
        Assert.True(errors.Count == 0, "A first start logged:\n" + string.Join("\n", errors.Select(e => $"{e.Level} {e.Category}: {e.Message}")));
    }

    /// <summary>Issue #18: a start on an up-to-date schema tells so with one query and applies nothing.</summary>
    [Fact]
    public async Task A_start_on_a_database_with_every_migration_applied_applies_nothing()
    {
        await using var database = await FreshDatabase.NameAsync(fixture.Host, "second_start");
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings__thebot"] = database.ConnectionString,
            // EF's commands are logged: EF's own migration check shows as commands on its history table.
            ["Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command"] = "Information",
        };
        static bool EfHistoryCommand(CapturedLog log) => log.Message.Contains("__EFMigrationsHistory", StringComparison.Ordinal);
        await using (var first = await InProcessApi.BuildAsync(fixture.Host, settings: settings))
        {
            Assert.True(await first.MigrateDatabaseAsync(TestContext.Current.CancellationToken));
            Assert.Contains(first.Logs.Entries, EfHistoryCommand);
        }

        await using var second = await InProcessApi.BuildAsync(fixture.Host, settings: settings);
        Assert.True(await second.MigrateDatabaseAsync(TestContext.Current.CancellationToken));

        Assert.DoesNotContain(second.Logs.Entries, e => e.Message.StartsWith("Applying ", StringComparison.Ordinal));
        Assert.DoesNotContain(second.Logs.Entries, EfHistoryCommand);
        Assert.Contains(second.Logs.Entries, e => e.Message == "Database schema is up to date");
    }
}
