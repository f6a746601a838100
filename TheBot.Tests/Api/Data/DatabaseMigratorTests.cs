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
}
