using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.PerSubjectBilling;

/// <summary>The renew-subscriptions job: the next period is issued ahead and charged once; declines are retried and reported.</summary>
public sealed class SubscriptionRenewalTests(TheBotAppFixture fixture)
{
    private const string Job = "renew-subscriptions";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_job_charges_the_saved_method_for_the_next_period_once_and_a_cancelled_subscription_renews_no_more()
    {
        var admin = await fixture.People.CreateAsync("admin");
        var (classroom, subscriptionId) = await BillingSteps.SubscribedAndPaidAsync(fixture.Learning, fixture.Host, 4000m, everyWeeks: 2);
        // The first period was two weeks of a four-week price: pro rata.
        Assert.Equal(1, await BillingSteps.CountAsync(fixture.Host, "SELECT count(*) FROM invoices WHERE enrollment_id = $1 AND amount = 2000 AND status = 'Paid'", classroom.EnrollmentId));
        await fixture.Billing.ExecuteSqlAsync("UPDATE enrollments SET paid_until = $1 WHERE id = $2", BillingSteps.Today.AddDays(2), classroom.EnrollmentId);

        await admin.RunJobAsync(Job);
        await admin.RunJobAsync(Job);

        var billing = await BillingSteps.BillingOfAsync(classroom.Parent, classroom.EnrollmentId);
        Assert.Equal(BillingSteps.Today.AddDays(2 + 14), BillingSteps.PaidUntil(billing));
        Assert.Equal(1, await BillingSteps.CountAsync(fixture.Host, "SELECT count(*) FROM sandbox_payments WHERE idempotence_key LIKE $1", $"sub-{subscriptionId:N}-%"));
        Assert.Equal(1, await BillingSteps.CountAsync(fixture.Host, "SELECT count(*) FROM subscription_charges WHERE subscription_id = $1 AND status = 'Succeeded' AND attempts = 1", subscriptionId));

        using var cancel = await classroom.Parent.Client.DeleteAsync($"/api/billing/enrollments/{classroom.EnrollmentId}/subscription", Ct);
        await Expect.StatusAsync(HttpStatusCode.OK, cancel);
        var cancelled = await cancel.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());
        Assert.Equal(BillingSteps.Today.AddDays(16).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), cancelled.GetProperty("endsOn").GetString());
        await fixture.Billing.ExecuteSqlAsync("UPDATE enrollments SET paid_until = $1 WHERE id = $2", BillingSteps.Today.AddDays(1), classroom.EnrollmentId);
        await admin.RunJobAsync(Job);
        Assert.Equal(1, await BillingSteps.CountAsync(fixture.Host, "SELECT count(*) FROM subscription_charges WHERE subscription_id = $1", subscriptionId));
        Assert.Equal(BillingSteps.Today.AddDays(1), BillingSteps.PaidUntil(await BillingSteps.BillingOfAsync(classroom.Tutor, classroom.EnrollmentId)));
    }

    [Fact]
    public async Task A_declined_renewal_tells_the_parent_and_the_tutor_is_retried_and_after_three_declines_the_subscription_is_past_due()
    {
        var admin = await fixture.People.CreateAsync("admin");
        var (classroom, subscriptionId) = await BillingSteps.SubscribedAndPaidAsync(fixture.Learning, fixture.Host, 3000m, everyWeeks: 4);
        // The card the sandbox saved now declines every charge.
        await fixture.Billing.ExecuteSqlAsync("UPDATE billing_subscriptions SET payment_method_id = 'sbx_pm_declined_' || left(id::text, 8) WHERE id = $1", subscriptionId);
        var paidUntil = BillingSteps.Today.AddDays(1);
        await fixture.Billing.ExecuteSqlAsync("UPDATE enrollments SET paid_until = $1 WHERE id = $2", paidUntil, classroom.EnrollmentId);

        await admin.RunJobAsync(Job);

        Assert.Equal(1, await BillingSteps.CountAsync(fixture.Host,
            "SELECT count(*) FROM subscription_charges WHERE subscription_id = $1 AND status = 'Scheduled' AND attempts = 1 AND next_attempt_at > now() + interval '23 hours'", subscriptionId));
        var invoiceId = await InvoiceOfChargeAsync(subscriptionId);
        Assert.Single(await DeclinedAsync(classroom.Tutor, invoiceId));
        Assert.Single(await DeclinedAsync(classroom.Parent, invoiceId));

        // A day later, the second attempt; three days after it, the third and last.
        for (var attempt = 2; attempt <= 3; attempt++)
        {
            await fixture.Billing.ExecuteSqlAsync("UPDATE subscription_charges SET next_attempt_at = now() - interval '1 minute' WHERE subscription_id = $1", subscriptionId);
            await admin.RunJobAsync(Job);
            Assert.Equal(attempt, await BillingSteps.CountAsync(fixture.Host, "SELECT attempts FROM subscription_charges WHERE subscription_id = $1", subscriptionId));
            Assert.Equal(attempt, (await DeclinedAsync(classroom.Tutor, invoiceId)).Count);
            Assert.Equal(attempt, (await DeclinedAsync(classroom.Parent, invoiceId)).Count);
        }

        Assert.Equal(1, await BillingSteps.CountAsync(fixture.Host,
            "SELECT count(*) FROM subscription_charges WHERE subscription_id = $1 AND status = 'Failed' AND next_attempt_at IS NULL", subscriptionId));
        Assert.Equal(3, await BillingSteps.CountAsync(fixture.Host, "SELECT count(*) FROM sandbox_payments WHERE idempotence_key LIKE $1 AND status = 'Canceled'", $"sub-{subscriptionId:N}-%"));
        var billing = await BillingSteps.BillingOfAsync(classroom.Parent, classroom.EnrollmentId);
        Assert.Equal("pastDue", billing.GetProperty("subscription").GetProperty("status").GetString());
        Assert.Equal(paidUntil, BillingSteps.PaidUntil(billing));
        var invoice = await classroom.Parent.Client.GetFromJsonAsync<JsonElement>($"/api/invoices/{invoiceId}", Ct);
        Assert.NotEqual("paid", invoice.GetProperty("status").GetString());

        // No fourth attempt.
        await fixture.Billing.ExecuteSqlAsync("UPDATE subscription_charges SET next_attempt_at = now() - interval '1 minute' WHERE subscription_id = $1", subscriptionId);
        await admin.RunJobAsync(Job);
        Assert.Equal(3, await BillingSteps.CountAsync(fixture.Host, "SELECT count(*) FROM sandbox_payments WHERE idempotence_key LIKE $1", $"sub-{subscriptionId:N}-%"));
    }

    private async Task<Guid> InvoiceOfChargeAsync(Guid subscriptionId)
    {
        await using var connection = new Npgsql.NpgsqlConnection(await fixture.Host.GetConnectionStringAsync("thebot"));
        await connection.OpenAsync(Ct);
        await using var command = new Npgsql.NpgsqlCommand("SELECT invoice_id FROM subscription_charges WHERE subscription_id = $1", connection);
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = subscriptionId });
        return (Guid)(await command.ExecuteScalarAsync(Ct))!;
    }

    /// <summary>The user's notifications about the renewal's invoice other than its sending.</summary>
    private static async Task<List<JsonElement>> DeclinedAsync(SignedIn user, Guid invoiceId) =>
        [.. (await user.NotificationsAboutAsync($"/invoices/{invoiceId}"))
            .Where(n => n.GetProperty("title").GetString()!.Contains("Renewal", StringComparison.Ordinal)
                || n.GetProperty("title").GetString()!.Contains("Продление", StringComparison.Ordinal))];
}
