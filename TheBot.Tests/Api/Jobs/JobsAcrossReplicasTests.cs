using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Jobs;

/// <summary>Two api replicas race for every occurrence of a job due every two seconds: each runs once.</summary>
[Collection(ScaleOutAppFixture.Collection)]
public sealed class JobsAcrossReplicasTests(ScaleOutAppFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_occurrence_runs_exactly_once_and_each_invoice_turns_overdue_once()
    {
        // Runners are named by process: other tests of this collection restart replicas, so count only this test's window.
        var since = DateTimeOffset.UtcNow;
        var invoices = new List<(BillingSetup Setup, Guid Id)>();
        for (var i = 0; i < 3; i++)
        {
            invoices.Add(await app.Billing.CreateSentInvoiceAsync(app.People));
        }

        foreach (var (_, id) in invoices)
        {
            await app.Billing.ExecuteSqlAsync("UPDATE invoices SET due_date = current_date - 2 WHERE id = $1", id);
        }

        // Both replicas poll every second; wait until the schedule has marked every invoice.
        foreach (var (setup, id) in invoices)
        {
            await WaitForAsync(async () =>
                (await setup.Parent.Client.GetFromJsonAsync<JsonElement>($"/api/invoices/{id}", Ct)).GetProperty("status").GetString() == "overdue");
            var history = await setup.Tutor.Client.GetFromJsonAsync<JsonElement>($"/api/invoices/{id}/history", Ct);
            Assert.Single(history.EnumerateArray(), h => h.GetProperty("to").GetString() == "overdue");
        }

        // Let both replicas race for a few more occurrences, then count.
        var raced = await EventuallyAsync(async () => await CountAsync("SELECT count(DISTINCT runner) FROM job_runs WHERE job_name = $1 AND started_at >= $2", since) == 2
            && await CountAsync("SELECT count(*) FROM job_runs WHERE job_name = $1 AND outcome = 'Succeeded' AND started_at >= $2", since) >= 10);
        Assert.True(raced, "Both replicas should have run the job ten times between them; runs since the test began:\n" + await RunsSinceAsync(since));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM (SELECT occurrence_key FROM job_runs WHERE job_name = $1 GROUP BY occurrence_key HAVING count(*) > 1) d"));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM job_runs WHERE job_name = $1 AND outcome = 'Failed'"));
    }

    private async Task<long> CountAsync(string sql, DateTimeOffset? since = null)
    {
        await using var connection = new NpgsqlConnection(await app.Host.GetConnectionStringAsync("thebot"));
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = ScaleOutAppFixture.FrequentJob });
        if (since is { } from)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = from });
        }

        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }

    private async Task<string> RunsSinceAsync(DateTimeOffset since)
    {
        await using var connection = new NpgsqlConnection(await app.Host.GetConnectionStringAsync("thebot"));
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(
            "SELECT runner, outcome, count(*), min(started_at), max(started_at) FROM job_runs WHERE job_name = $1 AND started_at >= $2 GROUP BY runner, outcome", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = ScaleOutAppFixture.FrequentJob });
        command.Parameters.Add(new NpgsqlParameter { Value = since });
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var rows = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            rows.Add($"{reader.GetString(0)} {reader.GetString(1)} ×{reader.GetInt64(2)} {reader.GetFieldValue<DateTimeOffset>(3):O}…{reader.GetFieldValue<DateTimeOffset>(4):O}");
        }

        return rows.Count == 0 ? "(none)" : string.Join('\n', rows);
    }

    /// <summary>True once the condition holds, false after a minute.</summary>
    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTimeOffset.UtcNow.AddMinutes(1);
        while (!await condition())
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), Ct);
        }

        return true;
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        while (!await condition())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250), timeout.Token);
        }
    }
}
