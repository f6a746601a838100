using Npgsql;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.PerSubjectBilling;

/// <summary>Two api replicas run the renewal job every two seconds: a subscription's next period is charged once.</summary>
[Collection(ScaleOutAppFixture.Collection)]
public sealed class SubscriptionsAcrossReplicasTests(ScaleOutAppFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_next_period_is_issued_and_charged_exactly_once_while_both_replicas_race()
    {
        var (classroom, subscriptionId) = await BillingSteps.SubscribedAndPaidAsync(app.Learning, app.Host, 4000m, everyWeeks: 4);
        var since = DateTimeOffset.UtcNow;
        var paidUntil = BillingSteps.Today.AddDays(1);
        await app.Billing.ExecuteSqlAsync("UPDATE enrollments SET paid_until = $1 WHERE id = $2", paidUntil, classroom.EnrollmentId);

        // The schedule charges it; then both replicas get many more chances to charge it again.
        await WaitForAsync(async () => BillingSteps.PaidUntil(await BillingSteps.BillingOfAsync(classroom.Parent, classroom.EnrollmentId)) != paidUntil);
        await WaitForAsync(async () =>
            await CountAsync("SELECT count(DISTINCT runner) FROM job_runs WHERE job_name = $1 AND started_at >= $2", since) == 2
            && await CountAsync("SELECT count(*) FROM job_runs WHERE job_name = $1 AND outcome = 'Succeeded' AND started_at >= $2", since) >= 8);

        Assert.Equal(paidUntil.AddDays(28), BillingSteps.PaidUntil(await BillingSteps.BillingOfAsync(classroom.Parent, classroom.EnrollmentId)));
        Assert.Equal(1, await BillingSteps.CountAsync(app.Host, "SELECT count(*) FROM sandbox_payments WHERE idempotence_key LIKE $1", $"sub-{subscriptionId:N}-%"));
        Assert.Equal(1, await BillingSteps.CountAsync(app.Host, "SELECT count(*) FROM subscription_charges WHERE subscription_id = $1", subscriptionId));
        Assert.Equal(2, await BillingSteps.CountAsync(app.Host, "SELECT count(*) FROM billing_periods WHERE enrollment_id = $1 AND applied_at IS NOT NULL", classroom.EnrollmentId));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM (SELECT occurrence_key FROM job_runs WHERE job_name = $1 GROUP BY occurrence_key HAVING count(*) > 1) d"));
    }

    private async Task<long> CountAsync(string sql, DateTimeOffset? since = null)
    {
        await using var connection = new NpgsqlConnection(await app.Host.GetConnectionStringAsync("thebot"));
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = ScaleOutAppFixture.RenewalJob });
        if (since is { } from)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = from });
        }

        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(90));
        while (!await condition())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250), timeout.Token);
        }
    }
}
