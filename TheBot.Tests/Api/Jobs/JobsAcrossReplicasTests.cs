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
        await WaitForAsync(async () => await CountAsync("SELECT count(DISTINCT runner) FROM job_runs WHERE job_name = $1") == 2
            && await CountAsync("SELECT count(*) FROM job_runs WHERE job_name = $1 AND outcome = 'Succeeded'") >= 10);
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM (SELECT occurrence_key FROM job_runs WHERE job_name = $1 GROUP BY occurrence_key HAVING count(*) > 1) d"));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM job_runs WHERE job_name = $1 AND outcome = 'Failed'"));
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(await app.Host.GetConnectionStringAsync("thebot"));
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = ScaleOutAppFixture.FrequentJob });
        return (long)(await command.ExecuteScalarAsync(Ct))!;
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
